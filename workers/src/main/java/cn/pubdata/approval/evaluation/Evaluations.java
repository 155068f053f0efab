package cn.pubdata.approval.evaluation;

import cn.pubdata.approval.agreement.AgreementContacts;
import cn.pubdata.approval.calendar.WorkingDayCalendar;
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
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual evaluations and semi-annual security reports (EVAL-01 … EVAL-08): each opens with a report due in working
 * days, takes the operator's report (or is escalated without it), and ends with the authority's result. The results
 * stay on record and are shown when the operator applies again (EVAL-07).
 */
@Service
public class Evaluations {

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final AgreementContacts contacts;
    private final PolicyProfiles profiles;
    private final WorkingDayCalendar calendar;
    private final DocumentStore documents;
    private final Timeline timeline;
    private final Clock clock;

    public Evaluations(
            JdbcClient jdbc,
            Agreements agreements,
            AgreementContacts contacts,
            PolicyProfiles profiles,
            WorkingDayCalendar calendar,
            DocumentStore documents,
            Timeline timeline,
            Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.contacts = contacts;
        this.profiles = profiles;
        this.calendar = calendar;
        this.documents = documents;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Opens the evaluation (or security report) of a period once, with the report due in the profile's working days;
     * the period opened again returns the one recorded.
     */
    @Transactional
    public Evaluation open(long agreementId, Evaluation.Kind kind, LocalDate from, LocalDate to) {
        Agreement agreement =
                agreements.find(agreementId).orElseThrow(() -> Problem.notFound("授权运营协议 " + agreementId + " 不存在"));
        PolicyProfile profile = profiles.of(agreement.jurisdiction());
        Instant now = clock.instant();
        Instant due = calendar.deadline(now, profile.evaluationReportWorkingDays());
        int inserted = jdbc.sql("""
                insert into approval.evaluation (agreement_id, jurisdiction, credit_code, company_name, kind, period_from,
                    period_to, profile_version, status, report_due, opened_at)
                values (:a, :j, :c, :name, :kind, :from, :to, :version, 'AWAITING_REPORT', :due, :now)
                on conflict (agreement_id, kind, period_from) do nothing""")
                .param("a", agreementId)
                .param("j", agreement.jurisdiction())
                .param("c", agreement.creditCode())
                .param("name", contacts.companyName(agreement))
                .param("kind", kind.name())
                .param("from", from)
                .param("to", to)
                .param("version", profile.version())
                .param("due", Timestamp.from(due))
                .param("now", Timestamp.from(now))
                .update();
        Evaluation e = jdbc.sql(
                        "select * from approval.evaluation where agreement_id = :a and kind = :k and period_from = :from")
                .param("a", agreementId)
                .param("k", kind.name())
                .param("from", from)
                .query(this::map)
                .single();
        if (inserted == 1) {
            timeline.record(
                    Subjects.evaluation(e.id()),
                    kind.label() + "开始：" + from + " 至 " + to,
                    "报告须于 " + due.atZone(Clocks.BEIJING).toLocalDate() + " 前提交",
                    "系统",
                    "evaluation-opened:" + e.id());
        }
        return e;
    }

    /** An evaluation whose report's due time moved, and the time it had before. */
    public record Rescheduled(Evaluation evaluation, Instant reportDueBefore) {}

    /**
     * Reports still awaited whose period of working days ran through {@code year}, counted again from the day they
     * were opened once the year's schedule is entered (while it was not, their due time was provisional). Returns
     * those whose due time moved.
     */
    @Transactional
    public List<Rescheduled> recount(int year) {
        List<Rescheduled> moved = new ArrayList<>();
        List<Map<String, Object>> awaited = jdbc.sql("""
                select id, opened_at from approval.evaluation where status = 'AWAITING_REPORT' and opened_at is not null""").query().listOfRows();
        for (Map<String, Object> row : awaited) {
            Evaluation e = get(((Number) row.get("id")).longValue());
            LocalDate opened = ((Timestamp) row.get("opened_at"))
                    .toInstant()
                    .atZone(Clocks.BEIJING)
                    .toLocalDate();
            LocalDate before = e.reportDue().atZone(Clocks.BEIJING).toLocalDate();
            if (opened.getYear() > year || before.getYear() < year) {
                continue;
            }
            int workingDays = profiles.of(e.jurisdiction(), e.profileVersion()).evaluationReportWorkingDays();
            LocalDate after = calendar.dueDay(opened, workingDays);
            if (after.equals(before)) {
                continue;
            }
            jdbc.sql("update approval.evaluation set report_due = :due where id = :id and status = 'AWAITING_REPORT'")
                    .param("due", Timestamp.from(WorkingDayCalendar.endOf(after)))
                    .param("id", e.id())
                    .update();
            timeline.record(
                    Subjects.evaluation(e.id()),
                    "报告期限重新计算",
                    year + " 年节假日安排已录入，报告须于 " + after + " 前提交（原暂定 " + before + "）",
                    "系统",
                    "evaluation-recount:" + e.id() + ":" + after);
            moved.add(new Rescheduled(get(e.id()), e.reportDue()));
        }
        return moved;
    }

    @Transactional
    public void startedAs(long id, String processInstanceId) {
        jdbc.sql("update approval.evaluation set process_instance_id = :pid where id = :id")
                .param("pid", processInstanceId)
                .param("id", id)
                .update();
    }

    /**
     * The operator files its report (EVAL-01 content; EVAL-08 for a security report) while it is awaited; nothing is
     * written when it is refused.
     */
    @Transactional
    public Evaluation fileReport(long id, EvaluationReport report, Actor actor) {
        Evaluation e = getOf(id, actor);
        if (actor.kind() != Actor.Kind.OPERATOR) {
            throw Problem.invalid("report", "报告由运营机构提交");
        }
        if (e.status() != Evaluation.Status.AWAITING_REPORT) {
            throw Problem.conflict("报告已不再受理（" + e.status().label() + "）");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (report == null) {
            throw Problem.invalid("report", "请填写报告");
        }
        if (e.kind() == Evaluation.Kind.ANNUAL) {
            require(report.dataDemand(), "dataDemand", "请填写运营数据需求情况", errors);
            require(report.dataUse(), "dataUse", "请填写数据使用情况", errors);
            require(report.benefits(), "benefits", "请填写产生的效益", errors);
            if (report.revenueYuan() == null || report.revenueYuan().signum() < 0) {
                errors.add(new Problem.FieldError("revenueYuan", "请填写报告期的运营收入（元，无收入填 0）"));
            }
            count(report.scenarioCount(), "scenarioCount", "请填写应用场景数", errors);
            count(report.productCount(), "productCount", "请填写数据产品和服务数", errors);
        }
        if (e.kind() == Evaluation.Kind.DEVELOPERS) {
            // DEV-07: the report on the developers; the security field carries it, the count is the developers'
            // incidents
            require(report.security(), "security", "请填写开发利用主体情况：入驻和退出、数据使用和安全情况", errors);
            count(report.incidentCount(), "incidentCount", "请填写开发利用主体发生的安全事件数（没有填 0）", errors);
        } else {
            require(report.security(), "security", "请填写数据安全情况", errors);
            count(report.incidentCount(), "incidentCount", "请填写安全事件数（没有填 0）", errors);
            count(report.drillCount(), "drillCount", "请填写应急演练次数（没有填 0）", errors);
        }
        List<StoredDocument> docs = documents.attachable(report.documents(), e.creditCode()::equals, "documentIds");
        if (!errors.isEmpty()) {
            throw Problem.invalid("报告不完整，请按提示补充", errors);
        }
        jdbc.sql("""
                update approval.evaluation set data_demand = :demand, data_use = :use, benefits = :benefits, security = :security,
                    revenue_yuan = :revenue, scenario_count = :scenarios, product_count = :products, incident_count = :incidents,
                    drill_count = :drills, filed_by = :by, filed_at = :now, status = 'REPORT_FILED'
                where id = :id and status = 'AWAITING_REPORT'""")
                .param("demand", trim(report.dataDemand()))
                .param("use", trim(report.dataUse()))
                .param("benefits", trim(report.benefits()))
                .param("security", trim(report.security()))
                .param("revenue", e.kind() == Evaluation.Kind.ANNUAL ? report.revenueYuan() : null)
                .param("scenarios", report.scenarioCount())
                .param("products", report.productCount())
                .param("incidents", report.incidentCount())
                .param("drills", report.drillCount())
                .param("by", actor.label())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        for (StoredDocument d : docs) {
            jdbc.sql(
                            "insert into approval.evaluation_document (evaluation_id, document_id) values (:e, :d) on conflict do nothing")
                    .param("e", id)
                    .param("d", d.id())
                    .update();
        }
        timeline.record(
                Subjects.evaluation(id),
                "提交" + e.kind().label().replace("及评估", ""),
                e.kind() == Evaluation.Kind.ANNUAL
                        ? "收入 " + report.revenueYuan() + " 元，场景 " + report.scenarioCount() + " 个，产品 "
                                + report.productCount() + " 个，安全事件 " + report.incidentCount() + " 起，应急演练 "
                                + report.drillCount() + " 次"
                        : e.kind() == Evaluation.Kind.DEVELOPERS
                                ? "开发利用主体安全事件 " + report.incidentCount() + " 起"
                                : "安全事件 " + report.incidentCount() + " 起，应急演练 " + report.drillCount() + " 次",
                actor.label(),
                "evaluation-report:" + id);
        return get(id);
    }

    /** The report's due day passed without it: escalated, and the evaluation proceeds without it. Once. */
    @Transactional
    public boolean reportMissing(long id) {
        return jdbc.sql("""
                                update approval.evaluation set status = 'REPORT_MISSING', escalated_at = :now
                                where id = :id and status = 'AWAITING_REPORT'""")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The authority's result, how it was reached (with members, a third party, or itself) and each aspect's finding. */
    @Transactional
    public void conclude(
            long id,
            String mode,
            String thirdParty,
            String aspects,
            Evaluation.Result result,
            String reason,
            String by) {
        jdbc.sql("""
                update approval.evaluation set mode = :mode, third_party = :third, aspects = :aspects, result = :result,
                    result_reason = :reason, concluded_by = :by, concluded_at = :now, status = 'CONCLUDED'
                where id = :id and status <> 'CONCLUDED'""")
                .param("mode", mode)
                .param("third", thirdParty)
                .param("aspects", aspects)
                .param("result", result.name())
                .param("reason", reason)
                .param("by", by)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    public Evaluation get(long id) {
        return jdbc.sql("select * from approval.evaluation where id = :id")
                .param("id", id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> Problem.notFound("评估 " + id + " 不存在"));
    }

    public Evaluation getOf(long id, Actor actor) {
        Evaluation e = get(id);
        if ((actor.kind() == Actor.Kind.OPERATOR || actor.kind() == Actor.Kind.PARTNER)
                && !e.creditCode().equals(actor.creditCode())) {
            throw Problem.notFound("评估 " + id + " 不存在");
        }
        return e;
    }

    public List<Evaluation> ofOperator(String creditCode) {
        return jdbc.sql("select * from approval.evaluation where credit_code = :c order by period_from desc, id desc")
                .param("c", creditCode)
                .query(this::map)
                .list();
    }

    public List<Evaluation> ofAgreement(long agreementId) {
        return jdbc.sql("select * from approval.evaluation where agreement_id = :a order by period_from desc, id desc")
                .param("a", agreementId)
                .query(this::map)
                .list();
    }

    /** EVAL-07: the operator's concluded annual results in a jurisdiction, newest first, as a re-application shows them. */
    public List<Evaluation> resultsOf(String creditCode, String jurisdiction) {
        return jdbc.sql("""
                select * from approval.evaluation where credit_code = :c and jurisdiction = :j and kind = 'ANNUAL'
                    and status = 'CONCLUDED' order by period_from desc, id desc""")
                .param("c", creditCode)
                .param("j", jurisdiction)
                .query(this::map)
                .list();
    }

    /** EVAL-07: the results as one text for a reviewer's form, or a plain phrase where there are none. */
    public String resultsText(String creditCode, String jurisdiction) {
        List<Evaluation> results = resultsOf(creditCode, jurisdiction);
        if (results.isEmpty()) {
            return "无以往年度评估结果";
        }
        return String.join(
                "\n",
                results.stream()
                        .map(e -> e.periodFrom() + " 至 " + e.periodTo() + "："
                                + e.result().label() + (e.resultReason() == null ? "" : "（" + e.resultReason() + "）"))
                        .toList());
    }

    public List<StoredDocument> documents(long id) {
        return documents.findAll(jdbc.sql(
                        "select document_id from approval.evaluation_document where evaluation_id = :e order by document_id")
                .param("e", id)
                .query(Long.class)
                .list());
    }

    /** The facts the flow and its forms use; the gateways read the profile version the evaluation started with. */
    public Map<String, Object> facts(Evaluation e) {
        PolicyProfile profile = profiles.of(e.jurisdiction(), e.profileVersion());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("evaluationId", e.id());
        facts.put("agreementId", e.agreementId());
        facts.put("jurisdiction", e.jurisdiction());
        facts.put("jurisdictionName", profile.name());
        facts.put("profileVersion", e.profileVersion());
        facts.put("profileVersionLabel", profile.versionLabel());
        facts.put("operatorCreditCode", e.creditCode());
        facts.put("companyName", e.companyName());
        facts.put("evaluationKind", e.kind().name());
        facts.put("evaluationKindLabel", e.kind().label());
        facts.put("period", e.periodFrom() + " 至 " + e.periodTo());
        facts.put("reportDue", Date.from(e.reportDue()));
        facts.put(
                "reportDueDay",
                e.reportDue().atZone(Clocks.BEIJING).toLocalDate().toString());
        facts.put("drivesOutcome", profile.evaluationDrivesOutcome());
        facts.put("thirdPartyAllowed", profile.evaluationThirdPartyAllowed());
        facts.put("evaluationAspects", String.join("、", profile.evaluationAspects()));
        return facts;
    }

    /** What the operator reported, for the authority's form; a missing report says so. */
    public Map<String, Object> reported(Evaluation e) {
        Map<String, Object> r = new LinkedHashMap<>();
        boolean filed = e.filedAt() != null;
        r.put("reportFiled", filed);
        r.put(
                "reportSummary",
                !filed
                        ? "运营机构逾期未提交报告（已上报负责人），评估在没有报告的情况下进行"
                        : e.kind() == Evaluation.Kind.ANNUAL
                                ? "运营数据需求：" + e.dataDemand() + "\n数据使用情况：" + e.dataUse() + "\n产生效益：" + e.benefits()
                                        + "\n数据安全：" + e.security() + "\n收入 " + e.revenueYuan() + " 元；场景 "
                                        + e.scenarioCount()
                                        + " 个；产品 " + e.productCount() + " 个；安全事件 " + e.incidentCount() + " 起；应急演练 "
                                        + e.drillCount() + " 次"
                                : e.kind() == Evaluation.Kind.DEVELOPERS
                                        ? "开发利用主体情况：" + e.security() + "\n开发利用主体安全事件 " + e.incidentCount() + " 起"
                                        : "运营安全情况：" + e.security() + "\n安全事件 " + e.incidentCount() + " 起；应急演练 "
                                                + e.drillCount() + " 次");
        r.put("revenueReported", filed && e.revenueYuan() != null);
        return r;
    }

    private static void require(String value, String field, String message, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, message));
        }
    }

    private static void count(Integer value, String field, String message, List<Problem.FieldError> errors) {
        if (value == null || value < 0) {
            errors.add(new Problem.FieldError(field, message));
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Evaluation map(ResultSet rs, int n) throws SQLException {
        String result = rs.getString("result");
        return new Evaluation(
                rs.getLong("id"),
                rs.getLong("agreement_id"),
                rs.getString("jurisdiction"),
                rs.getString("credit_code"),
                rs.getString("company_name"),
                Evaluation.Kind.valueOf(rs.getString("kind")),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                rs.getInt("profile_version"),
                Evaluation.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("report_due").toInstant(),
                rs.getString("data_demand"),
                rs.getString("data_use"),
                rs.getString("benefits"),
                rs.getString("security"),
                rs.getBigDecimal("revenue_yuan"),
                (Integer) rs.getObject("scenario_count"),
                (Integer) rs.getObject("product_count"),
                (Integer) rs.getObject("incident_count"),
                (Integer) rs.getObject("drill_count"),
                rs.getString("filed_by"),
                instant(rs, "filed_at"),
                instant(rs, "escalated_at"),
                rs.getString("mode"),
                rs.getString("third_party"),
                rs.getString("aspects"),
                result == null ? null : Evaluation.Result.valueOf(result),
                rs.getString("result_reason"),
                rs.getString("concluded_by"),
                instant(rs, "concluded_at"),
                rs.getString("process_instance_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
