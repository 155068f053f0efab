package cn.pubdata.approval.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the audit chain in order and reports the first entry that was edited (its hash no longer matches its
 * content), deleted (a number missing, or the newest entries gone from under the head) or inserted (a link that does
 * not lead to the entry before it). Rows are streamed, so that ten million entries need no memory.
 */
@Component
public class AuditVerifier {

    private final JdbcTemplate jdbc;

    public AuditVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AuditVerification verify() {
        Walk walk = new Walk();
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement("""
                            select id, seq, subject, at, title, detail, actor, actor_unit, dedupe_key, prev_hash, hash
                            from approval.timeline_event order by seq""");
                    statement.setFetchSize(5_000);
                    return statement;
                },
                walk::step);
        if (walk.broken != null) {
            return walk.broken;
        }
        return jdbc.query("select seq, hash from approval.audit_chain_head where id = 1", rs -> {
            if (!rs.next()) {
                return AuditVerification.broken(walk.count, walk.lastHash, 1, null, "审计链的链头记录缺失");
            }
            long headSeq = rs.getLong("seq");
            String headHash = rs.getString("hash");
            if (headSeq != walk.lastSeq || !headHash.equals(walk.lastHash)) {
                long missing = walk.lastSeq + 1;
                return AuditVerification.broken(
                        walk.count,
                        walk.lastHash,
                        missing,
                        null,
                        headSeq > walk.lastSeq
                                ? "第 " + missing + " 至 " + headSeq + " 条记录缺失（最新的记录被删除）"
                                : "链头（第 " + headSeq + " 条）与最后一条记录（第 " + walk.lastSeq + " 条）不符，记录被插入或链头被改动");
            }
            return AuditVerification.intact(walk.count, headHash);
        });
    }

    private static final class Walk {
        long count;
        long lastSeq;
        String lastHash = AuditChain.GENESIS;
        AuditVerification broken;

        void step(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            count++;
            long id = rs.getLong("id");
            long seq = rs.getLong("seq");
            String prev = rs.getString("prev_hash");
            String stored = rs.getString("hash");
            if (seq != lastSeq + 1) {
                long missing = lastSeq + 1;
                broken = AuditVerification.broken(
                        count,
                        lastHash,
                        missing,
                        null,
                        seq > missing
                                ? "第 " + missing + (seq - 1 > missing ? " 至 " + (seq - 1) : "") + " 条记录缺失（已被删除），其后是第 "
                                        + seq + " 条（id " + id + "）"
                                : "第 " + seq + " 条记录（id " + id + "）编号重复或顺序被改动");
                return;
            }
            if (!lastHash.equals(prev)) {
                broken = AuditVerification.broken(
                        count, lastHash, seq, id, "第 " + seq + " 条记录（id " + id + "）未链接到前一条记录，可能被插入或改动");
                return;
            }
            String recomputed = AuditChain.hash(AuditChain.canonical(
                    seq,
                    rs.getString("subject"),
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("title"),
                    rs.getString("detail"),
                    rs.getString("actor"),
                    rs.getString("actor_unit"),
                    rs.getString("dedupe_key"),
                    prev));
            if (!recomputed.equals(stored)) {
                broken = AuditVerification.broken(
                        count, lastHash, seq, id, "第 " + seq + " 条记录（id " + id + "）的内容与其哈希不符，已被改动");
                return;
            }
            lastSeq = seq;
            lastHash = stored;
        }
    }
}
