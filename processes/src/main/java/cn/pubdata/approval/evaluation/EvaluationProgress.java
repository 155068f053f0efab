package cn.pubdata.approval.evaluation;

import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Where an evaluation or security report stands: the report due, the result, the profile version, the timeline. */
@Service
public class EvaluationProgress {

    public record Progress(
            long evaluationId,
            long agreementId,
            String companyName,
            String operatorCreditCode,
            String jurisdictionName,
            String kind,
            String kindLabel,
            LocalDate periodFrom,
            LocalDate periodTo,
            String profileVersionLabel,
            int profileVersion,
            Evaluation.Status status,
            String statusLabel,
            boolean awaitsReport,
            String result,
            String resultReason,
            String operatorAction,
            List<DueItem> due,
            List<TimelineEntry> timeline) {}

    private final Evaluations evaluations;
    private final PolicyProfiles profiles;
    private final OpenSteps open;
    private final Timeline timeline;

    public EvaluationProgress(Evaluations evaluations, PolicyProfiles profiles, OpenSteps open, Timeline timeline) {
        this.evaluations = evaluations;
        this.profiles = profiles;
        this.open = open;
        this.timeline = timeline;
    }

    public Progress of(long id) {
        Evaluation e = evaluations.get(id);
        boolean running = open.running(e.processInstanceId());
        boolean awaitsReport = running && open.waitsFor(e.processInstanceId(), EvaluationProcess.MESSAGE_REPORT_FILED);
        List<DueItem> due = new ArrayList<>(running ? open.openTasks(e.processInstanceId()) : List.of());
        if (awaitsReport) {
            due.add(0, open.item(null, "提交" + e.kind().label().replace("及评估", ""), e.companyName(), e.reportDue()));
        }
        var profile = profiles.of(e.jurisdiction(), e.profileVersion());
        return new Progress(
                e.id(),
                e.agreementId(),
                e.companyName(),
                e.creditCode(),
                profile.name(),
                e.kind().name(),
                e.kind().label(),
                e.periodFrom(),
                e.periodTo(),
                profile.versionLabel(),
                e.profileVersion(),
                e.status(),
                e.status().label(),
                awaitsReport,
                e.result() == null ? null : e.result().label(),
                e.resultReason(),
                awaitsReport
                        ? "请于 " + due.get(0).dueDay() + " 前提交"
                                + e.kind().label().replace("及评估", "") + "。"
                        : e.status() == Evaluation.Status.CONCLUDED ? null : "报告已受理，评估进行中。",
                due,
                timeline.of(Subjects.evaluation(id)));
    }
}
