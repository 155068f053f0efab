package cn.pubdata.approval.datause;

import cn.pubdata.approval.permissions.DataAccessGrants;
import cn.pubdata.approval.permissions.DataAccessGrants.DataAccessGrant;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Where a data-use request stands: each line's consents, the access granted (and revoked), what is due by when in
 * working days, what the operator must do now, and its timeline.
 */
@Service
public class DataUseProgress {

    public record Progress(
            long requestId,
            String operatorCreditCode,
            String companyName,
            long scenarioId,
            String scenarioName,
            DataUseStatus status,
            String statusLabel,
            String outcomeReason,
            String purpose,
            LocalDate periodFrom,
            LocalDate periodTo,
            List<DataUseLine> lines,
            List<DataAccessGrant> grants,
            String operatorAction,
            List<DueItem> due,
            List<TimelineEntry> timeline,
            PolicyProfile.Disputes disputes) {}

    private final DataUses dataUses;
    private final DataAccessGrants grants;
    private final OpenSteps dueItems;
    private final Timeline timeline;
    private final PolicyProfiles profiles;

    public DataUseProgress(
            DataUses dataUses,
            DataAccessGrants grants,
            OpenSteps dueItems,
            Timeline timeline,
            PolicyProfiles profiles) {
        this.dataUses = dataUses;
        this.grants = grants;
        this.dueItems = dueItems;
        this.timeline = timeline;
        this.profiles = profiles;
    }

    public Progress of(long requestId) {
        DataUseRequest request = dataUses.get(requestId);
        Scenario scenario = dataUses.scenarioOf(request);
        List<DataAccessGrant> granted = grants.ofRequest(requestId);
        List<DueItem> due = request.getStatus() == DataUseStatus.IN_REVIEW
                ? dueItems.openTasks(request.getProcessInstanceId())
                : List.of();
        return new Progress(
                requestId,
                request.getCreditCode(),
                scenario.getCompanyName(),
                scenario.getId(),
                scenario.getName(),
                request.getStatus(),
                request.getStatus().label(),
                request.getOutcomeReason(),
                request.getPurpose(),
                request.getPeriodFrom(),
                request.getPeriodTo(),
                dataUses.lines(requestId),
                granted,
                action(request, granted, due),
                due,
                timeline.of(Subjects.dataUse(requestId)),
                // APL-01 APL-04: whether the portal offers an appeal (003) or an objection to a refused line (004)
                profiles.of(request.getJurisdiction()).disputes());
    }

    private static String action(DataUseRequest request, List<DataAccessGrant> granted, List<DueItem> due) {
        return switch (request.getStatus()) {
            case IN_REVIEW ->
                due.isEmpty()
                        ? "审核中，您暂无需操作。"
                        : "审核中（" + due.get(0).step() + "，" + due.get(0).responsible() + "，"
                                + due.get(0).dueDay() + " 前），您暂无需操作；需求变化时可撤回申请。";
            case APPROVED -> {
                long active = granted.stream().filter(DataAccessGrant::active).count();
                yield active == 0
                        ? "获准使用的数据访问权限已全部撤销，不得再使用；如仍有需要，请在场景下重新提出申请。"
                        : "已开通 " + active + " 项数据的访问权限，请于 " + request.getPeriodFrom() + " 至 " + request.getPeriodTo()
                                + " 在授权运营平台内按批准的用途使用。";
            }
            case REFUSED -> "申请未获批准：" + request.getOutcomeReason() + "。可按意见调整后重新提出申请。";
            case WITHDRAWN -> null;
            case ENDED -> "运营机构已退出，申请已终止：" + request.getOutcomeReason();
        };
    }
}
