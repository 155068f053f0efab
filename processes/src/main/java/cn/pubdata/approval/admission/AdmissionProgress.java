package cn.pubdata.approval.admission;

import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Where an application stands, what is due by when (in working days), and what the operator must do now. */
@Service
public class AdmissionProgress {

    public record DueItem(
            String taskId, String step, String responsible, Instant due, LocalDate dueDay, int workingDaysLeft) {}

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
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final WorkingDayCalendar calendar;
    private final PolicyProfiles profiles;
    private final CatalogResources catalog;
    private final Clock clock;

    public AdmissionProgress(
            AdmissionApplications applications,
            Timeline timeline,
            RuntimeService runtime,
            TaskService tasks,
            WorkingDayCalendar calendar,
            PolicyProfiles profiles,
            CatalogResources catalog,
            Clock clock) {
        this.applications = applications;
        this.timeline = timeline;
        this.runtime = runtime;
        this.tasks = tasks;
        this.calendar = calendar;
        this.profiles = profiles;
        this.catalog = catalog;
        this.clock = clock;
    }

    public Progress of(long applicationId) {
        AdmissionApplication application = applications.get(applicationId);
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BEIJING));
        List<DueItem> due = new ArrayList<>();
        String action = null;
        String pid = application.getProcessInstanceId();
        if (application.getStatus() == ApplicationStatus.IN_REVIEW
                && pid != null
                && runtime.createProcessInstanceQuery().processInstanceId(pid).count() > 0) {
            for (Task task : tasks.createTaskQuery()
                    .processInstanceId(pid)
                    .orderByDueDate()
                    .asc()
                    .list()) {
                due.add(item(task.getId(), task.getName(), responsible(task), task.getDueDate(), today));
            }
            if (AdmissionProcess.waitsFor(runtime, pid, AdmissionProcess.MESSAGE_SUPPLEMENT_SUBMITTED)) {
                Date supplementDue = (Date) runtime.getVariable(pid, "supplementDue");
                DueItem item = item(null, "提交补正材料", application.getCompanyName(), supplementDue, today);
                due.add(0, item);
                action = "请于 " + item.dueDay() + "（还有 " + item.workingDaysLeft() + " 个工作日）前提交补正材料。补正要求："
                        + runtime.getVariable(pid, "completenessReason");
            } else if (AdmissionProcess.waitsFor(runtime, pid, AdmissionProcess.MESSAGE_OBJECTION_FILED)) {
                Date ends = (Date) runtime.getVariable(pid, "publicityEnds");
                due.add(item(null, "审查结果公示", "社会公众", ends, today));
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

    private DueItem item(String taskId, String step, String responsible, Date due, LocalDate today) {
        if (due == null) {
            return new DueItem(taskId, step, responsible, null, null, 0);
        }
        LocalDate day = due.toInstant().atZone(Clocks.BEIJING).toLocalDate();
        return new DueItem(taskId, step, responsible, due.toInstant(), day, calendar.workingDaysUntil(today, day));
    }

    private String responsible(Task task) {
        List<String> names = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (link.getGroupId() != null) {
                names.add(
                        link.getGroupId().startsWith("provider-")
                                ? catalog.providerNameOfGroup(link.getGroupId())
                                : profiles.groupName(link.getGroupId()));
            }
        }
        return String.join("、", names);
    }
}
