package cn.pubdata.approval.rectification;

import cn.pubdata.approval.agreement.AgreementContacts;
import cn.pubdata.approval.agreement.AgreementLifecycle;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.agreement.AgreementTerms;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.document.StoredDocument;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectifications (限期整改, RECT-01 … RECT-09): the rules an order must meet, the deadline its profile gives, the
 * operator's plan and report, the re-assessment. One rectification at a time, and never a second round: a
 * re-assessment that orders rectification again ends in exit.
 */
@Service
public class Rectifications {

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final AgreementStates states;
    private final AgreementLifecycle lifecycle;
    private final AgreementTerms terms;
    private final AgreementContacts contacts;
    private final PolicyProfiles profiles;
    private final DocumentStore documents;
    private final Timeline timeline;
    private final Clock clock;

    public Rectifications(
            JdbcClient jdbc,
            Agreements agreements,
            AgreementStates states,
            AgreementLifecycle lifecycle,
            AgreementTerms terms,
            AgreementContacts contacts,
            PolicyProfiles profiles,
            DocumentStore documents,
            Timeline timeline,
            Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.states = states;
        this.lifecycle = lifecycle;
        this.terms = terms;
        this.contacts = contacts;
        this.profiles = profiles;
        this.documents = documents;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Orders a rectification after every rule passed; nothing is written when one fails. The agreement becomes 整改中;
     * the caller starts the process in the same transaction.
     */
    @Transactional
    public Rectification order(RectificationOrder order, Actor actor) {
        if (order == null || order.agreementId() == null) {
            throw Problem.invalid("agreementId", "请选择授权运营协议");
        }
        if (order.trigger() == null) {
            throw Problem.invalid("trigger", "请选择整改情形");
        }
        Agreement agreement = agreements
                .find(order.agreementId())
                .orElseThrow(() -> Problem.notFound("授权运营协议 " + order.agreementId() + " 不存在"));
        boolean fromFlow = order.trigger() == RectificationTrigger.EVALUATION;
        if (fromFlow ? actor.kind() != Actor.Kind.WORKER : actor.kind() != Actor.Kind.REVIEWER) {
            throw Problem.invalid("trigger", fromFlow ? "评估结果为限期整改的整改由评估流程发起" : "限期整改由数据主管部门发起");
        }
        PolicyProfile profile = profiles.of(agreement.jurisdiction());
        AgreementState state = states.of(agreement.id()).orElse(null);
        if (state != AgreementState.TRIAL && state != AgreementState.OPERATING) {
            throw Problem.conflict(
                    "授权运营协议 " + agreement.agreementNo() + " 当前为「" + (state == null ? "未开通" : state.label())
                            + "」，不能发起限期整改"
                            + (state == AgreementState.RECTIFYING || state == AgreementState.SUSPENDED
                                    ? "：整改只有一轮，正在进行的整改未完成即退出"
                                    : ""));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        // RECT-01, RECT-09, RECT-11: what may open a rectification differs per jurisdiction
        if (!profile.rectificationTrigger(order.trigger().name())) {
            errors.add(new Problem.FieldError(
                    "trigger",
                    profile.name() + "不以“" + order.trigger().label() + "”发起限期整改（可选："
                            + String.join(
                                    "、",
                                    profile.rectificationTriggers().stream()
                                            .map(t -> RectificationTrigger.valueOf(t)
                                                    .label())
                                            .toList())
                            + "）"));
        }
        if (order.problems() == null || order.problems().isBlank()) {
            errors.add(new Problem.FieldError("problems", "请写明需要整改的问题"));
        }
        if (!fromFlow
                && (order.evidence() == null || order.evidence().isBlank())
                && order.documents().isEmpty()) {
            errors.add(new Problem.FieldError("evidence", "请提供证据：写明事实或上传证据材料"));
        }
        AgreementTerms.Terms agreed = terms.of(agreement.id());
        if (order.trigger() == RectificationTrigger.TARGETS_MISSED
                && (agreed.businessTargets() == null || agreed.businessTargets().isBlank())) {
            errors.add(new Problem.FieldError("trigger", "协议尚未登记约定的经营目标，不能以“未达到经营目标”发起整改（RECT-09）；请先登记协议约定事项"));
        }
        LocalDate today = today();
        LocalDate deadline;
        String basis;
        if (profile.rectificationCalendarDays() > 0) {
            // RECT-02: completed within 30 (calendar) days of the notice
            deadline = today.plusDays(profile.rectificationCalendarDays());
            basis = profile.rectificationCalendarDays() + " 日内完成整改（自整改通知之日起算）";
        } else if (agreed.rectificationDays() != null) {
            // RECT-06: within the period the agreement states
            deadline = today.plusDays(agreed.rectificationDays());
            basis = "协议约定的改正期限 " + agreed.rectificationDays() + " 日";
        } else if (order.deadline() != null && order.deadline().isAfter(today)) {
            deadline = order.deadline();
            basis = "整改通知规定的期限（协议未约定改正期限）";
        } else {
            deadline = null;
            basis = null;
            errors.add(new Problem.FieldError("deadline", "协议未约定改正期限，请填写整改期限（晚于今天 " + today + "），或先登记协议约定的改正期限"));
        }
        List<StoredDocument> evidence =
                documents.attachable(order.documents(), owner -> owner.startsWith("authority:"), "evidenceDocumentIds");
        if (!errors.isEmpty()) {
            throw Problem.invalid("整改通知有误，请按提示修改", errors);
        }
        long id = jdbc.sql("""
                insert into approval.rectification (agreement_id, jurisdiction, credit_code, company_name, trigger, problems,
                    evidence, ordered_by, ordered_at, deadline, deadline_basis, profile_version, evaluation_id, status)
                values (:a, :j, :c, :name, :trigger, :problems, :evidence, :by, :now, :deadline, :basis, :version, :evaluation, 'OPEN')
                returning id""")
                .param("a", agreement.id())
                .param("j", agreement.jurisdiction())
                .param("c", agreement.creditCode())
                .param("name", contacts.companyName(agreement))
                .param("trigger", order.trigger().name())
                .param("problems", order.problems().trim())
                .param(
                        "evidence",
                        order.evidence() == null || order.evidence().isBlank()
                                ? null
                                : order.evidence().trim())
                .param("by", actor.label())
                .param("now", Timestamp.from(clock.instant()))
                .param("deadline", deadline)
                .param("basis", basis)
                .param("version", profile.version())
                .param("evaluation", order.evaluationId())
                .query(Long.class)
                .single();
        for (StoredDocument d : evidence) {
            attach(id, d.id(), "EVIDENCE");
        }
        lifecycle.rectifying(
                agreement.id(),
                Subjects.rectification(id),
                "限期整改：" + order.trigger().label() + "，整改期限 " + deadline,
                actor.label(),
                "rectification-ordered:" + id);
        timeline.record(
                Subjects.rectification(id),
                "发出整改通知：" + order.trigger().label(),
                order.problems().trim() + "\n整改期限：" + deadline + "（" + basis + "）",
                actor.label(),
                "rectification-ordered:" + id);
        return get(id);
    }

    @Transactional
    public void startedAs(long id, String processInstanceId) {
        jdbc.sql("update approval.rectification set process_instance_id = :pid where id = :id")
                .param("pid", processInstanceId)
                .param("id", id)
                .update();
    }

    /** RECT-05: the permissions were suspended with the order. */
    @Transactional
    public void suspended(long id, String dedupeKey) {
        Rectification r = get(id);
        lifecycle.suspend(
                r.agreementId(), Subjects.rectification(id), "违反协议，按协议约定要求改正，同时暂时关闭平台使用权限", r.orderedBy(), dedupeKey);
        jdbc.sql("update approval.rectification set suspended = true where id = :id")
                .param("id", id)
                .update();
    }

    /** The operator's rectification plan (整改方案); filed once, before the deadline. */
    @Transactional
    public Rectification filePlan(long id, String plan, List<Long> documentIds, Actor actor) {
        Rectification r = ownOpen(id, actor);
        if (r.planFiledAt() != null) {
            throw Problem.conflict(
                    "整改方案已于 " + r.planFiledAt().atZone(Clocks.BEIJING).toLocalDate() + " 提交");
        }
        if (plan == null || plan.isBlank()) {
            throw Problem.invalid("plan", "请填写整改方案：针对每个问题的措施、责任人和完成时间");
        }
        List<StoredDocument> docs = documents.attachable(
                documentIds == null ? List.of() : documentIds, r.creditCode()::equals, "documentIds");
        jdbc.sql("update approval.rectification set plan = :plan, plan_filed_at = :now where id = :id")
                .param("plan", plan.trim())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        docs.forEach(d -> attach(id, d.id(), "PLAN"));
        timeline.record(Subjects.rectification(id), "提交整改方案", plan.trim(), actor.label(), "rectification-plan:" + id);
        return get(id);
    }

    /** RECT-06: the operator reports back on the correction (反馈改正情况); after the plan, once. */
    @Transactional
    public Rectification fileReport(long id, String report, List<Long> documentIds, Actor actor) {
        Rectification r = ownOpen(id, actor);
        if (r.planFiledAt() == null) {
            throw Problem.conflict("请先提交整改方案");
        }
        if (r.reportFiledAt() != null) {
            throw Problem.conflict(
                    "整改报告已于 " + r.reportFiledAt().atZone(Clocks.BEIJING).toLocalDate() + " 提交");
        }
        if (report == null || report.isBlank()) {
            throw Problem.invalid("report", "请填写整改报告：每个问题的改正情况和证明材料");
        }
        List<StoredDocument> docs = documents.attachable(
                documentIds == null ? List.of() : documentIds, r.creditCode()::equals, "documentIds");
        jdbc.sql("update approval.rectification set report = :report, report_filed_at = :now where id = :id")
                .param("report", report.trim())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        docs.forEach(d -> attach(id, d.id(), "REPORT"));
        timeline.record(
                Subjects.rectification(id),
                "提交整改报告（反馈改正情况）",
                report.trim(),
                actor.label(),
                "rectification-report:" + id);
        return get(id);
    }

    /** RECT-03: the re-assessment's result; recorded once. */
    @Transactional
    public void assess(long id, Rectification.Outcome outcome, String reason, String actor) {
        jdbc.sql("""
                update approval.rectification set outcome = :o, outcome_reason = :r, assessed_by = :by
                where id = :id and outcome is null""")
                .param("o", outcome.name())
                .param("r", reason)
                .param("by", actor)
                .param("id", id)
                .update();
    }

    /** The deadline passed before the plan or the report: recorded as not completed. */
    @Transactional
    public void missed(long id, String reason) {
        assess(id, Rectification.Outcome.MISSED, reason, "系统");
    }

    /** Ends the rectification once; a pass restores the agreement (and suspended permissions, RECT-08). */
    @Transactional
    public boolean close(long id, Rectification.Status status, String dedupeKey) {
        Rectification r = get(id);
        int changed = jdbc.sql("""
                update approval.rectification set status = :s, closed_at = :now where id = :id and status = 'OPEN'""")
                .param("s", status.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (status == Rectification.Status.PASSED) {
            lifecycle.restore(
                    r.agreementId(),
                    Subjects.rectification(id),
                    "整改通过" + (r.suspended() ? "，恢复平台使用权限" : ""),
                    r.assessedBy() == null ? "数据主管部门" : r.assessedBy(),
                    dedupeKey);
        }
        return changed == 1;
    }

    public Rectification get(long id) {
        return jdbc.sql("select * from approval.rectification where id = :id")
                .param("id", id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> Problem.notFound("整改 " + id + " 不存在"));
    }

    /** The rectification as its operator may see it; another operator's is not found. */
    public Rectification getOf(long id, Actor actor) {
        Rectification r = get(id);
        if ((actor.kind() == Actor.Kind.OPERATOR || actor.kind() == Actor.Kind.PARTNER)
                && !r.creditCode().equals(actor.creditCode())) {
            throw Problem.notFound("整改 " + id + " 不存在");
        }
        return r;
    }

    public Optional<Rectification> open(long agreementId) {
        return jdbc.sql("select * from approval.rectification where agreement_id = :a and status = 'OPEN'")
                .param("a", agreementId)
                .query(this::map)
                .optional();
    }

    public List<Rectification> ofOperator(String creditCode) {
        return jdbc.sql("select * from approval.rectification where credit_code = :c order by ordered_at desc, id desc")
                .param("c", creditCode)
                .query(this::map)
                .list();
    }

    public List<Rectification> ofAgreement(long agreementId) {
        return jdbc.sql(
                        "select * from approval.rectification where agreement_id = :a order by ordered_at desc, id desc")
                .param("a", agreementId)
                .query(this::map)
                .list();
    }

    /** RECT-09: whether a rectification of this kind was ordered for the agreement and not fulfilled. */
    public boolean failedFor(long agreementId, String trigger) {
        return jdbc.sql("""
                        select count(*) from approval.rectification
                        where agreement_id = :a and trigger = :t and status = 'FAILED'""")
                        .param("a", agreementId)
                        .param("t", trigger)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public List<StoredDocument> documents(long id, String kind) {
        return documents.findAll(jdbc.sql(
                        "select document_id from approval.rectification_document where rectification_id = :id and kind = :k order by document_id")
                .param("id", id)
                .param("k", kind)
                .query(Long.class)
                .list());
    }

    /** The facts the flow and its forms use; the gateways read the profile version the rectification started with. */
    public Map<String, Object> facts(Rectification r) {
        PolicyProfile profile = profiles.of(r.jurisdiction(), r.profileVersion());
        Agreement agreement = agreements.find(r.agreementId()).orElseThrow();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("rectificationId", r.id());
        facts.put("agreementId", r.agreementId());
        facts.put("agreementNo", agreement.agreementNo());
        facts.put("jurisdiction", r.jurisdiction());
        facts.put("jurisdictionName", profile.name());
        facts.put("profileVersion", r.profileVersion());
        facts.put("profileVersionLabel", profile.versionLabel());
        facts.put("operatorCreditCode", r.creditCode());
        facts.put("companyName", r.companyName());
        facts.put("rectificationTrigger", r.trigger().name());
        facts.put("rectificationTriggerLabel", r.trigger().label());
        facts.put("problems", limit(r.problems()));
        facts.put("deadlineDay", r.deadline().toString());
        facts.put("deadlineBasis", r.deadlineBasis());
        // the end of the deadline day, Beijing time
        facts.put(
                "deadlineAt",
                java.util.Date.from(
                        r.deadline().plusDays(1).atStartOfDay(Clocks.BEIJING).toInstant()));
        facts.put("suspend", profile.suspendDuringRectification());
        facts.put("threeOutcomes", profile.evaluationDrivesOutcome());
        facts.put("reassessmentWorkingDays", profile.reassessmentWorkingDays());
        return facts;
    }

    /** What the operator filed, for the re-assessment form. */
    public Map<String, Object> filed(Rectification r) {
        Map<String, Object> filed = new LinkedHashMap<>();
        filed.put("plan", r.plan() == null ? "（未提交）" : limit(r.plan()));
        filed.put("report", r.report() == null ? "（未提交）" : limit(r.report()));
        return filed;
    }

    private Rectification ownOpen(long id, Actor actor) {
        Rectification r = getOf(id, actor);
        if (r.status() != Rectification.Status.OPEN) {
            throw Problem.conflict("整改已结束（" + r.status().label() + "）");
        }
        if (today().isAfter(r.deadline())) {
            throw Problem.conflict("整改期限 " + r.deadline() + " 已过，不能再提交");
        }
        return r;
    }

    private void attach(long id, long documentId, String kind) {
        jdbc.sql("""
                insert into approval.rectification_document (rectification_id, document_id, kind)
                values (:r, :d, :k) on conflict do nothing""").param("r", id).param("d", documentId).param("k", kind).update();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BEIJING));
    }

    private static String limit(String text) {
        return text.length() <= 3900 ? text : text.substring(0, 3900) + "…（全文见整改记录）";
    }

    private Rectification map(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Rectification(
                rs.getLong("id"),
                rs.getLong("agreement_id"),
                rs.getString("jurisdiction"),
                rs.getString("credit_code"),
                rs.getString("company_name"),
                RectificationTrigger.valueOf(rs.getString("trigger")),
                rs.getString("problems"),
                rs.getString("evidence"),
                rs.getString("ordered_by"),
                instant(rs, "ordered_at"),
                rs.getObject("deadline", LocalDate.class),
                rs.getString("deadline_basis"),
                rs.getBoolean("suspended"),
                rs.getInt("profile_version"),
                (Long) rs.getObject("evaluation_id"),
                rs.getString("plan"),
                instant(rs, "plan_filed_at"),
                rs.getString("report"),
                instant(rs, "report_filed_at"),
                outcome == null ? null : Rectification.Outcome.valueOf(outcome),
                rs.getString("outcome_reason"),
                rs.getString("assessed_by"),
                Rectification.Status.valueOf(rs.getString("status")),
                instant(rs, "closed_at"),
                rs.getString("process_instance_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
