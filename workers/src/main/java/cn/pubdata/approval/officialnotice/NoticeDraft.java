package cn.pubdata.approval.officialnotice;

/**
 * What a flow step issues: its key (the external task's, so a repeated delivery finds the notice it issued), the
 * jurisdiction whose sequence numbers it, the case it belongs to (ADM-1 …) and the operator it is addressed to.
 */
public record NoticeDraft(
        String dedupeKey,
        OfficialNotice.Kind kind,
        String jurisdiction,
        String subject,
        String creditCode,
        String addressee,
        String title,
        String body) {}
