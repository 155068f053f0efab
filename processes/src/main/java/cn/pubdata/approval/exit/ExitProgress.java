package cn.pubdata.approval.exit;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.document.StoredDocument;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Where an exit stands, as the operator and the authority follow it: the ground, the profile version that governs it,
 * each step done and when, what the operator must do now and by when, and the timeline.
 */
@Service
public class ExitProgress {

    public record Step(String step, boolean done, String detail) {}

    public record Progress(
            long exitId,
            long agreementId,
            String companyName,
            String operatorCreditCode,
            String jurisdictionName,
            String trigger,
            String triggerLabel,
            String reason,
            String profileVersionLabel,
            int profileVersion,
            ExitCase.Status status,
            String statusLabel,
            LocalDate exitDate,
            LocalDate planDue,
            boolean planFiled,
            Boolean planLate,
            String decision,
            LocalDate logsKeptUntil,
            String deletionSha256,
            List<Step> steps,
            List<StoredDocument> evidence,
            String operatorAction,
            boolean awaitsPlan,
            boolean awaitsDeletion,
            List<DueItem> due,
            List<TimelineEntry> timeline) {}

    private final ExitCases exits;
    private final PolicyProfiles profiles;
    private final OpenSteps open;
    private final Timeline timeline;

    public ExitProgress(ExitCases exits, PolicyProfiles profiles, OpenSteps open, Timeline timeline) {
        this.exits = exits;
        this.profiles = profiles;
        this.open = open;
        this.timeline = timeline;
    }

    public Progress of(long exitId) {
        ExitCase e = exits.get(exitId);
        PolicyProfile profile = profiles.of(e.jurisdiction(), e.profileVersion());
        boolean running = open.running(e.processInstanceId());
        boolean awaitsPlan = running && open.waitsFor(e.processInstanceId(), ExitProcess.MESSAGE_PLAN_FILED);
        boolean awaitsDeletion = running && open.waitsFor(e.processInstanceId(), ExitProcess.MESSAGE_DATA_DELETED);
        List<DueItem> due = new ArrayList<>(running ? open.openTasks(e.processInstanceId()) : List.of());
        if (awaitsPlan) {
            due.add(0, open.item(null, "提交退出方案", e.companyName(), instantOf(e.planDue())));
        }
        if (awaitsDeletion && open.variable(e.processInstanceId(), "deletionDueAt") instanceof Date d) {
            due.add(0, open.item(null, "删除平台内留存的数据并提交删除记录", e.companyName(), d));
        }
        List<Step> steps = new ArrayList<>();
        if (e.trigger().needsDecision()) {
            steps.add(new Step("终止决定", e.decision() != null, e.decision()));
        }
        if (e.planDue() != null) {
            steps.add(new Step(
                    "退出方案（" + e.planDue() + " 前）",
                    e.planFiledAt() != null,
                    e.planFiledAt() == null ? null : Boolean.TRUE.equals(e.planLate()) ? "逾期提交" : "按期提交"));
        }
        steps.add(new Step("关闭平台使用权限", e.permissionsClosedAt() != null, null));
        steps.add(new Step(
                "下架数据产品",
                e.productsDelisted() != null,
                e.productsDelisted() == null ? null : e.productsDelisted() + " 个"));
        if (profile.dataDeletion()) {
            steps.add(new Step(
                    "删除平台内留存的数据",
                    e.deletedAt() != null,
                    e.deletedAt() == null ? null : e.deletedBy() + "，SHA-256 " + e.deletionSha256()));
            if (profile.deletionConfirmedBy() != null) {
                steps.add(new Step("销毁确认", e.deletionConfirmedAt() != null, e.deletionConfirmedBy()));
            }
        }
        steps.add(new Step(
                "留存" + profile.logKind() + "（不少于 " + profile.logRetentionMonths() + " 个月）",
                e.logsKeptUntil() != null,
                e.logsKeptUntil() == null ? null : "至 " + e.logsKeptUntil()));
        if (profile.handover()) {
            steps.add(new Step("交接", e.handedOverAt() != null, e.handoverNote()));
        }
        steps.add(new Step("更新目录和披露，通知各方", e.status() == ExitCase.Status.EXITED, null));
        return new Progress(
                e.id(),
                e.agreementId(),
                e.companyName(),
                e.creditCode(),
                profile.name(),
                e.trigger().name(),
                e.trigger().label(),
                e.reason(),
                profile.versionLabel(),
                e.profileVersion(),
                e.status(),
                e.status().label(),
                e.exitDate(),
                e.planDue(),
                e.planFiledAt() != null,
                e.planLate(),
                e.decision(),
                e.logsKeptUntil(),
                e.deletionSha256(),
                steps,
                exits.documents(e.id(), "EVIDENCE"),
                awaitsPlan
                        ? "请在 " + e.planDue() + " 前提交退出方案（数据、产品、用户的处置和交接安排）。"
                        : awaitsDeletion
                                ? "请删除本单位在授权运营平台内留存的数据，并提交删除记录。"
                                : e.status() == ExitCase.Status.IN_PROGRESS ? "退出程序进行中，请配合数据主管部门完成各项退出工作。" : null,
                awaitsPlan,
                awaitsDeletion,
                due,
                timeline.of(Subjects.exit(e.id())));
    }

    private static Instant instantOf(LocalDate day) {
        return day == null
                ? null
                : day.plusDays(1).atStartOfDay(Clocks.BEIJING).minusSeconds(1).toInstant();
    }
}
