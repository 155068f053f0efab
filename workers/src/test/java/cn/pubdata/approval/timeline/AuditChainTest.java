package cn.pubdata.approval.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Enforces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit chain on the real PostgreSQL: appended once, linked under concurrency, and broken where rows are touched. */
@SpringBootTest
class AuditChainTest {

    @Autowired
    Timeline timeline;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Enforces("SEC-10")
    void entriesNameThePersonAndUnitAndARepeatedWriteIsNotAppended() {
        String subject = "ADM-" + UUID.randomUUID().toString().substring(0, 8);
        Actor reviewer = new Actor(
                "authority", "审核岗 数据局", Actor.Kind.REVIEWER, null, Set.of("authority-reviewer"), "数据主管部门（审核岗）");
        timeline.record(subject, "形式审查：予以受理", "材料齐全", reviewer, "audit-test:" + subject);
        timeline.record(subject, "形式审查：予以受理", "材料齐全", reviewer, "audit-test:" + subject);

        assertThat(timeline.of(subject)).extracting(TimelineEntry::actor).containsExactly("审核岗 数据局（数据主管部门（审核岗））");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        long before = entries();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            writers.add(() -> {
                for (int i = 0; i < 25; i++) {
                    timeline.record("RSK-" + thread, "并发写入 " + i, null, "系统", "audit-concurrent:" + UUID.randomUUID());
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(writers)) {
            f.get();
        }
        pool.shutdown();

        assertThat(entries() - before).isEqualTo(200);
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(entries());
    }

    @Test
    void theMigrationsSqlFormHashesAsTheApplicationDoes() {
        timeline.record("PRD-1", "价格：每次 0.50 元 😀", "说明\n第二行", "定价岗（价格主管部门）", null);
        Map<String, Object> row = jdbc.sql("""
                select hash, approval.audit_entry_hash(seq, subject, at, title, detail, actor, actor_unit, dedupe_key,
                                                       prev_hash) as recomputed
                from approval.timeline_event where seq = (select max(seq) from approval.timeline_event)""").query().singleRow();
        assertThat(row.get("recomputed")).isEqualTo(row.get("hash"));
    }

    @Test
    @Enforces({"SEC-10"})
    void verificationNamesTheEntryEditedOrDeletedWithSql() {
        String subject = "EXT-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 4; i++) {
            timeline.record(subject, "步骤 " + i, "理由 " + i, "系统", "audit-tamper:" + subject + ":" + i);
        }
        List<Long> seqs = jdbc.sql("select seq from approval.timeline_event where subject = :s order by seq")
                .param("s", subject)
                .query(Long.class)
                .list();
        assertThat(verifier.verify().intact()).isTrue();

        long edited = seqs.get(1);
        jdbc.sql("update approval.timeline_event set detail = '理由被改写' where seq = :seq")
                .param("seq", edited)
                .update();
        AuditVerification afterEdit = verifier.verify();
        assertThat(afterEdit.intact()).isFalse();
        assertThat(afterEdit.brokenAtSeq()).isEqualTo(edited);
        assertThat(afterEdit.problem()).contains("第 " + edited + " 条").contains("已被改动");
        jdbc.sql("update approval.timeline_event set detail = '理由 2' where seq = :seq")
                .param("seq", edited)
                .update();
        assertThat(verifier.verify().intact()).isTrue();

        long deleted = seqs.get(2);
        Map<String, Object> kept = jdbc.sql("select * from approval.timeline_event where seq = :seq")
                .param("seq", deleted)
                .query()
                .singleRow();
        jdbc.sql("delete from approval.timeline_event where seq = :seq")
                .param("seq", deleted)
                .update();
        AuditVerification afterDelete = verifier.verify();
        assertThat(afterDelete.intact()).isFalse();
        assertThat(afterDelete.brokenAtSeq()).isEqualTo(deleted);
        assertThat(afterDelete.problem()).contains("第 " + deleted + " 条记录缺失");

        jdbc.sql("""
                insert into approval.timeline_event
                    (id, subject, at, title, detail, actor, actor_unit, dedupe_key, seq, prev_hash, hash)
                values (:id, :subject, :at, :title, :detail, :actor, :actor_unit, :dedupe_key, :seq, :prev_hash, :hash)""").params(kept).update();
        assertThat(verifier.verify().intact()).isTrue();

        long newest = jdbc.sql("select max(seq) from approval.timeline_event")
                .query(Long.class)
                .single();
        Map<String, Object> last = jdbc.sql("select * from approval.timeline_event where seq = :seq")
                .param("seq", newest)
                .query()
                .singleRow();
        jdbc.sql("delete from approval.timeline_event where seq = :seq")
                .param("seq", newest)
                .update();
        AuditVerification afterTailDelete = verifier.verify();
        assertThat(afterTailDelete.brokenAtSeq()).isEqualTo(newest);
        jdbc.sql("""
                insert into approval.timeline_event
                    (id, subject, at, title, detail, actor, actor_unit, dedupe_key, seq, prev_hash, hash)
                values (:id, :subject, :at, :title, :detail, :actor, :actor_unit, :dedupe_key, :seq, :prev_hash, :hash)""").params(last).update();
        assertThat(verifier.verify().intact()).isTrue();
    }

    private long entries() {
        return jdbc.sql("select count(*) from approval.timeline_event")
                .query(Long.class)
                .single();
    }
}
