package cn.pubdata.approval.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.developer.DeveloperApplication;
import cn.pubdata.approval.developer.DeveloperApplicationForm;
import cn.pubdata.approval.developer.DeveloperDecision;
import cn.pubdata.approval.developer.DeveloperProcess;
import cn.pubdata.approval.developer.DeveloperSubmission;
import cn.pubdata.approval.developer.Developers;
import cn.pubdata.approval.developer.PartnerRules;
import cn.pubdata.approval.developer.PartnerRulesForm;
import cn.pubdata.approval.developer.PartnerRulesSubmission;
import cn.pubdata.approval.lifecycle.LifecycleTestSupport;
import cn.pubdata.approval.notification.Notice;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of appeal.bpmn, named after the path it walks. */
class AppealProcessTest extends LifecycleTestSupport {

    private static final String AUTHORITY = "authority-reviewer";
    private static final String JDZ_CASES = "cgj-enforcement-cases";

    @Autowired
    AppealSubmission appealSubmission;

    @Autowired
    Appeals appeals;

    @Autowired
    PartnerRulesSubmission rulesSubmission;

    @Autowired
    DeveloperSubmission developerSubmission;

    @Autowired
    Developers developers;

    @Test
    @Enforces({"APL-01", "APL-02"})
    void aRefusedDeveloperAppealsTheAuthorityAsksForMaterialUpholdsItAndTheOperatorReviewsAgain() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁申诉运营公司", XN_VISITORS);
        Actor developer = developerActor();
        DeveloperApplication refused = refused(op, developer, "咸宁申诉开发公司");

        // APL-01: only the refused developer appeals, only a refusal, with its grounds
        assertThatThrownBy(() -> appealSubmission.file(refused.id(), "理由", developerActor()))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
        assertThatThrownBy(() -> appealSubmission.file(refused.id(), " ", developer))
                .hasMessageContaining("请写明申诉的事实和理由");
        Appeal appeal = appealSubmission.file(refused.id(), "本单位团队已扩充至30人，运营机构未核实", developer);
        assertThat(appeal.contestedSubject()).isEqualTo(Subjects.developerApplication(refused.id()));
        assertThat(appeal.contestedDecision()).contains("咸宁申诉运营公司", "不同意入驻", "团队规模不足");
        // a second appeal on the same decision is refused with the reason
        assertThatThrownBy(() -> appealSubmission.file(refused.id(), "再次申诉", developer))
                .hasMessageContaining("同一决定不能再次申诉");
        String pid = appeal.processInstanceId();
        notice(Notifications.group(AUTHORITY), "【申诉】咸宁申诉开发公司");
        notice(Notifications.operator(developer.creditCode()), "【申诉已登记】咸宁申诉开发公司");

        assertThatThrownBy(() -> appealSubmission.addMaterial(appeal.id(), "材料", developer))
                .hasMessageContaining("未要求补充材料");
        decide(
                pid,
                AppealProcess.TASK_DECIDE,
                AUTHORITY,
                Map.of("appealDecision", "material", "appealReason", "请提供人员社保证明"));
        assertThat(notice(Notifications.operator(developer.creditCode()), "【申诉需补充材料】咸宁申诉开发公司")
                        .body())
                .contains("请提供人员社保证明");
        awaitMessage(pid, AppealProcess.MESSAGE_MATERIAL_FILED);
        appealSubmission.addMaterial(appeal.id(), "30名人员的社保缴纳证明", developer);
        assertThat(taskService.getVariable(
                        taskOf(pid, AppealProcess.TASK_DECIDE, AUTHORITY).getId(), "material"))
                .isEqualTo("30名人员的社保缴纳证明");
        decide(
                pid,
                AppealProcess.TASK_DECIDE,
                AUTHORITY,
                Map.of("appealDecision", "uphold", "appealReason", "运营机构未核实扩充后的团队"));
        assertThat(awaitEnd(pid)).isEqualTo(AppealProcess.END_UPHELD);

        // APL-02: the refused instance has ended, so the operator's review runs again in a new, linked instance
        DeveloperApplication again = developers.reopenedFrom(refused.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(DeveloperApplication.Status.IN_REVIEW);
        assertThat(developers.staffOf(again.id())).hasSize(1);
        awaitMessage(again.processInstanceId(), DeveloperProcess.MESSAGE_DECIDED);
        Appeal upheld = appeals.get(appeal.id());
        assertThat(upheld.status()).isEqualTo(Appeal.Status.UPHELD);
        assertThat(upheld.rerunSubject()).isEqualTo(Subjects.developerApplication(again.id()));
        assertThat(notice(Notifications.operator(developer.creditCode()), "【申诉成立】咸宁申诉开发公司")
                        .body())
                .contains("运营机构未核实扩充后的团队", "重新交运营机构审核");
        assertThat(timeline.of(Subjects.appeal(appeal.id())))
                .extracting(TimelineEntry::title)
                .containsSubsequence("提出申诉", "申诉已登记", "要求补充材料", "补充申诉材料", "申诉成立");
        developerSubmission.decide(again.id(), new DeveloperDecision(true, "核实后同意"), operatorOf(op));
        awaitActivity(again.processInstanceId(), DeveloperProcess.WAIT_AGREEMENT);
    }

