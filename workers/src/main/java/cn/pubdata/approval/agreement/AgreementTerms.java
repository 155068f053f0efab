package cn.pubdata.approval.agreement;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the agreement states beyond its term, as the authority enters it from the signed text: the business targets
 * the operator agreed to (RECT-09) and the period within which it must correct a breach (RECT-06).
 */
@Service
public class AgreementTerms {

    /** The terms of one agreement; either may still be missing. */
    public record Terms(long agreementId, String businessTargets, Integer rectificationDays) {}

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final Timeline timeline;

    public AgreementTerms(JdbcClient jdbc, Agreements agreements, Timeline timeline) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.timeline = timeline;
    }

    public Terms of(long agreementId) {
        return jdbc.sql("select id, business_targets, rectification_days from approval.agreement where id = :id")
                .param("id", agreementId)
                .query((rs, n) -> new Terms(rs.getLong("id"), rs.getString("business_targets"), (Integer)
                        rs.getObject("rectification_days")))
                .optional()
                .orElseThrow(() -> Problem.notFound("授权运营协议 " + agreementId + " 不存在"));
    }

    @Transactional
    public Terms record(long agreementId, String businessTargets, Integer rectificationDays, String actor) {
        Agreement agreement =
                agreements.find(agreementId).orElseThrow(() -> Problem.notFound("授权运营协议 " + agreementId + " 不存在"));
        List<Problem.FieldError> errors = new ArrayList<>();
        if (businessTargets != null && businessTargets.length() > 4000) {
            errors.add(new Problem.FieldError("businessTargets", "经营目标请控制在 4000 字以内"));
        }
        if (rectificationDays != null && (rectificationDays < 1 || rectificationDays > 365)) {
            errors.add(new Problem.FieldError("rectificationDays", "约定的改正期限应在 1 到 365 日之间"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("协议约定事项有误，请按提示修改", errors);
        }
        jdbc.sql("update approval.agreement set business_targets = :t, rectification_days = :d where id = :id")
                .param("t", businessTargets == null || businessTargets.isBlank() ? null : businessTargets.trim())
                .param("d", rectificationDays)
                .param("id", agreementId)
                .update();
        timeline.record(
                Subjects.agreement(agreementId),
                "登记协议约定事项",
                "经营目标：" + (businessTargets == null ? "—" : businessTargets.trim()) + "\n约定改正期限："
                        + (rectificationDays == null ? "—" : rectificationDays + " 日"),
                actor,
                null);
        return of(agreement.id());
    }
}
