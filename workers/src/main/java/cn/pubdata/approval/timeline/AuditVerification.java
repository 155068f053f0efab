package cn.pubdata.approval.timeline;

/**
 * The result of walking the audit chain: intact, or the first place where it breaks, with the entry's number
 * ({@code seq}), its row id where the row is there, and what was found, in Chinese.
 */
public record AuditVerification(
        boolean intact, long entriesChecked, String headHash, Long brokenAtSeq, Long brokenAtId, String problem) {

    static AuditVerification intact(long entries, String headHash) {
        return new AuditVerification(true, entries, headHash, null, null, null);
    }

    static AuditVerification broken(long entries, String headHash, long seq, Long id, String problem) {
        return new AuditVerification(false, entries, headHash, seq, id, problem);
    }
}
