package cn.pubdata.approval.risk;

import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.Validation;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk reports (SCN-10): a risk the operator finds while handling data requests goes to the authority at once, which
 * assesses it with the relevant departments. A report is accepted whatever the state of the operator's permissions:
 * a suspended operator must still be able to report a risk.
 */
@Service
public class RiskReports {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final RiskReportRepository repository;
    private final Agreements agreements;
    private final AgreementStates states;
    private final Scenarios scenarios;
    private final PolicyProfiles profiles;
    private final Validation validation;
    private final Timeline timeline;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    public RiskReports(
            RiskReportRepository repository,
            Agreements agreements,
            AgreementStates states,
            Scenarios scenarios,
            PolicyProfiles profiles,
            Validation validation,
            Timeline timeline,
            Clock clock,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.agreements = agreements;
        this.states = states;
        this.scenarios = scenarios;
        this.profiles = profiles;
        this.validation = validation;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * SCN-10: the operator (or its partner) reports a risk in a jurisdiction where it has an agreement, optionally
     * naming one of its own scenarios (another operator's is not found). Nothing is written when the report is refused.
     * The caller starts its process in the same transaction.
     */
    @Transactional
    public RiskReport report(RiskReportForm form, Actor actor) {
        if (actor.kind() != Actor.Kind.OPERATOR && actor.kind() != Actor.Kind.PARTNER) {
            throw Problem.invalid("reporter", "风险报告由运营机构或其合伙人提交");
        }
        validation.check(form, "风险报告不完整，请按提示补充");
        PolicyProfile profile = profiles.of(form.jurisdiction());
        Agreement agreement = agreements
                .latest(actor.creditCode(), form.jurisdiction())
                .orElseThrow(() -> Problem.invalid("jurisdiction", "该单位在" + profile.name() + "没有授权运营协议，请选择协议所在辖区"));
        // closed permissions refuse everything: after an exit a report goes to the authority by other channels
        states.refusalOfAnything(agreement).ifPresent(refusal -> {
            throw Problem.conflict(refusal);
        });
        List<Problem.FieldError> errors = new ArrayList<>();
        if (form.foundOn().isAfter(today())) {
            errors.add(new Problem.FieldError("foundOn", "发现日期不能晚于今天（" + today() + "）"));
        }
        if (form.scenarioId() != null) {
            Scenario scenario = scenarios.get(form.scenarioId());
            if (!scenario.getCreditCode().equals(actor.creditCode())) {
                throw Problem.notFound("场景 " + form.scenarioId() + " 不存在");
            }
            if (!scenario.getJurisdiction().equals(form.jurisdiction())) {
                errors.add(new Problem.FieldError(
                        "scenarioId", "场景「" + scenario.getName() + "」不在" + profile.name() + "，请选择该辖区的场景或不关联场景"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("风险报告有误，请按提示修改", errors);
        }
        RiskReport report = repository.save(new RiskReport(
                form.jurisdiction(),
                actor.creditCode(),
                agreements.operatorName(agreement),
                form.scenarioId(),
                actor.username(),
                form,
                clock.instant()));
        timeline.record(
                Subjects.riskReport(report.getId()),
                "报告风险",
                report.summary() + "（发现于 " + report.getFoundOn() + "）",
                actor.label(),
                "risk-reported:" + report.getId());
        return report;
    }

    @Transactional
    public void startedAs(RiskReport report, String processInstanceId) {
        report.startedAs(processInstanceId);
        repository.save(report);
    }

    /** SCN-10: the authority's assessment, made with the relevant departments; recorded once. */
    @Transactional
    public void assess(long id, String assessment, String departments, AssessmentOutcome outcome, String by) {
        RiskReport report = get(id);
        if (report.assess(assessment, departments, outcome, by, clock.instant())) {
            repository.save(report);
        }
    }

    /** The day the full report is due, counted when the report reaches the authority. */
    @Transactional
    public void fullReportDue(long id, LocalDate day) {
        RiskReport report = get(id);
        report.fullReportDue(day);
        repository.save(report);
    }

    /**
     * The operator's full report after the first one: what happened, its cause, the data and people affected,
     * the measures taken. Filed once, while the report is open; the caller moves the process on.
     */
    @Transactional
    public RiskReport fileFullReport(long id, String text, Actor actor) {
        RiskReport report = ownReport(id, actor);
        if (text == null || text.isBlank()) {
            throw Problem.invalid("fullReport", "请填写完整报告：事件经过、原因、涉及的数据和人员、已采取和拟采取的措施");
        }
        if (text.length() > 10000) {
            throw Problem.invalid("fullReport", "完整报告不超过10000字");
        }
        if (report.getStatus() != RiskReportStatus.REPORTED || report.getAssessedAt() != null) {
            throw Problem.conflict("该报告已评估，不再接收完整报告；如有新的情况，请再次报告");
        }
        if (!report.fileFullReport(text.trim(), clock.instant())) {
            throw Problem.conflict("完整报告已提交");
        }
        repository.save(report);
        timeline.record(Subjects.riskReport(id), "提交完整报告", null, actor.label(), "risk-full-report:" + id);
        return report;
    }

    /**
     * SEC-13: the case is referred to 网信 and 公安 and the referral goes on the operator's file; once per report.
     */
    @Transactional
    public void refer(long id, String departments, String by) {
        RiskReport report = get(id);
        report.referred();
        repository.save(report);
        recordOnFile(
                report,
                "REFERRAL",
                "移送" + departments + "依法处理：" + report.summary() + "（评估结论：" + report.getAssessment() + "）",
                by,
                "referral:" + id);
    }

    /** SEC-13: a department's handling of a referred case, on the operator's file. */
    @Transactional
    public void recordHandling(long id, String department, String note, String by, String dedupeKey) {
        RiskReport report = get(id);
        recordOnFile(report, "DEPARTMENT_HANDLING", department + "处理意见：" + note, by, dedupeKey);
        timeline.record(Subjects.riskReport(id), department + "处理意见", note, by, dedupeKey);
    }

    /** The exit or rectification the assessment started. */
    @Transactional
    public void ledTo(long id, Long exitId, Long rectificationId) {
        RiskReport report = get(id);
        report.ledTo(exitId, rectificationId);
        repository.save(report);
    }

    /** SEC-13: what the operator's file holds: referrals and the departments' handling. */
    public List<Map<String, Object>> securityFile(String creditCode) {
        return jdbc.sql("""
                        select jurisdiction, kind, subject, summary, recorded_by, recorded_at
                        from approval.operator_security_record where credit_code = :code order by recorded_at, id""").param("code", creditCode).query().listOfRows();
    }

    private void recordOnFile(RiskReport report, String kind, String summary, String by, String dedupeKey) {
        jdbc.sql("""
                        insert into approval.operator_security_record (jurisdiction, credit_code, kind, subject, summary,
                            recorded_by, recorded_at, dedupe_key)
                        values (:j, :code, :kind, :subject, :summary, :by, :at, :key) on conflict (dedupe_key) do nothing""")
                .param("j", report.getJurisdiction())
                .param("code", report.getCreditCode())
                .param("kind", kind)
                .param("subject", Subjects.riskReport(report.getId()))
                .param("summary", summary)
                .param("by", by)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("key", dedupeKey)
                .update();
    }

    /** Closes the report once; returns false when it had been closed already (a repeated delivery). */
    @Transactional
    public boolean close(long id) {
        RiskReport report = get(id);
        boolean changed = report.close(clock.instant());
        if (changed) {
            repository.save(report);
        }
        return changed;
    }

    public RiskReport get(long id) {
        return repository.findById(id).orElseThrow(() -> Problem.notFound("风险报告 " + id + " 不存在"));
    }

    /** The report as its operator may see it; another operator's is not found. */
    public RiskReport ownReport(long id, Actor actor) {
        RiskReport report = get(id);
        if (!report.getCreditCode().equals(actor.creditCode())) {
            throw Problem.notFound("风险报告 " + id + " 不存在");
        }
        return report;
    }

    public List<RiskReport> ofOperator(String creditCode) {
        return repository.findByCreditCodeOrderByReportedAtDesc(creditCode);
    }

    public List<RiskReport> ofJurisdiction(String jurisdiction) {
        return repository.findByJurisdictionOrderByReportedAtDesc(jurisdiction);
    }

    /** The name of the scenario a report concerns, or a plain phrase when it names none. */
    public String scenarioName(RiskReport report) {
        return report.getScenarioId() == null
                ? "未关联具体场景"
                : "「" + scenarios.get(report.getScenarioId()).getName() + "」";
    }

    /** The facts the authority assesses, as process variables its form shows. */
    public Map<String, Object> facts(RiskReport report) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("reportId", report.getId());
        facts.put("jurisdiction", report.getJurisdiction());
        facts.put("jurisdictionName", profiles.of(report.getJurisdiction()).name());
        facts.put("operatorCreditCode", report.getCreditCode());
        facts.put("companyName", report.getCompanyName());
        facts.put("scenarioName", scenarioName(report));
        facts.put("riskDescription", limit(report.getDescription()));
        facts.put("foundOn", report.getFoundOn().toString());
        facts.put("measures", limit(report.getMeasures()));
        facts.put(
                "reportedAt",
                MINUTE.format(report.getReportedAt().atZone(Clocks.BEIJING)) + "（" + report.getReportedBy() + "）");
        return facts;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BEIJING));
    }

    /** String process variables hold at most 4000 characters. */
    private static String limit(String text) {
        return text.length() <= 3900 ? text : text.substring(0, 3900) + "…（全文见报告）";
    }
}
