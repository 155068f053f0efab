package cn.pubdata.approval.admission;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.evaluation.Evaluations;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators and the public do to a running admission: submit, supplement after a 补正, withdraw, object during
 * publicity. Each stores the domain change and moves the process in one transaction: both or neither.
 */
@Service
public class AdmissionSubmission {

    private final AdmissionApplications applications;
    private final PolicyProfiles profiles;
    private final RuntimeService runtime;
    private final Timeline timeline;
    private final Objections objections;
    private final Scenarios scenarios;
    private final OpenSteps steps;
    private final Clock clock;
    private final Evaluations evaluations;

    public AdmissionSubmission(
            AdmissionApplications applications,
            PolicyProfiles profiles,
            RuntimeService runtime,
            Timeline timeline,
            Objections objections,
            Scenarios scenarios,
            OpenSteps steps,
            Clock clock,
            Evaluations evaluations) {
        this.applications = applications;
        this.profiles = profiles;
        this.runtime = runtime;
        this.timeline = timeline;
        this.objections = objections;
        this.scenarios = scenarios;
        this.steps = steps;
        this.clock = clock;
        this.evaluations = evaluations;
    }

    @Transactional
    public AdmissionApplication submit(ApplicationForm form) {
        AdmissionApplication application = applications.register(form);
        PolicyProfile profile = profiles.of(application.getJurisdiction());
        Map<String, Object> variables = new HashMap<>(applications.facts(application));
        variables.put("scenarioIds", scenariosWithinAdmission(application, form, profile));
        variables.put("hasEmergencyPlan", application.hasEmergencyPlan());
        variables.put("supplementRounds", 0);
        variables.put("expertConsultation", false);
        variables.put("reviewSummary", "");
        variables.put(
                "agreementTermNote",
                profile.name() + "："
                        + (profile.termFixed()
                                ? "协议期限 " + profile.agreementTermMonths() + " 个月"
                                : "协议期限最长 " + profile.agreementTermMonths() + " 个月")
                        + (profile.maxTrialMonths() > 0
                                ? "，可另设不超过 " + profile.maxTrialMonths() + " 个月试运营期"
                                : "，不设试运营期"));
        variables.put("provincialFilingNote", profile.name() + "：" + profile.provincialFiling());
        // EVAL-07: the annual evaluation results of the same operator are a basis of the decision on a new application
        variables.put(
                "previousEvaluations",
                evaluations.resultsText(application.getCreditCode(), application.getJurisdiction()));
        ProcessInstance instance = runtime.startProcessInstanceByKey(
                AdmissionProcess.KEY, Subjects.admission(application.getId()), variables);
        applications.startedAs(application, instance.getId());
        return application;
    }

    @Transactional
    public AdmissionApplication supplement(long applicationId, ApplicationForm form) {
        AdmissionApplication current = applications.get(applicationId);
        if (!steps.waitsFor(current.getProcessInstanceId(), AdmissionProcess.MESSAGE_SUPPLEMENT_SUBMITTED)) {
            throw Problem.conflict("该申请当前无需补正：只有在被退回补正、且补正期限未过时才能提交补正材料");
        }
        AdmissionApplication application = applications.supplement(applicationId, form);
        Map<String, Object> variables = new HashMap<>(applications.facts(application));
        PolicyProfile profile = profiles.of(application.getJurisdiction());
        if (profile.scenarioReviewInAdmission()) {
            scenarios.admissionEnded(applicationId, null, "补正时由新提交的场景替换");
            variables.put("scenarioIds", scenariosWithinAdmission(application, form, profile));
        }
        timeline.record(
                Subjects.admission(applicationId),
                "提交补正材料",
                null,
                application.getCompanyName(),
                "supplement:" + applicationId + ":" + clock.millis());
        runtime.createMessageCorrelation(AdmissionProcess.MESSAGE_SUPPLEMENT_SUBMITTED)
                .processInstanceId(application.getProcessInstanceId())
                .setVariables(variables)
                .correlate();
        return application;
    }

    /** SCN-02 (004): the scenarios an application names are registered with it, one review each. */
    private List<Long> scenariosWithinAdmission(
            AdmissionApplication application, ApplicationForm form, PolicyProfile profile) {
        if (!profile.scenarioReviewInAdmission()) {
            if (!form.scenariosOrNone().isEmpty()) {
                throw Problem.invalid("scenarios", profile.name() + "的应用场景在准入后按“一场景一审核”单独申报，准入申请中不填写场景");
            }
            return List.of();
        }
        if (form.scenariosOrNone().isEmpty()) {
            throw Problem.invalid("scenarios", profile.name() + "实行“一场景一清单一审核”，准入申请须列出至少一个应用场景及其数据需求清单（SCN-02）");
        }
        return scenarios
                .registerWithinAdmission(
                        application.getId(),
                        application.getJurisdiction(),
                        application.getCreditCode(),
                        application.getCompanyName(),
                        application.resourceCodes(),
                        application.getContactName(),
                        form.scenariosOrNone())
                .stream()
                .map(Scenario::getId)
                .toList();
    }

    @Transactional
    public void withdraw(long applicationId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "请写明撤回理由");
        }
        AdmissionApplication application = applications.get(applicationId);
        if (application.getStatus() != ApplicationStatus.IN_REVIEW) {
            throw Problem.conflict("申请已结束（" + application.getStatus().label() + "），不能撤回");
        }
        if (runtime.getVariable(application.getProcessInstanceId(), "agreementSignedOn") != null) {
            throw Problem.conflict("授权运营协议已签订，不能撤回申请；如需终止，请申请退出");
        }
        timeline.record(
                Subjects.admission(applicationId),
                "申请单位撤回申请",
                reason.trim(),
                application.getCompanyName(),
                "withdraw:" + applicationId);
        runtime.createMessageCorrelation(AdmissionProcess.MESSAGE_WITHDRAWN)
                .processInstanceId(application.getProcessInstanceId())
                .setVariable("withdrawalReason", reason.trim())
                .correlate();
    }

    /** APL-03: anyone may object while the result is publicised; each objection becomes a task handled before signing. */
    @Transactional
    public long object(long applicationId, String filerName, String filerContact, String content) {
        objections.check(filerName, filerContact, content);
        AdmissionApplication application = applications.get(applicationId);
        if (!steps.waitsFor(application.getProcessInstanceId(), AdmissionProcess.MESSAGE_OBJECTION_FILED)
                || !clock.instant()
                        .isBefore(((Date) runtime.getVariable(application.getProcessInstanceId(), "publicityEnds"))
                                .toInstant())) {
            throw Problem.conflict("该申请不在公示期内，不能提出公示异议");
        }
        long id = objections.file(applicationId, filerName, filerContact, content);
        timeline.record(Subjects.admission(applicationId), "收到公示异议", "异议将在签订协议前核查处理", "公众", "objection:" + id);
        runtime.createMessageCorrelation(AdmissionProcess.MESSAGE_OBJECTION_FILED)
                .processInstanceId(application.getProcessInstanceId())
                .setVariablesLocal(Map.of(
                        "objectionId",
                        id,
                        "objectionContent",
                        filerName.trim() + "（" + filerContact.trim() + "）于 "
                                + clock.instant().atZone(Clocks.BEIJING).toLocalDate() + " 提出：\n"
                                + content.trim()))
                .correlate();
        return id;
    }
}
