package cn.pubdata.approval.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log (存证溯源, SEC-10): the timeline's entries chained by SHA-256. Each entry's hash
 * covers its canonical form and the hash of the entry before it, so that an entry edited, deleted or slipped in
 * later breaks the chain at that place ({@link AuditVerifier}).
 */
@Component
public class AuditChain {

    /** What the first entry's predecessor hash is. */
    public static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;

    public AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry unless one with its dedupe key is there (a repeated delivery). The head row is locked until the
     * transaction ends, so that concurrent appends (threads, engine nodes) queue and each links to the one before.
     */
    @Transactional
    public void append(
            String subject, Instant at, String title, String detail, String actor, String actorUnit, String dedupeKey) {
        Head head = jdbc.sql("select seq, hash from approval.audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        if (dedupeKey != null
                && jdbc.sql("select count(*) from approval.timeline_event where dedupe_key = :key")
                                .param("key", dedupeKey)
                                .query(Long.class)
                                .single()
                        > 0) {
            return;
        }
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        long seq = head.seq() + 1;
        String hash = hash(canonical(seq, subject, stored, title, detail, actor, actorUnit, dedupeKey, head.hash()));
        jdbc.sql("""
                insert into approval.timeline_event
                    (subject, at, title, detail, actor, actor_unit, dedupe_key, seq, prev_hash, hash)
                values (:subject, :at, :title, :detail, :actor, :unit, :key, :seq, :prev, :hash)""")
                .param("subject", subject)
                .param("at", Timestamp.from(stored))
                .param("title", title)
                .param("detail", detail)
                .param("actor", actor)
                .param("unit", actorUnit)
                .param("key", dedupeKey)
                .param("seq", seq)
                .param("prev", head.hash())
                .param("hash", hash)
                .update();
        jdbc.sql("update approval.audit_chain_head set seq = :seq, hash = :hash where id = 1")
                .param("seq", seq)
                .param("hash", hash)
                .update();
    }

    /**
     * The text hashed: each field as {@code <characters>:<value>} ({@code ~} for none) joined by {@code |}, the time as
     * microseconds since the epoch. The migration that sealed earlier entries (V30) writes the same form in SQL.
     */
    static String canonical(
            long seq,
            String subject,
            Instant at,
            String title,
            String detail,
            String actor,
            String actorUnit,
            String dedupeKey,
            String prevHash) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return String.join(
                "|",
                field(Long.toString(seq)),
                field(subject),
                field(Long.toString(micros)),
                field(title),
                field(detail),
                field(actor),
                field(actorUnit),
                field(dedupeKey),
                field(prevHash));
    }

    static String hash(String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String field(String value) {
        return value == null ? "~" : value.codePointCount(0, value.length()) + ":" + value;
    }

    private record Head(long seq, String hash) {}
}
