package cn.pubdata.approval.developer;

import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.util.List;
import org.springframework.stereotype.Service;

/** Where a developer's application stands, for the developer and the operator: what is next and for whom. */
@Service
public class DeveloperProgress {

    public record Progress(
            DeveloperApplication application,
            String statusLabel,
            List<DeveloperStaff> staff,
            List<Recommendation> recommendations,
            DeveloperPermission permission,
            String permissionScope,
            String operatorAction,
            String developerAction,
            List<TimelineEntry> timeline) {}

    private final Developers developers;
    private final Timeline timeline;

    public DeveloperProgress(Developers developers, Timeline timeline) {
        this.developers = developers;
        this.timeline = timeline;
    }

    public Progress of(long id) {
        DeveloperApplication a = developers.get(id);
        DeveloperPermission permission = developers.permissionOf(id).orElse(null);
        String operatorAction = switch (a.status()) {
            case IN_REVIEW -> "请审核该开发利用主体的入驻申请，作出同意或不同意的决定并写明理由（DEV-05）。";
            case APPROVED -> "请与该开发利用主体签订开发利用协议，并登记协议编号、签订日期和到期日（DEV-06）。";
            case SIGNED -> "请对每名开发人员进行身份认证和备案审查，签订保密协议后登记（DEV-08），随后开通平台访问。";
            case ACCESS_OPEN -> "如需终止其访问，可移除该开发利用主体并写明理由。";
            default -> null;
        };
        String developerAction = switch (a.status()) {
            case IN_REVIEW -> "入驻申请由运营机构审核，请等待审核结果。";
            case APPROVED -> "运营机构已同意入驻，请与其签订开发利用协议。";
            case SIGNED -> "请配合运营机构完成开发人员的身份认证、备案审查并签订保密协议。";
            case ACCESS_OPEN -> "平台访问已开通，仅可使用经抽样、脱敏后的数据进行开发（DEV-09）。";
            default -> null;
        };
        return new Progress(
                a,
                a.status().label(),
                developers.staffOf(id),
                developers.recommendationsFor(a),
                permission,
                permission == null ? null : permission.scopeLabel(),
                operatorAction,
                developerAction,
                timeline.of(Subjects.developerApplication(id)));
    }
}
