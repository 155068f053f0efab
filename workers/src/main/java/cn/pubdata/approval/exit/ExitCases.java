package cn.pubdata.approval.exit;

import cn.pubdata.approval.agreement.AgreementContacts;
import cn.pubdata.approval.agreement.AgreementLifecycle;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.document.StoredDocument;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.rectification.Rectifications;
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
 * Exits (退出, EXIT-01 … EXIT-12): the rules an exit must meet to begin, and each step's record. An exit begins by
 * putting the agreement in 退出中; it ends in 已退出 for good, or, where the authority decides not to terminate, the
 * agreement returns to where it was. One exit at a time per agreement.
 */
@Service
public class ExitCases {

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final AgreementStates states;
    private final AgreementLifecycle lifecycle;
    private final AgreementContacts contacts;
    private final PolicyProfiles profiles;
    private final Rectifications rectifications;
    private final DocumentStore documents;
    private final Timeline timeline;
    private final Clock clock;

    public ExitCases(
            JdbcClient jdbc,
            Agreements agreements,
            AgreementStates states,
            AgreementLifecycle lifecycle,
            AgreementContacts contacts,
            PolicyProfiles profiles,
            Rectifications rectifications,
            DocumentStore documents,
            Timeline timeline,
            Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.states = states;
        this.lifecycle = lifecycle;
        this.contacts = contacts;
        this.profiles = profiles;
        this.rectifications = rectifications;
        this.documents = documents;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Begins an exit after every rule for its ground passed; nothing is written when one fails. The caller starts the
     * exit's process in the same transaction.
     */
    @Transactional
    public ExitCase open(ExitOrder order, Actor actor) {
        if (order == null || order.agreementId() == null) {
            throw Problem.invalid("agreementId", "请选择授权运营协议");
        }
        if (order.trigger() == null) {
            throw Problem.invalid("trigger", "请选择退出情形");
        }
        Agreement agreement = agreements
                .find(order.agreementId())
                .orElseThrow(() -> Problem.notFound("授权运营协议 " + order.agreementId() + " 不存在"));
        checkStarter(order.trigger(), agreement, actor);
        AgreementState state = states.of(agreement.id())
                .orElseThrow(() -> Problem.conflict("授权运营协议 " + agreement.agreementNo() + " 尚未开通平台使用权限，无需退出"));
        if (state.isFinal()) {
            throw Problem.conflict("授权运营协议 " + agreement.agreementNo() + " 已" + state.label() + "：退出不可撤销，也不能重复退出");
        }
        running(agreement.id()).ifPresent(running -> {
            throw Problem.conflict("该协议已有退出程序在进行（" + running.trigger().label() + "，"
                    + running.startedAt().atZone(Clocks.BEIJING).toLocalDate() + " 开始），请在该程序中处理");
        });
        PolicyProfile profile = profiles.of(agreement.jurisdiction());
        LocalDate today = today();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (order.reason() == null || order.reason().isBlank()) {
            errors.add(new Problem.FieldError("reason", "请写明退出的理由"));
        }
        LocalDate exitDate = today;
        switch (order.trigger()) {
            case EXPIRY -> exitDate = agreement.endsOn().plusDays(1);
            case EARLY_TERMINATION -> {
                // EXIT-02: the operator asks to end early; in 002 and 003 only accepting the liability for breach
                if (order.exitDate() == null || order.exitDate().isBefore(today)) {
                    errors.add(new Problem.FieldError("exitDate", "请填写希望终止的日期（不早于今天 " + today + "）"));
                } else if (order.exitDate().isAfter(agreement.endsOn())) {
                    errors.add(new Problem.FieldError("exitDate", "协议于 " + agreement.endsOn() + " 期满，提前终止的日期不能晚于期满日"));
                } else {
                    exitDate = order.exitDate();
                }
                if (profile.earlyTerminationNeedsLiability()
                        && (!Boolean.TRUE.equals(order.liabilityAccepted())
                                || order.liabilityStatement() == null
                                || order.liabilityStatement().isBlank())) {
                    errors.add(new Problem.FieldError(
                            "liabilityAccepted", profile.name() + "申请提前终止须承诺承担相应违约责任并写明承诺（EXIT-02）"));
                }
            }
            case BREACH, VIOLATION -> requireEvidence(order, errors);
            case TARGETS_MISSED -> {
                requireEvidence(order, errors);
                // RECT-09: termination for missed targets needs a recorded rectification request that was not fulfilled
                if (!rectifications.failedFor(agreement.id(), "TARGETS_MISSED")) {
                    errors.add(
                            new Problem.FieldError("trigger", "未达到经营目标而终止，须先有就经营目标发出且未按要求完成的整改记录（RECT-09）；请先发起限期整改"));
                }
            }
            case SECURITY_INCIDENT -> {
                requireEvidence(order, errors);
                if (!profile.securityIncidentExit()) {
                    errors.add(new Problem.FieldError(
                            "trigger", profile.name() + "未将数据安全事件单列为退出情形，请按“违反法律法规或者政策规定的其他情形”办理"));
                }
            }
            case EVALUATION_FAILED, RECTIFICATION_FAILED -> {
                if (order.sourceSubject() == null) {
                    throw new IllegalStateException(order.trigger() + " 须由评估或整改流程发起");
                }
            }
        }
        List<StoredDocument> evidence = documents.attachable(
                order.documents(),
                owner -> owner.equals(agreement.creditCode()) || owner.startsWith("authority:"),
                "evidenceDocumentIds");
        if (!errors.isEmpty()) {
            throw Problem.invalid("退出申请有误，请按提示修改", errors);
        }
        LocalDate planDue = order.trigger().needsPlan() && profile.exitPlanLeadMonths() > 0
                ? exitDate.minusMonths(profile.exitPlanLeadMonths())
                : null;
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into approval.exit_case (agreement_id, jurisdiction, credit_code, company_name, trigger, reason,
                    evidence, source_subject, requested_by, started_at, exit_date, liability_accepted, liability_statement,
                    profile_version, previous_state, status, plan_due)
                values (:a, :j, :c, :name, :trigger, :reason, :evidence, :source, :by, :now, :exitDate, :liability,
                    :liabilityStatement, :version, :previous, 'IN_PROGRESS', :planDue)
                returning id""")
                .param("a", agreement.id())
                .param("j", agreement.jurisdiction())
                .param("c", agreement.creditCode())
                .param("name", contacts.companyName(agreement))
                .param("trigger", order.trigger().name())
                .param("reason", order.reason().trim())
                .param("evidence", blankToNull(order.evidence()))
                .param("source", order.sourceSubject())
                .param("by", actor.label())
                .param("now", Timestamp.from(now))
                .param("exitDate", exitDate)
                .param("liability", order.trigger() == ExitTrigger.EARLY_TERMINATION ? order.liabilityAccepted() : null)
                .param("liabilityStatement", blankToNull(order.liabilityStatement()))
                .param("version", profile.version())
                .param("previous", state.name())
                .param("planDue", planDue)
                .query(Long.class)
                .single();
        for (StoredDocument d : evidence) {
            attach(id, d.id(), "EVIDENCE");
        }
        lifecycle.exiting(
                agreement.id(),
                Subjects.exit(id),
                "退出程序开始：" + order.trigger().label() + "（" + order.reason().trim() + "）",
                actor.label(),
                "exit-started:" + id);
        timeline.record(
                Subjects.exit(id),
                "退出程序开始：" + order.trigger().label(),
                order.reason().trim()
                        + (order.sourceSubject() == null ? "" : "\n来源：" + order.sourceSubject())
                        + (evidence.isEmpty() ? "" : "\n证据材料 " + evidence.size() + " 份"),
                actor.label(),
                "exit-started:" + id);
        if (order.plan() != null && !order.plan().isBlank()) {
            filePlan(id, order.plan(), List.of(), actor);
        }
        return get(id);
    }

    @Transactional
    public void startedAs(long id, String processInstanceId) {
        jdbc.sql("update approval.exit_case set process_instance_id = :pid where id = :id")
                .param("pid", processInstanceId)
                .param("id", id)
                .update();
    }

    /** The exit under way for an agreement, if any. */
    public Optional<ExitCase> running(long agreementId) {
        return jdbc.sql("select * from approval.exit_case where agreement_id = :a and status = 'IN_PROGRESS'")
                .param("a", agreementId)
                .query(this::map)
                .optional();
    }

    public ExitCase get(long id) {
        return jdbc.sql("select * from approval.exit_case where id = :id")
                .param("id", id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> Problem.notFound("退出程序 " + id + " 不存在"));
    }

    /** The exit as its operator may see it; another operator's is not found. */
    public ExitCase getOf(long id, Actor actor) {
        ExitCase exit = get(id);
        if ((actor.kind() == Actor.Kind.OPERATOR || actor.kind() == Actor.Kind.PARTNER)
                && !exit.creditCode().equals(actor.creditCode())) {
            throw Problem.notFound("退出程序 " + id + " 不存在");
        }
        return exit;
    }

    public List<ExitCase> ofOperator(String creditCode) {
        return jdbc.sql("select * from approval.exit_case where credit_code = :c order by started_at desc, id desc")
                .param("c", creditCode)
                .query(this::map)
                .list();
    }

    public List<ExitCase> ofAgreement(long agreementId) {
        return jdbc.sql("select * from approval.exit_case where agreement_id = :a order by started_at desc, id desc")
                .param("a", agreementId)
                .query(this::map)
                .list();
    }

    public List<ExitCase> ofJurisdiction(String jurisdiction) {
        return jdbc.sql("select * from approval.exit_case where jurisdiction = :j order by started_at desc, id desc")
                .param("j", jurisdiction)
                .query(this::map)
                .list();
    }

    /** EXIT-07: the implementing agency's proposal to terminate (002), or its decision not to propose. */
    @Transactional
    public void recordProposal(long id, boolean propose, String text, String actor) {
        jdbc.sql("update approval.exit_case set proposal = :p where id = :id and proposal is null")
                .param("p", (propose ? "提请终止：" : "不提请终止：") + text)
                .param("id", id)
                .update();
    }

    /** EXIT-07: the decision of the unit the profile names. */
    @Transactional
    public void recordDecision(long id, boolean terminate, String text, String actor) {
        jdbc.sql("update approval.exit_case set decision = :d, decided_by = :by where id = :id and decision is null")
                .param("d", (terminate ? "终止授权运营：" : "不予终止：") + text)
                .param("by", actor)
                .param("id", id)
                .update();
    }

    /**
     * EXIT-03: the operator's exit plan. A plan filed after its due day is recorded as late (the authority is told by
     * the flow); filing twice keeps the first.
     */
    @Transactional
    public boolean filePlan(long id, String plan, List<Long> documentIds, Actor actor) {
        ExitCase exit = get(id);
        if (plan == null || plan.isBlank()) {
            throw Problem.invalid("plan", "请填写退出方案（数据、产品、用户的处置和交接安排）");
        }
        List<StoredDocument> docs = documents.attachable(
                documentIds == null ? List.of() : documentIds, exit.creditCode()::equals, "documentIds");
        boolean late = exit.planDue() != null && today().isAfter(exit.planDue());
        int changed = jdbc.sql("""
                update approval.exit_case set plan = :plan, plan_filed_at = :now, plan_late = :late
                where id = :id and plan_filed_at is null""")
                .param("plan", plan.trim())
                .param("now", Timestamp.from(clock.instant()))
                .param("late", late)
                .param("id", id)
                .update();
        if (changed == 0) {
            return false;
        }
        docs.forEach(d -> attach(id, d.id(), "PLAN"));
        timeline.record(
                Subjects.exit(id),
                "提交退出方案" + (late ? "（晚于 " + exit.planDue() + "，已逾期）" : ""),
                plan.trim(),
                actor.label(),
                "exit-plan:" + id);
        return true;
    }

    /** The plan's due day passed without a plan: recorded once. */
    @Transactional
    public void planLate(long id) {
        jdbc.sql("update approval.exit_case set plan_late = true where id = :id and plan_filed_at is null")
                .param("id", id)
                .update();
    }

    /** EXIT-08: the day the permissions were closed. */
    @Transactional
    public void permissionsClosed(long id) {
        jdbc.sql(
                        "update approval.exit_case set permissions_closed_at = :now where id = :id and permissions_closed_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    @Transactional
    public void delisted(long id, int products) {
        jdbc.sql("update approval.exit_case set products_delisted = :n where id = :id and products_delisted is null")
                .param("n", products)
                .param("id", id)
                .update();
    }

    /**
     * EXIT-09, EXIT-10: the data on the platform was deleted, by whom and how, with the deletion record as evidence
     * (its SHA-256 is kept, 存证溯源). Recorded once.
     */
    @Transactional
    public void recordDeletion(long id, String note, Long documentId, Actor actor) {
        ExitCase exit = get(id);
        if (note == null || note.isBlank()) {
            throw Problem.invalid("deletionNote", "请写明删除的数据范围、方式和时间");
        }
        if (documentId == null) {
            throw Problem.invalid("deletionDocumentId", "请上传删除记录（截图或文件），作为存证");
        }
        StoredDocument record = documents
                .attachable(
                        List.of(documentId),
                        owner -> owner.equals(exit.creditCode()) || owner.startsWith("authority:"),
                        "deletionDocumentId")
                .get(0);
        int changed = jdbc.sql("""
                update approval.exit_case set deleted_by = :by, deleted_at = :now, deletion_note = :note,
                    deletion_document_id = :doc, deletion_sha256 = :sha
                where id = :id and deleted_at is null""")
                .param("by", actor.label())
                .param("now", Timestamp.from(clock.instant()))
                .param("note", note.trim())
                .param("doc", record.id())
                .param("sha", record.sha256())
                .param("id", id)
                .update();
        if (changed == 1) {
            attach(id, record.id(), "DELETION");
            timeline.record(
                    Subjects.exit(id),
                    "删除平台内留存的数据",
                    note.trim() + "\n删除记录「" + record.fileName() + "」SHA-256 " + record.sha256(),
                    actor.label(),
                    "exit-deleted:" + id);
        }
    }

    /** EXIT-10: 销毁确认, by the unit the profile names; only after the deletion is recorded. */
    @Transactional
    public void confirmDeletion(long id, String note, String actor) {
        ExitCase exit = get(id);
        if (exit.deletedAt() == null) {
            throw Problem.conflict("尚未记录数据删除，不能确认销毁");
        }
        int changed = jdbc.sql("""
                update approval.exit_case set deletion_confirmed_by = :by, deletion_confirmed_at = :now
                where id = :id and deletion_confirmed_at is null""")
                .param("by", actor)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (changed == 1) {
            timeline.record(
                    Subjects.exit(id),
                    "销毁确认",
                    note + "\n存证：删除记录 SHA-256 " + exit.deletionSha256(),
                    actor,
                    "exit-deletion-confirmed:" + id);
        }
    }

    /** EXIT-11: the logs are kept for the profile's period from today; returns the day until which they are kept. */
    @Transactional
    public LocalDate keepLogs(long id) {
        ExitCase exit = get(id);
        if (exit.logsKeptUntil() != null) {
            return exit.logsKeptUntil();
        }
        PolicyProfile profile = profiles.of(exit.jurisdiction(), exit.profileVersion());
        LocalDate until = today().plusMonths(profile.logRetentionMonths());
        jdbc.sql("update approval.exit_case set log_kind = :kind, logs_kept_until = :until where id = :id")
                .param("kind", profile.logKind())
                .param("until", until)
                .param("id", id)
                .update();
        timeline.record(
                Subjects.exit(id),
                "留存" + profile.logKind() + "至 " + until,
                "退出后" + profile.logKind() + "留存不少于 " + profile.logRetentionMonths() + " 个月，期满前不得删除",
                "系统",
                "exit-logs:" + id);
        return until;
    }

    /** The retention period ended: the logs may now be deleted. Refused before the day the retention ends. */
    @Transactional
    public void releaseLogs(long id) {
        ExitCase exit = get(id);
        if (exit.logsKeptUntil() == null || today().isBefore(exit.logsKeptUntil())) {
            throw Problem.conflict("退出后的" + (exit.logKind() == null ? "日志" : exit.logKind()) + "须留存至 "
                    + exit.logsKeptUntil() + "，期满前不得删除");
        }
        jdbc.sql("update approval.exit_case set logs_released_at = :now where id = :id and logs_released_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /** EXIT-12: the handover is done; the exit can close. */
    @Transactional
    public void handover(long id, String note, String actor) {
        if (note == null || note.isBlank()) {
            throw Problem.invalid("handoverNote", "请写明交接的内容和接收方");
        }
        int changed = jdbc.sql("""
                update approval.exit_case set handed_over_at = :now, handover_note = :note where id = :id and handed_over_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("note", note.trim())
                .param("id", id)
                .update();
        if (changed == 1) {
            timeline.record(Subjects.exit(id), "完成交接", note.trim(), actor, "exit-handover:" + id);
        }
    }

    /** Ends the exit once; returns false when it had ended already. */
    @Transactional
    public boolean close(long id, ExitCase.Status outcome) {
        return jdbc.sql("""
                                update approval.exit_case set status = :s, closed_at = :now
                                where id = :id and status = 'IN_PROGRESS'""")
                        .param("s", outcome.name())
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update()
                == 1;
    }

    public List<StoredDocument> documents(long id, String kind) {
        List<Long> ids = jdbc.sql(
                        "select document_id from approval.exit_document where exit_id = :id and kind = :k order by document_id")
                .param("id", id)
                .param("k", kind)
                .query(Long.class)
                .list();
        return documents.findAll(ids);
    }

    /** The facts the flow decides on, as process variables: its gateways read the profile version it started with. */
    public Map<String, Object> facts(ExitCase exit) {
        PolicyProfile profile = profiles.of(exit.jurisdiction(), exit.profileVersion());
        Agreement agreement = agreements.find(exit.agreementId()).orElseThrow();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("exitId", exit.id());
        facts.put("agreementId", exit.agreementId());
        facts.put("agreementNo", agreement.agreementNo());
        facts.put("jurisdiction", exit.jurisdiction());
        facts.put("jurisdictionName", profile.name());
        facts.put("profileVersion", exit.profileVersion());
        facts.put("profileVersionLabel", profile.versionLabel());
        facts.put("operatorCreditCode", exit.creditCode());
        facts.put("companyName", exit.companyName());
        facts.put("exitTrigger", exit.trigger().name());
        facts.put("exitTriggerLabel", exit.trigger().label());
        facts.put("exitReason", limit(exit.reason()));
        facts.put("exitEvidence", exit.evidence() == null ? "（见证据材料）" : limit(exit.evidence()));
        facts.put("exitDay", exit.exitDate().toString());
        facts.put(
                "liability", exit.liabilityStatement() == null ? "—" : "已承诺承担违约责任：" + limit(exit.liabilityStatement()));
        facts.put("needsDecision", exit.trigger().needsDecision());
        facts.put("proposalRequired", exit.trigger().needsDecision() && profile.terminationProposedBy() != null);
        facts.put("proposerGroup", profile.terminationProposedBy() == null ? "" : profile.terminationProposedBy());
        facts.put("deliberation", exit.trigger().needsDecision() && profile.terminationDeliberation());
        facts.put("deliberationGroups", profile.coordinationGroups());
        facts.put("deciderGroup", profile.terminationDecidedBy());
        facts.put("planRequired", exit.planDue() != null);
        facts.put("dataDeletion", profile.dataDeletion());
        facts.put("deletionByAuthority", "AUTHORITY".equals(profile.deletionBy()));
        facts.put("deletionConfirmation", profile.deletionConfirmedBy() != null);
        facts.put("confirmerGroup", profile.deletionConfirmedBy() == null ? "" : profile.deletionConfirmedBy());
        facts.put("deletionWorkingDays", profile.deletionWorkingDays());
        facts.put("handover", profile.handover());
        facts.put("logRetention", profile.logKind() + "不少于 " + profile.logRetentionMonths() + " 个月");
        return facts;
    }

    /** Whether the flow must wait for the exit day (a requested day, or the day after expiry) before closing. */
    public boolean waitsForExitDay(long id) {
        return get(id).exitDate().isAfter(today());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BEIJING));
    }

    private void checkStarter(ExitTrigger trigger, Agreement agreement, Actor actor) {
        if (actor.kind() == Actor.Kind.OPERATOR && !agreement.creditCode().equals(actor.creditCode())) {
            throw Problem.notFound("授权运营协议 " + agreement.id() + " 不存在");
        }
        switch (trigger.starter()) {
            case OPERATOR -> {
                if (actor.kind() != Actor.Kind.OPERATOR
                        || !agreement.creditCode().equals(actor.creditCode())) {
                    throw actor.kind() == Actor.Kind.OPERATOR
                            ? Problem.notFound("授权运营协议 " + agreement.id() + " 不存在")
                            : Problem.invalid("trigger", "提前终止由运营机构本身申请（EXIT-02）");
                }
            }
            case AUTHORITY -> {
                if (actor.kind() != Actor.Kind.REVIEWER) {
                    throw Problem.invalid("trigger", "“" + trigger.label() + "”的退出由数据主管部门发起");
                }
            }
            case FLOW -> {
                boolean operatorPlan = trigger == ExitTrigger.EXPIRY
                        && actor.kind() == Actor.Kind.OPERATOR
                        && agreement.creditCode().equals(actor.creditCode());
                if (actor.kind() != Actor.Kind.WORKER && !operatorPlan) {
                    throw Problem.invalid("trigger", "“" + trigger.label() + "”的退出由系统按流程发起");
                }
            }
        }
    }

    private static void requireEvidence(ExitOrder order, List<Problem.FieldError> errors) {
        if ((order.evidence() == null || order.evidence().isBlank())
                && order.documents().isEmpty()) {
            errors.add(new Problem.FieldError("evidence", "请提供证据：写明事实或上传证据材料"));
        }
    }

    private void attach(long id, long documentId, String kind) {
        jdbc.sql(
                        "insert into approval.exit_document (exit_id, document_id, kind) values (:e, :d, :k) on conflict do nothing")
                .param("e", id)
                .param("d", documentId)
                .param("k", kind)
                .update();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String limit(String text) {
        return text.length() <= 3900 ? text : text.substring(0, 3900) + "…（全文见退出程序）";
    }

    private ExitCase map(ResultSet rs, int n) throws SQLException {
        return new ExitCase(
                rs.getLong("id"),
                rs.getLong("agreement_id"),
                rs.getString("jurisdiction"),
                rs.getString("credit_code"),
                rs.getString("company_name"),
                ExitTrigger.valueOf(rs.getString("trigger")),
                rs.getString("reason"),
                rs.getString("evidence"),
                rs.getString("source_subject"),
                rs.getString("requested_by"),
                instant(rs, "started_at"),
                rs.getObject("exit_date", LocalDate.class),
                (Boolean) rs.getObject("liability_accepted"),
                rs.getString("liability_statement"),
                rs.getInt("profile_version"),
                rs.getString("previous_state"),
                ExitCase.Status.valueOf(rs.getString("status")),
                rs.getString("proposal"),
                rs.getString("decision"),
                rs.getString("decided_by"),
                rs.getObject("plan_due", LocalDate.class),
                rs.getString("plan"),
                instant(rs, "plan_filed_at"),
                (Boolean) rs.getObject("plan_late"),
                instant(rs, "permissions_closed_at"),
                (Integer) rs.getObject("products_delisted"),
                rs.getString("deleted_by"),
                instant(rs, "deleted_at"),
                rs.getString("deletion_note"),
                (Long) rs.getObject("deletion_document_id"),
                rs.getString("deletion_sha256"),
                rs.getString("deletion_confirmed_by"),
                instant(rs, "deletion_confirmed_at"),
                rs.getString("log_kind"),
                rs.getObject("logs_kept_until", LocalDate.class),
                instant(rs, "logs_released_at"),
                instant(rs, "handed_over_at"),
                rs.getString("handover_note"),
                instant(rs, "closed_at"),
                rs.getString("process_instance_id"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
