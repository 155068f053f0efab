package cn.pubdata.approval.evaluation;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.optional;
import static cn.pubdata.approval.task.TaskInput.required;
import static cn.pubdata.approval.task.TaskInput.signer;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.developer.Developers;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.pricing.RevenueLedger;
import cn.pubdata.approval.review.ReviewOpinions;
import cn.pubdata.approval.risk.SecurityExercises;
import cn.pubdata.approval.task.InvalidDecision;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The evaluation's decisions, checked when the authority or a member completes a task and recorded through the
 * evaluation's service: how it is evaluated (EVAL-06), each member's opinion, the result with each aspect judged
 * (EVAL-03, EVAL-05), the review of a security report (EVAL-08) or of a report on the operator's developers (DEV-07). On creation a task gets what its form shows.
 */
@Component("evaluationDecisions")
public class EvaluationDecisions implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How many aspects the result form offers (ProfileSetting limits a profile's aspects to as many). */
    static final int ASPECT_FIELDS = 4;

    private final Evaluations evaluations;
    private final RevenueLedger ledger;
    private final ReviewOpinions opinions;
    private final PolicyProfiles profiles;
    private final Timeline timeline;
    private final SecurityExercises exercises;
    private final Developers developers;
    private final Clock clock;

    public EvaluationDecisions(
            Evaluations evaluations,
            RevenueLedger ledger,
            ReviewOpinions opinions,
            PolicyProfiles profiles,
            Timeline timeline,
            SecurityExercises exercises,
            Developers developers,
            Clock clock) {
        this.evaluations = evaluations;
        this.ledger = ledger;
        this.opinions = opinions;
        this.profiles = profiles;
        this.timeline = timeline;
        this.exercises = exercises;
        this.developers = developers;
        this.clock = clock;
    }

    /** Whether the operator's report states a revenue for the ledger (a missing report states none). */
    public boolean revenueReported(Number evaluationId) {
        return Boolean.TRUE.equals(
                evaluations.reported(evaluations.get(evaluationId.longValue())).get("revenueReported"));
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable("evaluationId")).longValue();
        Evaluation e = evaluations.get(id);
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, e);
            return;
        }
        String subject = Subjects.evaluation(id);
        switch (task.getTaskDefinitionKey()) {
            case EvaluationProcess.TASK_CHOOSE_MODE -> {
                String mode = choice(task, "evaluationMode", Set.of("MEMBERS", "THIRD_PARTY"), "请选择评估方式");
                String third = mode.equals("THIRD_PARTY") ? required(task, "thirdParty", "委托第三方时请填写受托机构") : null;
                timeline.record(
                        subject,
                        mode.equals("MEMBERS") ? "会同协调机制成员单位和数据提供单位评估" : "委托第三方机构评估：" + third,
                        null,
                        signer(task),
                        "task:" + task.getId());
            }
            case EvaluationProcess.TASK_MEMBER_OPINION -> {
                String opinion = choice(task, "memberOpinion", Set.of("PASS", "FAIL"), "请选择评估意见");
                String assessment = required(task, "memberAssessment", "请填写评估说明");
                String group = (String) task.getVariable("reviewGroup");
                opinions.record(
                        new ReviewOpinions.Opinion(
                                subject, task.getId(), "成员单位和数据提供单位评估意见", group, actor(task), opinion, assessment),
                        List.of());
                timeline.record(
                        subject,
                        profiles.groupName(group) + "：" + (opinion.equals("PASS") ? "建议通过" : "建议不通过"),
                        assessment,
                        signer(task),
                        "task:" + task.getId());
            }
            case EvaluationProcess.TASK_EVALUATE -> evaluate(task, e, subject);
            case EvaluationProcess.TASK_REVIEW_SECURITY_REPORT -> {
                String remarks = required(task, "securityRemarks", "请填写审阅意见");
                // SEC-06: a year without a drill is a finding of the review, whatever the remarks say
                SecurityExercises.ForEvaluation drills = drills(e);
                if (drills.drillMissing()) {
                    remarks = remarks + "\n评估发现：" + drills.drillFinding();
                }
                evaluations.conclude(id, "AUTHORITY", null, null, Evaluation.Result.NOTED, remarks, actor(task));
                timeline.record(subject, "审阅运营安全情况报告", remarks, signer(task), "task:" + task.getId());
            }
            case EvaluationProcess.TASK_REVIEW_DEVELOPER_REPORT -> {
                String remarks = required(task, "developerRemarks", "请填写审阅意见");
                evaluations.conclude(id, "AUTHORITY", null, null, Evaluation.Result.NOTED, remarks, actor(task));
                timeline.record(subject, "审阅开发利用主体情况报告", remarks, signer(task), "task:" + task.getId());
            }
            default -> throw new IllegalStateException("no decision rules for task " + task.getTaskDefinitionKey());
        }
    }

    /** EVAL-03, EVAL-05, EVAL-07: every aspect judged, then one result the profile knows. */
    private void evaluate(DelegateTask task, Evaluation e, String subject) {
        PolicyProfile profile = profiles.of(e.jurisdiction(), e.profileVersion());
        String result = choice(task, "evaluationResult", Set.of("PASS", "FAIL", "RECTIFY"), "请选择评估结果");
        if (result.equals("RECTIFY") && !profile.evaluationDrivesOutcome()) {
            throw new InvalidDecision(profile.name() + "的年度评估结果记为通过或未通过，作为再次申请的依据；“限期整改”是池州市的评估结果");
        }
        String reason = result.equals("PASS")
                ? optional(task, "resultReason")
                : required(task, "resultReason", "未通过或限期整改时请写明存在的问题");
        // EVAL-03, EVAL-06: each aspect the profile names is judged, one field each
        List<Map<String, Object>> aspects = new ArrayList<>();
        List<String> required = profile.evaluationAspects();
        for (int i = 0; i < required.size(); i++) {
            Object finding = task.getVariable("aspectFinding" + (i + 1));
            if (finding == null || finding.toString().isBlank()) {
                throw new InvalidDecision("请填写“" + required.get(i) + "”的评估意见");
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("aspect", required.get(i));
            a.put("finding", finding.toString().trim());
            aspects.add(a);
        }
        // SEC-06: a year without a drill is an evaluated finding beside the profile's aspects
        SecurityExercises.ForEvaluation drills = drills(e);
        if (drills.drillMissing()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("aspect", "数据安全应急演练");
            a.put("finding", drills.drillFinding());
            aspects.add(a);
        }
        String mode = profile.evaluationThirdPartyAllowed() ? (String) task.getVariable("evaluationMode") : "AUTHORITY";
        String thirdParty = "THIRD_PARTY".equals(mode) ? (String) task.getVariable("thirdParty") : null;
        Evaluation.Result outcome = Evaluation.Result.valueOf(result);
        evaluations.conclude(e.id(), mode, thirdParty, json(aspects), outcome, reason, actor(task));
        String period = e.periodFrom() + " 至 " + e.periodTo();
        task.getExecution()
                .setVariable("exitReason", "年度评估（" + period + "）结果为未通过" + (reason == null ? "" : "：" + reason));
        task.getExecution().setVariable("rectificationProblems", "年度评估（" + period + "）结果为限期整改：" + reason);
        timeline.record(
                subject,
                "评估结论：" + outcome.label(),
                aspects.stream()
                                .map(a -> a.get("aspect") + "：" + a.get("finding"))
                                .collect(Collectors.joining("\n"))
                        + (reason == null ? "" : "\n" + reason),
                signer(task),
                "task:" + task.getId());
    }

    private void created(DelegateTask task, Evaluation e) {
        task.setVariablesLocal(evaluations.reported(e));
        // SEC-06: the evaluator sees the operator's drills and risk assessments and whether a year passed without a
        // drill
        SecurityExercises.ForEvaluation drills = drills(e);
        task.setVariableLocal("securityExercises", drills.listing());
        task.setVariableLocal("drillFinding", drills.drillMissing() ? drills.drillFinding() : "评估截止日前一年内已开展数据安全应急演练");
        if (EvaluationProcess.TASK_REVIEW_DEVELOPER_REPORT.equals(task.getTaskDefinitionKey())) {
            // DEV-07: the reviewer sees which developers the report is about
            task.setVariableLocal("developerListing", developers.reportListing(e.creditCode(), e.jurisdiction()));
        }
        if (!EvaluationProcess.TASK_EVALUATE.equals(task.getTaskDefinitionKey())) {
            return;
        }
        PolicyProfile profile = profiles.of(e.jurisdiction(), e.profileVersion());
        // the aspects to judge, one label each; the form shows as many fields as the profile names (at most four)
        List<String> aspects = profile.evaluationAspects();
        for (int i = 0; i < ASPECT_FIELDS; i++) {
            task.getExecution().setVariableLocal("aspectLabel" + (i + 1), i < aspects.size() ? aspects.get(i) : "");
        }
        Object mode = task.getVariable("evaluationMode");
        task.setVariableLocal(
                "evaluationModeLabel",
                !profile.evaluationThirdPartyAllowed()
                        ? "数据主管部门会同有关部门评估"
                        : "MEMBERS".equals(mode) ? "会同协调机制成员单位和数据提供单位" : "委托第三方机构：" + task.getVariable("thirdParty"));
        String members = opinions.of(Subjects.evaluation(e.id())).stream()
                .map(o -> profiles.groupName(o.groupId()) + "：" + (o.decision().equals("PASS") ? "建议通过" : "建议不通过") + "，"
                        + o.reason())
                .collect(Collectors.joining("\n"));
        task.setVariableLocal("memberOpinions", members.isEmpty() ? "—" : members);
        String line = ledger.ledger(e.agreementId()).stream()
                .filter(r -> r.periodFrom().equals(e.periodFrom()))
                .findFirst()
                .map(r -> "收入 " + r.revenueYuan() + " 元；最高准许收入 " + (r.capYuan() == null ? "未核定" : r.capYuan() + " 元")
                        + (r.over() ? "；超出 " + r.overByYuan() + " 元" : ""))
                .orElse("未报告收入");
        task.setVariableLocal("ledgerLine", line);
    }

    /** The drills up to the end of the evaluated period, or up to today while the period is still running. */
    private SecurityExercises.ForEvaluation drills(Evaluation e) {
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BEIJING));
        LocalDate asOf = e.periodTo().isBefore(today) ? e.periodTo() : today;
        return exercises.forEvaluation(e.creditCode(), e.jurisdiction(), e.periodFrom(), asOf);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
