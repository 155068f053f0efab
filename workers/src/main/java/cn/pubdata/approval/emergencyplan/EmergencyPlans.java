package cn.pubdata.approval.emergencyplan;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.Validation;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.document.StoredDocument;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SEC-08 一授权一预案: which emergency plan governs each agreement. The plan filed with the admission application
 * governs from signing (ADM-11 required it); the operator may file an updated plan, which governs once the authority
 * and the security members accept it. The plan it replaces stays in the agreement's history with the time it governed.
 */
@Service
public class EmergencyPlans {

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final DocumentStore documents;
    private final Validation validation;
    private final Timeline timeline;
    private final Clock clock;

    public EmergencyPlans(
            JdbcClient jdbc,
            Agreements agreements,
            DocumentStore documents,
            Validation validation,
            Timeline timeline,
            Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.documents = documents;
        this.validation = validation;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** SEC-08: stores an updated plan for review; the caller starts the review. One plan in review per agreement. */
    @Transactional
    public EmergencyPlan file(EmergencyPlanForm form, Actor actor) {
        if (actor.kind() != Actor.Kind.OPERATOR) {
            throw Problem.invalid("submitter", "更新的应急预案由运营机构提交");
        }
        validation.check(form, "应急预案材料不完整，请按提示补充");
        Agreement agreement = agreements
                .find(form.agreementId())
                .filter(a -> a.creditCode().equals(actor.creditCode()))
                .orElseThrow(() -> Problem.notFound("没有找到贵单位的这份授权运营协议，请在“协议与运营”中选择"));
        StoredDocument document = documents
                .find(form.documentId())
                .filter(d -> d.owner().equals(actor.creditCode()))
                .orElseThrow(() -> Problem.invalid("documentId", "没有找到贵单位上传的这份文件，请重新上传应急预案"));
        if (inReview(agreement.id()).isPresent()) {
            throw Problem.conflict("协议 " + agreement.agreementNo() + " 已有更新的应急预案在审查中，请等待审查结果后再提交");
        }
        long id = jdbc.sql("""
                        insert into approval.emergency_plan (agreement_id, document_id, changes, status, filed_by, filed_at)
                        values (:agreement, :document, :changes, 'IN_REVIEW', :by, :at) returning id""")
                .param("agreement", agreement.id())
                .param("document", document.id())
                .param("changes", form.changes().trim())
                .param("by", actor.username())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        timeline.record(
                Subjects.emergencyPlan(id),
                "提交更新的应急预案",
                "协议 " + agreement.agreementNo() + "：" + form.changes().trim(),
                actor.label(),
                "emergency-plan:" + id);
        return get(id);
    }

    @Transactional
    public void startedAs(long id, String processInstanceId) {
        jdbc.sql("update approval.emergency_plan set process_instance_id = :pid where id = :id")
                .param("pid", processInstanceId)
                .param("id", id)
                .update();
    }

    /** Who reviews an updated plan (SEC-08); each must accept it. */
    public enum Reviewer {
        AUTHORITY("数据主管部门"),
        SECURITY_MEMBERS("安全成员单位");

        private final String label;

        Reviewer(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * SEC-08: one reviewer's opinion, recorded once. When the authority and the security members have both given
     * theirs, the plan governs if both accepted it; otherwise it is returned with both opinions.
     */
    @Transactional
    public void review(long id, Reviewer reviewer, boolean accepts, String note, String by) {
        jdbc.sql("""
                        insert into approval.emergency_plan_review (plan_id, reviewer, accepts, note, reviewed_by, reviewed_at)
                        values (:id, :reviewer, :accepts, :note, :by, :at) on conflict (plan_id, reviewer) do nothing""")
                .param("id", id)
                .param("reviewer", reviewer.name())
                .param("accepts", accepts)
                .param("note", note)
                .param("by", by)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        timeline.record(
                Subjects.emergencyPlan(id),
                reviewer.label() + (accepts ? "审查通过" : "审查退回"),
                note,
                by,
                "plan-review:" + id + ":" + reviewer.name());
        List<Opinion> opinions = jdbc.sql(
                        "select * from approval.emergency_plan_review where plan_id = :id order by reviewer")
                .param("id", id)
                .query((rs, n) -> new Opinion(
                        Reviewer.valueOf(rs.getString("reviewer")),
                        rs.getBoolean("accepts"),
                        rs.getString("note"),
                        rs.getString("reviewed_by")))
                .list();
        if (opinions.size() < Reviewer.values().length) {
            return;
        }
        String notes = opinions.stream()
                .map(o -> o.reviewer().label() + "（" + (o.accepts() ? "通过" : "退回") + "）：" + o.note())
                .collect(java.util.stream.Collectors.joining("\n"));
        String by2 = opinions.stream().map(Opinion::by).collect(java.util.stream.Collectors.joining("、"));
        boolean accepted = opinions.stream().allMatch(Opinion::accepts);
        if (accepted) {
            accept(id, notes, by2);
        } else {
            returnPlan(id, notes, by2);
        }
        timeline.record(
                Subjects.emergencyPlan(id),
                accepted ? "应急预案审查通过，自即日起施行" : "应急预案审查未通过，退回运营机构",
                notes,
                by2,
                "plan-reviewed:" + id);
    }

    private record Opinion(Reviewer reviewer, boolean accepts, String note, String by) {}

    /** SEC-08: the accepted plan governs from now on; the plan it replaces is superseded, both kept. Once per plan. */
    private void accept(long id, String note, String by) {
        EmergencyPlan plan = get(id);
        if (plan.status() != EmergencyPlan.Status.IN_REVIEW) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update approval.emergency_plan set status = 'SUPERSEDED', governs_until = :now
                        where agreement_id = :agreement and status = 'GOVERNING'""").param("now", now).param("agreement", plan.agreementId()).update();
        decide(id, "GOVERNING", note, by, now);
    }

    /** SEC-08: a returned plan never governs; the plan in force stays so. Once per plan. */
    private void returnPlan(long id, String note, String by) {
        decide(id, "RETURNED", note, by, Timestamp.from(clock.instant()));
    }

    public EmergencyPlan get(long id) {
        return jdbc.sql(SELECT + " where p.id = :id")
                .param("id", id)
                .query(EmergencyPlans::map)
                .optional()
                .orElseThrow(() -> Problem.notFound("应急预案 " + id + " 不存在"));
    }

    /** SEC-08: the plan that governs the agreement now: the last accepted update, else the admission's plan. */
    public Optional<EmergencyPlan> governing(long agreementId) {
        List<EmergencyPlan> history = history(agreementId);
        return history.stream()
                .filter(p -> p.status() == EmergencyPlan.Status.GOVERNING)
                .findFirst();
    }

    /** Every plan of the agreement, the admission's first, then each update as it was filed. */
    public List<EmergencyPlan> history(long agreementId) {
        Agreement agreement =
                agreements.find(agreementId).orElseThrow(() -> Problem.notFound("授权运营协议 " + agreementId + " 不存在"));
        List<EmergencyPlan> updates = jdbc.sql(SELECT + " where p.agreement_id = :agreement order by p.id")
                .param("agreement", agreementId)
                .query(EmergencyPlans::map)
                .list();
        List<EmergencyPlan> all = new ArrayList<>();
        admissionPlan(agreement, updates).ifPresent(all::add);
        all.addAll(updates);
        return all;
    }

    public Optional<EmergencyPlan> inReview(long agreementId) {
        return jdbc.sql(SELECT + " where p.agreement_id = :agreement and p.status = 'IN_REVIEW'")
                .param("agreement", agreementId)
                .query(EmergencyPlans::map)
                .optional();
    }

    private Optional<EmergencyPlan> admissionPlan(Agreement agreement, List<EmergencyPlan> updates) {
        Optional<EmergencyPlan> firstAccepted =
                updates.stream().filter(p -> p.governsFrom() != null).findFirst();
        Instant signed = agreement.signedOn().atStartOfDay(Clocks.BEIJING).toInstant();
        return jdbc.sql("""
                        select d.id, d.file_name, d.uploaded_at, a.company_name from approval.application_document ad
                        join approval.document d on d.id = ad.document_id
                        join approval.admission_application a on a.id = ad.admission_application_id
                        where ad.admission_application_id = :app and ad.kind = 'EMERGENCY_PLAN'
                        order by d.id limit 1""")
                .param("app", agreement.applicationId())
                .query((rs, n) -> new EmergencyPlan(
                        null,
                        agreement.id(),
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        "随准入申请提交的应急预案（ADM-11）",
                        firstAccepted.isPresent() ? EmergencyPlan.Status.SUPERSEDED : EmergencyPlan.Status.GOVERNING,
                        rs.getString("company_name"),
                        rs.getTimestamp("uploaded_at").toInstant(),
                        null,
                        null,
                        null,
                        signed,
                        firstAccepted.map(EmergencyPlan::governsFrom).orElse(null),
                        null))
                .optional();
    }

    private void decide(long id, String status, String note, String by, Timestamp at) {
        jdbc.sql("""
                        update approval.emergency_plan set status = :status, review_note = :note, decided_by = :by,
                            decided_at = :at, governs_from = :from
                        where id = :id and status = 'IN_REVIEW'""")
                .param("status", status)
                .param("from", status.equals("GOVERNING") ? at : null, java.sql.Types.TIMESTAMP)
                .param("note", note)
                .param("by", by)
                .param("at", at)
                .param("id", id)
                .update();
    }

    private static final String SELECT = """
            select p.*, d.file_name from approval.emergency_plan p join approval.document d on d.id = p.document_id""";

    private static EmergencyPlan map(ResultSet rs, int row) throws SQLException {
        return new EmergencyPlan(
                rs.getLong("id"),
                rs.getLong("agreement_id"),
                rs.getLong("document_id"),
                rs.getString("file_name"),
                rs.getString("changes"),
                EmergencyPlan.Status.valueOf(rs.getString("status")),
                rs.getString("filed_by"),
                rs.getTimestamp("filed_at").toInstant(),
                rs.getString("review_note"),
                rs.getString("decided_by"),
                instant(rs.getTimestamp("decided_at")),
                instant(rs.getTimestamp("governs_from")),
                instant(rs.getTimestamp("governs_until")),
                rs.getString("process_instance_id"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
