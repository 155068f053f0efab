package cn.pubdata.approval.admission;

import cn.pubdata.approval.common.Problem;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Objections the public files while an admission result is publicised (APL-03). */
@Service
public class Objections {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Objections(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores an objection after {@link #check}; the caller moves the process. */
    public long file(long applicationId, String filerName, String filerContact, String content) {
        check(filerName, filerContact, content);
        return insert(applicationId, filerName, filerContact, content);
    }

    /** What a person filing an objection must give, each missing piece named. */
    public void check(String filerName, String filerContact, String content) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (filerName == null || filerName.isBlank()) {
            errors.add(new Problem.FieldError("filerName", "请填写异议人姓名或单位名称"));
        } else if (filerName.length() > 100) {
            errors.add(new Problem.FieldError("filerName", "姓名或单位名称不超过100字"));
        }
        if (filerContact == null || filerContact.isBlank()) {
            errors.add(new Problem.FieldError("filerContact", "请填写联系方式，以便答复"));
        } else if (filerContact.length() > 200) {
            errors.add(new Problem.FieldError("filerContact", "联系方式不超过200字"));
        }
        if (content == null || content.isBlank()) {
            errors.add(new Problem.FieldError("content", "请写明异议内容和事实依据"));
        } else if (content.length() > 3000) {
            errors.add(new Problem.FieldError("content", "异议内容不超过3000字"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("异议信息不完整", errors);
        }
    }

    private long insert(long applicationId, String filerName, String filerContact, String content) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('approval.objection', 'id'))")
                .query(Long.class)
                .single();
        Timestamp at = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into approval.objection (id, application_id, filed_at, filer_name, filer_contact, content, receipt_no)
                values (:id, :app, :at, :name, :contact, :content,
                        'YY' || to_char(:at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(:id::text, 6, '0'))""")
                .param("id", id)
                .param("app", applicationId)
                .param("at", at)
                .param("name", filerName.trim())
                .param("contact", filerContact.trim())
                .param("content", content.trim())
                .update();
        return id;
    }

    /** The number the public follows an objection by, e.g. YY20261119-000042. */
    public String receiptOf(long objectionId) {
        return jdbc.sql("select receipt_no from approval.objection where id = :id")
                .param("id", objectionId)
                .query(String.class)
                .single();
    }

    /** The document filed with an objection (its evidence). */
    public void attach(long objectionId, long documentId) {
        jdbc.sql("update approval.objection set document_id = :doc where id = :id")
                .param("doc", documentId)
                .param("id", objectionId)
                .update();
    }
}
