package cn.pubdata.approval.admission;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final Clock clock;

    public AdmissionSubmission(
            AdmissionApplications applications,
            PolicyProfiles profiles,
            RuntimeService runtime,
            Timeline timeline,
            JdbcClient jdbc,
            Clock clock) {
        this.applications = applications;
        this.profiles = profiles;
        this.runtime = runtime;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public AdmissionApplication submit(ApplicationForm form) {
        AdmissionApplication application = applications.register(form);
        PolicyProfile profile = profiles.of(application.getJurisdiction());
        Map<String, Object> variables = new HashMap<>(applications.facts(application));
        variables.put("hasEmergencyPlan", application.hasEmergencyPlan());
        variables.put("requestedResourceCodes", String.join(",", application.resourceCodes()));
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
        ProcessInstance instance = runtime.startProcessInstanceByKey(
                AdmissionProcess.KEY, AdmissionProcess.businessKey(application.getId()), variables);
        applications.startedAs(application, instance.getId());
        return application;
    }

    @Transactional
    public AdmissionApplication supplement(long applicationId, ApplicationForm form) {
        AdmissionApplication current = applications.get(applicationId);
        if (!AdmissionProcess.waitsFor(
                runtime, current.getProcessInstanceId(), AdmissionProcess.MESSAGE_SUPPLEMENT_SUBMITTED)) {
            throw Problem.conflict("该申请当前无需补正：只有在被退回补正、且补正期限未过时才能提交补正材料");
        }
        AdmissionApplication application = applications.supplement(applicationId, form);
        Map<String, Object> variables = new HashMap<>(applications.facts(application));
        variables.put("requestedResourceCodes", String.join(",", application.resourceCodes()));
        timeline.record(
                applicationId,
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
                applicationId, "申请单位撤回申请", reason.trim(), application.getCompanyName(), "withdraw:" + applicationId);
        runtime.createMessageCorrelation(AdmissionProcess.MESSAGE_WITHDRAWN)
                .processInstanceId(application.getProcessInstanceId())
                .setVariable("withdrawalReason", reason.trim())
                .correlate();
    }

    /** APL-03: anyone may object while the result is publicised; each objection becomes a task handled before signing. */
    @Transactional
    public long object(long applicationId, String filerName, String filerContact, String content) {
        java.util.List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (filerName == null || filerName.isBlank()) {
            errors.add(new Problem.FieldError("filerName", "请填写异议人姓名或单位名称"));
        }
        if (filerContact == null || filerContact.isBlank()) {
            errors.add(new Problem.FieldError("filerContact", "请填写联系方式，以便答复"));
        }
        if (content == null || content.isBlank()) {
            errors.add(new Problem.FieldError("content", "请写明异议内容和事实依据"));
        } else if (content.length() > 3000) {
            errors.add(new Problem.FieldError("content", "异议内容不超过3000字"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("异议信息不完整", errors);
        }
        AdmissionApplication application = applications.get(applicationId);
        if (!AdmissionProcess.waitsFor(
                        runtime, application.getProcessInstanceId(), AdmissionProcess.MESSAGE_OBJECTION_FILED)
                || !clock.instant()
                        .isBefore(((java.util.Date)
                                        runtime.getVariable(application.getProcessInstanceId(), "publicityEnds"))
                                .toInstant())) {
            throw Problem.conflict("该申请不在公示期内，不能提出公示异议");
        }
        long id = jdbc.sql("""
                insert into approval.objection (application_id, filed_at, filer_name, filer_contact, content)
                values (:app, :at, :name, :contact, :content) returning id""")
                .param("app", applicationId)
                .param("at", Timestamp.from(clock.instant()))
                .param("name", filerName.trim())
                .param("contact", filerContact.trim())
                .param("content", content.trim())
                .query(Long.class)
                .single();
        timeline.record(applicationId, "收到公示异议", "异议将在签订协议前核查处理", "公众", "objection:" + id);
        runtime.createMessageCorrelation(AdmissionProcess.MESSAGE_OBJECTION_FILED)
                .processInstanceId(application.getProcessInstanceId())
                .setVariablesLocal(Map.of(
                        "objectionId",
                        id,
                        "objectionContent",
                        filerName.trim() + "（" + filerContact.trim() + "）于 "
                                + clock.instant().atZone(Clocks.BEIJING).toLocalDate() + " 提出：\n" + content.trim()))
                .correlate();
        return id;
    }
}
