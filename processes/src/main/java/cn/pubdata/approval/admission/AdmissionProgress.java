package cn.pubdata.approval.admission;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Service;

/** Where an application stands, what is due by when (in working days), and what the operator must do now. */
@Service
public class AdmissionProgress {

    public record Progress(
            long applicationId,
            String companyName,
            ApplicationStatus status,
            String statusLabel,
            String outcomeReason,
            String operatorAction,
            List<DueItem> due,
            List<TimelineEntry> timeline) {}

    private final AdmissionApplications applications;
    private final Timeline timeline;
    private final OpenSteps steps;

    public AdmissionProgress(AdmissionApplications applications, Timeline timeline, OpenSteps steps) {
        this.applications = applications;
        this.timeline = timeline;
        this.steps = steps;
    }

    public Progress of(long applicationId) {
        AdmissionApplication application = applications.get(applicationId);
        List<DueItem> due = new ArrayList<>();
        String action = null;
        String pid = application.getProcessInstanceId();
        if (application.getStatus() == ApplicationStatus.IN_REVIEW && steps.running(pid)) {
            due.addAll(steps.openTasks(pid));
            if (steps.waitsFor(pid, AdmissionProcess.MESSAGE_SUPPLEMENT_SUBMITTED)) {
                DueItem item = steps.item(
                        null, "提交补正材料", application.getCompanyName(), (Date) steps.variable(pid, "supplementDue"));
                due.add(0, item);
                action = "请于 " + item.dueDay()
                        + (item.provisional() ? "（暂定：" + item.provisionalReason() + "目前还有 " : "（还有 ")
                        + item.workingDaysLeft() + " 个工作日）前提交补正材料。补正要求："
                        + steps.variable(pid, "completenessReason");
            } else if (steps.waitsFor(pid, AdmissionProcess.MESSAGE_OBJECTION_FILED)) {
                Date ends = (Date) steps.variable(pid, "publicityEnds");
                due.add(steps.item(null, "审查结果公示", "社会公众", ends));
                action = "审查结果公示中，公示期至 "
                        + ends.toInstant().atZone(Clocks.BEIJING).toLocalDate() + "，请等待公示结束。";
            } else {
                action = "审查中，您暂无需操作。";
            }
        }
        return new Progress(
                application.getId(),
                application.getCompanyName(),
                application.getStatus(),
                application.getStatus().label(),
                application.getOutcomeReason(),
                action,
                due,
                timeline.of(Subjects.admission(applicationId)));
    }
}
