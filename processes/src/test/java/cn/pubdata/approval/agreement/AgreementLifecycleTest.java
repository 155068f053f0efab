package cn.pubdata.approval.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionTestSupport;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.permissions.PlatformPermissions;
import cn.pubdata.approval.permissions.PlatformPermissions.Status;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.scenario.ScenarioForm;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioSubmission;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agreement's states and the permissions service: each change idempotent and kept in the history, and the state
 * the single source of what the operator may still submit.
 */
class AgreementLifecycleTest extends AdmissionTestSupport {

    @Autowired
    AgreementStates states;

    @Autowired
    PlatformPermissions permissions;

    @Autowired
    ScenarioSubmission scenarioSubmission;

    @Test
    void admissionOpensThePermissionsAndTheAgreementOperatesWithItsHistory() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("jingdezhen", "状态机运营公司", "cgj-enforcement-cases");
        Agreement agreement = agreementOf(operator);
        assertThat(states.of(agreement.id())).contains(AgreementState.OPERATING);
        assertThat(permissions.statusOf(operator.getId())).contains(Status.OPEN);
        assertThat(states.history(agreement.id())).singleElement().satisfies(c -> {
            assertThat(c.from()).isNull();
            assertThat(c.to()).isEqualTo(AgreementState.OPERATING);
            assertThat(c.causeSubject()).isEqualTo("ADM-" + operator.getId());
            assertThat(c.cause()).contains("岗前培训通过");
        });
        assertThat(permissions.history(operator.getId()))
                .extracting(PlatformPermissions.Change::to)
                .containsExactly(Status.OPEN);
    }

    @Test
    void suspendRestoreAndCloseAreIdempotentKeepTheirHistoryAndDecideWhatTheOperatorMaySubmit() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("jingdezhen", "暂停恢复运营公司", "cgj-enforcement-cases");
        Agreement agreement = agreementOf(operator);
        Actor actor = Actor.operator("op-test", operator.getCreditCode());

        lifecycle.suspend(agreement.id(), "RECT-1", "违反协议，暂时关闭平台使用权限", "reviewer", "k-suspend");
        lifecycle.suspend(agreement.id(), "RECT-1", "违反协议，暂时关闭平台使用权限", "reviewer", "k-suspend");
        assertThat(permissions.statusOf(operator.getId())).contains(Status.SUSPENDED);
        assertThat(states.of(agreement.id())).contains(AgreementState.SUSPENDED);
        assertThatThrownBy(() -> scenarioSubmission.submit(scenario(), actor))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT))
                .hasMessageContaining("平台使用权限已暂停（整改期间）");

        lifecycle.restore(agreement.id(), "RECT-1", "整改通过，恢复平台使用权限", "reviewer", "k-restore");
        lifecycle.restore(agreement.id(), "RECT-1", "整改通过，恢复平台使用权限", "reviewer", "k-restore");
        assertThat(permissions.statusOf(operator.getId())).contains(Status.OPEN);
        assertThat(states.of(agreement.id())).contains(AgreementState.OPERATING);
        assertThat(scenarioSubmission.submit(scenario(), actor).getId()).isPositive();

        lifecycle.exiting(agreement.id(), "EXIT-1", "提前终止", "op-test", "k-exiting");
        assertThatThrownBy(() -> scenarioSubmission.submit(scenario(), actor)).hasMessageContaining("正在退出");
        lifecycle.closePermissions(agreement.id(), "退出：关闭平台使用权限", "系统", "k-close");
        lifecycle.closePermissions(agreement.id(), "退出：关闭平台使用权限", "系统", "k-close");
        lifecycle.exited(agreement.id(), "EXIT-1", "退出完成", "k-exited");
        lifecycle.exited(agreement.id(), "EXIT-1", "退出完成", "k-exited");

        assertThat(permissions.history(operator.getId()))
                .extracting(PlatformPermissions.Change::from, PlatformPermissions.Change::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, Status.OPEN),
                        org.assertj.core.groups.Tuple.tuple(Status.OPEN, Status.SUSPENDED),
                        org.assertj.core.groups.Tuple.tuple(Status.SUSPENDED, Status.OPEN),
                        org.assertj.core.groups.Tuple.tuple(Status.OPEN, Status.CLOSED));
        assertThat(states.history(agreement.id()))
                .extracting(AgreementStates.StateChange::to)
                .containsExactly(
                        AgreementState.OPERATING,
                        AgreementState.SUSPENDED,
                        AgreementState.OPERATING,
                        AgreementState.EXITING,
                        AgreementState.EXITED);
        assertThatThrownBy(() -> scenarioSubmission.submit(scenario(), actor)).hasMessageContaining("已退出");
        // an exit cannot be undone: neither the permissions nor the state come back
        assertThatThrownBy(() -> lifecycle.restore(agreement.id(), "X", "恢复", "reviewer", "k-back"))
                .hasMessageContaining("不能恢复");
        assertThatThrownBy(() -> states.change(agreement.id(), AgreementState.OPERATING, "X", "恢复", "r", "k-back2"))
                .hasMessageContaining("退出不可撤销");
    }

    private ScenarioForm scenario() {
        return new ScenarioForm(
                "jingdezhen",
                null,
                "城管案件分析",
                "城市治理",
                Purpose.INDUSTRY,
                "建设内容",
                "风险评估：个人隐私和公共安全",
                "平台内加工",
                List.of(new ScenarioForm.LineInput(
                        "cgj-enforcement-cases",
                        "全部字段（脱敏）",
                        ScenarioLine.Usage.QUERY,
                        ScenarioLine.Frequency.MONTHLY,
                        today(),
                        today().plusMonths(6))));
    }
}
