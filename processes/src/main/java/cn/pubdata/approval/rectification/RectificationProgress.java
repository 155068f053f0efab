package cn.pubdata.approval.rectification;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.document.StoredDocument;
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

/**
 * Where a rectification stands: the problems and the deadline, the profile version that governs it, what the operator
 * must file now and by when, the re-assessment, the timeline.
 */
@Service
public class RectificationProgress {

    public record Progress(
            long rectificationId,
            long agreementId,
            String companyName,
            String operatorCreditCode,
            String jurisdictionName,
            String trigger,
            String triggerLabel,
            String problems,
            LocalDate deadline,
            String deadlineBasis,
            boolean suspended,
            String profileVersionLabel,
            int profileVersion,
            Rectification.Status status,
            String statusLabel,
            String plan,
            String report,
            String outcome,
            String outcomeReason,
            boolean awaitsPlan,
            boolean awaitsReport,
            List<StoredDocument> evidence,
            String operatorAction,
            List<DueItem> due,
            List<TimelineEntry> timeline) {}

    private final Rectifications rectifications;
    private final PolicyProfiles profiles;
    private final OpenSteps open;
    private final Timeline timeline;

    public RectificationProgress(
            Rectifications rectifications, PolicyProfiles profiles, OpenSteps open, Timeline timeline) {
        this.rectifications = rectifications;
        this.profiles = profiles;
        this.open = open;
        this.timeline = timeline;
    }

    public Progress of(long id) {
        Rectification r = rectifications.get(id);
        boolean running = open.running(r.processInstanceId());
        boolean awaitsPlan = running && open.waitsFor(r.processInstanceId(), RectificationProcess.MESSAGE_PLAN_FILED);
        boolean awaitsReport =
                running && open.waitsFor(r.processInstanceId(), RectificationProcess.MESSAGE_REPORT_FILED);
        List<DueItem> due = new ArrayList<>(running ? open.openTasks(r.processInstanceId()) : List.of());
        var deadline = r.deadline()
                .plusDays(1)
                .atStartOfDay(Clocks.BEIJING)
                .minusSeconds(1)
                .toInstant();
        if (awaitsPlan) {
            due.add(0, open.item(null, "提交整改方案", r.companyName(), deadline));
        }
        if (awaitsPlan || awaitsReport) {
            due.add(awaitsPlan ? 1 : 0, open.item(null, "完成整改并提交整改报告", r.companyName(), deadline));
        }
        return new Progress(
                r.id(),
                r.agreementId(),
                r.companyName(),
                r.creditCode(),
                profiles.of(r.jurisdiction(), r.profileVersion()).name(),
                r.trigger().name(),
                r.trigger().label(),
                r.problems(),
                r.deadline(),
                r.deadlineBasis(),
                r.suspended(),
                profiles.of(r.jurisdiction(), r.profileVersion()).versionLabel(),
                r.profileVersion(),
                r.status(),
                r.status().label(),
                r.plan(),
                r.report(),
                r.outcome() == null ? null : r.outcome().label(),
                r.outcomeReason(),
                awaitsPlan,
                awaitsReport,
                rectifications.documents(id, "EVIDENCE"),
                awaitsPlan
                        ? "请在 " + r.deadline() + " 前提交整改方案，并完成整改、提交整改报告；逾期未完成的，将终止授权运营。"
                        : awaitsReport
                                ? "请在 " + r.deadline() + " 前完成整改并提交整改报告（反馈改正情况）。"
                                : r.status() == Rectification.Status.OPEN ? "已提交整改报告，等待再次评估。" : null,
                due,
                timeline.of(Subjects.rectification(id)));
    }
}
