package cn.pubdata.approval.scenario;

import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Where a scenario stands: its status, each demand line with the consents it has, what is due by when in working days,
 * what the submitter must do now, and what happened.
 */
@Service
public class ScenarioProgress {

    /** One line of the list as the operator follows it. */
    public record LineState(int lineNo, String resource, String provider, String state, String detail) {}

    public record Progress(
            long scenarioId,
            String name,
            String companyName,
            ScenarioStatus status,
            String statusLabel,
            String outcomeReason,
            String operatorAction,
            List<LineState> lines,
            List<DueItem> due,
            List<TimelineEntry> timeline) {}

    private final Scenarios scenarios;
    private final Timeline timeline;
    private final OpenSteps steps;

    public ScenarioProgress(Scenarios scenarios, Timeline timeline, OpenSteps steps) {
        this.scenarios = scenarios;
        this.timeline = timeline;
        this.steps = steps;
    }

    public Progress of(long id) {
        Scenario scenario = scenarios.get(id);
        List<DueItem> due = new ArrayList<>();
        String action = null;
        String pid = scenario.getProcessInstanceId();
        if (scenario.getStatus() == ScenarioStatus.IN_REVIEW && steps.running(pid)) {
            due.addAll(steps.openTasks(pid));
            if (steps.waitsFor(pid, ScenarioProcess.MESSAGE_SUPPLEMENT_SUBMITTED)) {
                DueItem item = steps.item(
                        null, "提交补正材料", scenario.getCompanyName(), (Date) steps.variable(pid, "supplementDue"));
                due.add(0, item);
                action = "请于 " + item.dueDay() + "（还有 " + item.workingDaysLeft() + " 个工作日）前提交补正材料。补正要求："
                        + steps.variable(pid, "preCheckReason");
            } else {
                action = "审核中，您暂无需操作。";
            }
        } else if (scenario.getStatus() == ScenarioStatus.APPROVED) {
            action = "场景已通过，可在获同意的数据需求范围内申请数据使用、申报数据产品和服务。";
        }
        List<LineState> lines = scenarios.lines(id).stream()
                .map(l -> new LineState(l.lineNo(), l.resourceName(), l.providerName(), state(l), l.describe()))
                .toList();
        return new Progress(
                id,
                scenario.getName(),
                scenario.getCompanyName(),
                scenario.getStatus(),
                scenario.getStatus().label(),
                scenario.getOutcomeReason(),
                action,
                lines,
                due,
                timeline.of(Subjects.scenario(id)));
    }

    private static String state(ScenarioLine l) {
        if (l.suspendedReason() != null) {
            return "已暂停：" + l.suspendedReason();
        }
        if (l.providerConsent() == ScenarioLine.Consent.REFUSED) {
            return "提供单位不同意：" + l.providerReason();
        }
        if (l.provinceConsent() == ScenarioLine.Consent.REFUSED) {
            return "省公共数据主管部门不同意：" + l.provinceReason();
        }
        if (l.approved()) {
            return "已同意";
        }
        if (l.providerConsent() == ScenarioLine.Consent.CONSENTED) {
            return "提供单位已同意，待省公共数据主管部门同意";
        }
        return "待数据提供单位审核";
    }
}