    @Test
    @Enforces({"APL-02"})
    void aDismissedAppealLeavesTheRefusalStanding() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁驳回申诉运营公司", XN_VISITORS);
        Actor developer = developerActor();
        DeveloperApplication refused = refused(op, developer, "咸宁驳回申诉开发公司");
        Appeal appeal = appealSubmission.file(refused.id(), "运营机构审核不公", developer);
        decide(
                appeal.processInstanceId(),
                AppealProcess.TASK_DECIDE,
                AUTHORITY,
                Map.of("appealDecision", "dismiss", "appealReason", "运营机构的审核符合其入驻规则"));
        assertThat(awaitEnd(appeal.processInstanceId())).isEqualTo(AppealProcess.END_DISMISSED);
        assertThat(appeals.get(appeal.id()).status()).isEqualTo(Appeal.Status.DISMISSED);
        assertThat(developers.reopenedFrom(refused.id())).isEmpty();
        assertThat(developers.get(refused.id()).status()).isEqualTo(DeveloperApplication.Status.REFUSED);
        assertThat(notice(Notifications.operator(developer.creditCode()), "【申诉不成立】咸宁驳回申诉开发公司")
                        .body())
                .contains("运营机构的审核符合其入驻规则");
        assertThatThrownBy(() -> appealSubmission.file(refused.id(), "再次申诉", developer))
                .hasMessageContaining("同一决定不能再次申诉");
    }

    @Test
    @Enforces({"APL-01"})
    void aRefusalToJoinOutside003CannotBeAppealedAndTheDeveloperIsToldWhy() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("jingdezhen", "景德镇拒绝入驻运营公司", JDZ_CASES);
        Actor developer = developerActor();
        DeveloperApplication refused = refused(op, developer, "景德镇被拒开发公司");

        assertThatThrownBy(() -> appealSubmission.file(refused.id(), "运营机构审核不公", developer))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT))
                .hasMessageContaining("未规定开发利用主体的申诉", "APL-01 仅适用于咸宁", "景德镇拒绝入驻运营公司");
        assertThat(appeals.ofContested(refused.id())).isEmpty();
        assertThat(appeals.ofAppellant(developer.creditCode())).isEmpty();
    }

    private DeveloperApplication refused(AdmissionApplication op, Actor developer, String name) {
        PartnerRules rules = rulesSubmission.submit(
                new PartnerRulesForm(op.getJurisdiction(), "具备数据安全管理能力", "经审核签订开发利用协议后入驻"), operatorOf(op));
        decide(
                rules.processInstanceId(),
                DeveloperProcess.TASK_CONSENT_RULES,
                AUTHORITY,
                Map.of("rulesDecision", "consent", "rulesDecisionNote", "同意"));
        awaitEnd(rules.processInstanceId());
        DeveloperApplication applied = developerSubmission.apply(
                new DeveloperApplicationForm(
                        op.getJurisdiction(),
                        op.getCreditCode(),
                        "数据治理团队",
                        true,
                        List.of(new DeveloperApplicationForm.StaffMember("王五", "1234", "开发"))),
                developer,
                name);
        awaitMessage(applied.processInstanceId(), DeveloperProcess.MESSAGE_DECIDED);
        if (profiles.of(op.getJurisdiction()).disputes() == PolicyProfile.Disputes.APPEALS) {
            // the application accepted nothing but a refusal to appeal against
            assertThatThrownBy(() -> appealSubmission.file(applied.id(), "理由", developer))
                    .hasMessageContaining("只能对运营机构不同意入驻的决定申诉");
        }
        developerSubmission.decide(applied.id(), new DeveloperDecision(false, "团队规模不足"), operatorOf(op));
        awaitEnd(applied.processInstanceId());
        return developers.get(applied.id());
    }

    private static Actor developerActor() {
        String code = nextCreditCode();
        return new Actor("dev-" + code, "开发人员", Actor.Kind.PARTNER, code, Set.of(), null);
    }

    private Notice notice(String recipient, String title) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> notifications.inbox(recipient).stream()
                        .anyMatch(n -> n.title().equals(title)));
        List<Notice> found = notifications.inbox(recipient).stream()
                .filter(n -> n.title().equals(title))
                .toList();
        assertThat(found).as(recipient + " " + title).hasSize(1);
        return found.get(0);
    }
}
