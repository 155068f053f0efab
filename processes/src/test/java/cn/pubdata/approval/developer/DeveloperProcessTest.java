package cn.pubdata.approval.developer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.exit.ExitCase;
import cn.pubdata.approval.exit.ExitOrder;
import cn.pubdata.approval.exit.ExitProcess;
import cn.pubdata.approval.exit.ExitSubmission;
import cn.pubdata.approval.exit.ExitTrigger;
import cn.pubdata.approval.lifecycle.LifecycleTestSupport;
import cn.pubdata.approval.notification.Notice;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of partner-rules.bpmn and developer.bpmn, named after the path it walks. */
class DeveloperProcessTest extends LifecycleTestSupport {

    private static final String AUTHORITY = "authority-reviewer";

    @Autowired
    PartnerRulesSubmission rulesSubmission;

    @Autowired
    PartnerRulesBook rulesBook;

    @Autowired
    DeveloperSubmission developerSubmission;

    @Autowired
    Developers developers;

    @Autowired
    DeveloperProgress progress;

    @Autowired
    ExitSubmission exitSubmission;

    @Test
    @Enforces({"DEV-01", "DEV-02", "DEV-03"})
    void rulesRefusedByTheAuthorityDoNotOpenOnboardingAndRulesConsentedDo() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁合伙人规则公司", XN_VISITORS);
        Actor developer = developerActor();
        // DEV-02: no rules consented yet, no application
        assertThatThrownBy(() -> developerSubmission.apply(application(op, true), developer, "咸宁开发一号公司"))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.getMessage()).contains("尚未经数据主管部门同意", "DEV-02"));
        assertThatThrownBy(() -> rulesSubmission.submit(rulesForm(op), developer))
                .hasMessageContaining("由运营机构提交");

        beijingTime(LocalDateTime.of(2026, 11, 18, 10, 0)); // a Wednesday
        PartnerRules first = rulesSubmission.submit(rulesForm(op), operatorOf(op));
        assertThat(first.status()).isEqualTo(PartnerRules.Status.SUBMITTED);
        assertThatThrownBy(() -> rulesSubmission.submit(rulesForm(op), operatorOf(op)))
                .hasMessageContaining("已有合伙人规则在等待");
        String pid = first.processInstanceId();
        Task consent = taskOf(pid, DeveloperProcess.TASK_CONSENT_RULES, AUTHORITY);
        assertDueOn(consent, LocalDate.of(2026, 12, 2)); // 10 working days
        // DEV-03: the reviewer sees what the operation plan says on developers beside the rules
        String planSection = jdbc.sql(
                        "select content from approval.application_plan_section where admission_application_id = :a and section_no = 3")
                .param("a", op.getId())
                .query(String.class)
                .single();
        assertThat(taskService.getVariable(consent.getId(), "planDeveloperSection"))
                .isEqualTo(planSection);
        assertThat(taskService.getVariable(consent.getId(), "partnerConditions"))
                .isEqualTo("具备数据安全管理能力，近3年无安全事件");
        assertThatThrownBy(() ->
                        decide(pid, DeveloperProcess.TASK_CONSENT_RULES, AUTHORITY, Map.of("rulesDecision", "refuse")))
                .hasMessageContaining("请填写审核意见");
        decide(
                pid,
                DeveloperProcess.TASK_CONSENT_RULES,
                AUTHORITY,
                Map.of("rulesDecision", "refuse", "rulesDecisionNote", "退出规则未写明数据删除要求"));
        assertThat(awaitEnd(pid)).isEqualTo(DeveloperProcess.END_RULES_REFUSED);
        assertThat(rulesBook.get(first.id()).status()).isEqualTo(PartnerRules.Status.REFUSED);
        assertThat(onlyNotice(Notifications.operator(op.getCreditCode()), "【合伙人规则未获同意】请修改后重新报送")
                        .body())
                .contains("退出规则未写明数据删除要求");
        assertThatThrownBy(() -> developerSubmission.apply(application(op, true), developer, "咸宁开发一号公司"))
                .hasMessageContaining("尚未经数据主管部门同意");

        PartnerRules second = consentedRules(op);
        assertThat(rulesBook.inForce(op.getCreditCode(), "xianning"))
                .get()
                .extracting(PartnerRules::id)
                .isEqualTo(second.id());
        assertThat(onlyNotice(Notifications.operator(op.getCreditCode()), "【合伙人规则已获同意】自即日起施行")
                        .body())
                .contains("已经数据主管部门同意，自即日起施行");
        DeveloperApplication applied = developerSubmission.apply(application(op, true), developer, "咸宁开发一号公司");
        assertThat(applied.rulesId()).isEqualTo(second.id());
        assertThat(timeline.of(Subjects.partnerRules(second.id())))
                .extracting(TimelineEntry::title)
                .containsSubsequence("提交合伙人准入条件和管理规则", "数据主管部门同意合伙人规则", "规则施行，已告知运营机构");
    }

    @Test
    @Enforces({"DEV-04", "DEV-05", "DEV-10"})
    void theOperatorRefusesADeveloperAndTheAuthorityCannotDecideForIt() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁拒绝入驻公司", XN_VISITORS);
        consentedRules(op);
        Actor developer = developerActor();
        // DEV-04: a developer that cannot declare 3 years without an incident is refused, nothing written
        int before = count("select count(*) from approval.developer_application");
        assertThatThrownBy(() -> developerSubmission.apply(application(op, false), developer, "咸宁开发二号公司"))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly("noIncidentDeclared 近3年发生过网络安全、数据安全事件的单位不符合入驻条件（DEV-04）；如未发生，请勾选声明"));
        assertThatThrownBy(() -> developerSubmission.apply(application(op, true), operatorOf(op), "x"))
                .hasMessageContaining("开发利用主体");
        assertThat(count("select count(*) from approval.developer_application")).isEqualTo(before);

        // DEV-10: a provider unit recommends the developer; the operator sees it with the application
        developers.recommend(
                new RecommendationForm(
                        "xianning", op.getCreditCode(), developer.creditCode(), "咸宁开发二号公司", "长期承担文旅数据治理项目"),
                Actor.reviewer("xn-wlj", Set.of("provider-xn-wlj")));
        assertThatThrownBy(() -> developers.recommend(
                        new RecommendationForm("xianning", op.getCreditCode(), developer.creditCode(), "某公司", "理由"),
                        authority()))
                .hasMessageContaining("数据提供单位推荐");
        DeveloperApplication applied = developerSubmission.apply(application(op, true), developer, "咸宁开发二号公司");
        assertThatThrownBy(() -> developerSubmission.apply(application(op, true), developer, "咸宁开发二号公司"))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::message)
                                .containsExactly("贵单位已有向该运营机构的入驻申请在办理或已入驻，不能重复申请"));
        String pid = applied.processInstanceId();
        awaitMessage(pid, DeveloperProcess.MESSAGE_DECIDED);
        Notice told = onlyNotice(Notifications.operator(op.getCreditCode()), "【入驻申请】咸宁开发二号公司申请入驻运营平台");
        assertThat(told.body()).contains("参与开发人员 2 名", "近3年未发生网络安全、数据安全事件", "数据提供单位推荐：provider-xn-wlj：长期承担文旅数据治理项目");
        onlyNotice(Notifications.operator(developer.creditCode()), "【入驻申请已受理】咸宁拒绝入驻公司");
        assertThat(progress.of(applied.id()).recommendations())
                .extracting(Recommendation::reason)
                .containsExactly("长期承担文旅数据治理项目");

        // DEV-05: the authority does not decide; another operator does not even see the application
        assertThatThrownBy(
                        () -> developerSubmission.decide(applied.id(), new DeveloperDecision(true, "同意"), authority()))
                .hasMessageContaining("DEV-05");
        assertThatThrownBy(() -> developerSubmission.decide(
                        applied.id(), new DeveloperDecision(true, "同意"), Actor.operator("op-x", "91420000000000000X")))
                .hasMessageContaining("不存在");
        assertThatThrownBy(() ->
                        developerSubmission.decide(applied.id(), new DeveloperDecision(false, " "), operatorOf(op)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("reason"));
        developerSubmission.decide(applied.id(), new DeveloperDecision(false, "团队规模不足以承担平台开发"), operatorOf(op));
        assertThat(awaitEnd(pid)).isEqualTo(DeveloperProcess.END_REFUSED);
        DeveloperApplication refused = developers.get(applied.id());
        assertThat(refused.status()).isEqualTo(DeveloperApplication.Status.REFUSED);
        assertThat(refused.decidedBy()).isEqualTo(operatorOf(op).username());
        assertThat(developers.permissionOf(applied.id())).isEmpty();
        assertThat(onlyNotice(Notifications.operator(developer.creditCode()), "【入驻申请未获同意】咸宁拒绝入驻公司")
                        .body())
                .contains("理由：团队规模不足以承担平台开发");
    }

    @Test
    @Enforces({"DEV-06", "DEV-08", "DEV-09"})
    void anApprovedDeveloperSignsFilesItsStaffGetsSampledDesensitisedAccessAndIsRemovedByTheOperator() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁入驻开通公司", XN_VISITORS);
        consentedRules(op);
        Actor developer = developerActor();
        DeveloperApplication applied = approved(op, developer, "咸宁开发三号公司");
        String pid = applied.processInstanceId();

        // DEV-06: no staff filing, no access before the agreement
        List<DeveloperStaff> staff = developers.staffOf(applied.id());
        assertThatThrownBy(
                        () -> developerSubmission.fileStaff(applied.id(), filing(staff, staff.size()), operatorOf(op)))
                .hasMessageContaining("须先签订开发利用协议");
        assertThatThrownBy(() -> developerSubmission.recordAgreement(
                        applied.id(), new DevelopmentAgreement("KF-2026-001", today(), today()), operatorOf(op)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("endsOn"));
        developerSubmission.recordAgreement(
                applied.id(),
                new DevelopmentAgreement("KF-2026-001", today(), LocalDate.of(2027, 11, 1)),
                operatorOf(op));
        assertThat(developers.get(applied.id()).status()).isEqualTo(DeveloperApplication.Status.SIGNED);
        assertThat(developers.permissionOf(applied.id())).isEmpty();

        // DEV-08: every staff member filed and bound by confidentiality, or none
        assertThatThrownBy(() -> developerSubmission.fileStaff(applied.id(), filing(staff, 1), operatorOf(op)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly("staff[1] 李四：尚未确认通过身份认证和备案审查"));
        assertThat(developers.staffOf(applied.id())).noneMatch(DeveloperStaff::filed);
        developerSubmission.fileStaff(applied.id(), filing(staff, staff.size()), operatorOf(op));

        // DEV-09: access opens, recorded as a permission to sampled and desensitised data only
        awaitMessage(pid, DeveloperProcess.MESSAGE_REMOVED); // access open, waiting for its end
        DeveloperPermission permission = developers.permissionOf(applied.id()).orElseThrow();
        assertThat(permission.dataScope()).isEqualTo(DeveloperPermission.SAMPLED_DESENSITISED);
        assertThat(permission.open()).isTrue();
        assertThat(developers.staffOf(applied.id())).allMatch(DeveloperStaff::filed);
        assertThat(developers.get(applied.id()).status()).isEqualTo(DeveloperApplication.Status.ACCESS_OPEN);
        assertThat(onlyNotice(Notifications.operator(developer.creditCode()), "【平台访问已开通】咸宁入驻开通公司")
                        .body())
                .contains("仅限经抽样、脱敏后的数据", "至开发利用协议 KF-2026-001 到期（2027-11-01）为止");
        onlyNotice(Notifications.operator(op.getCreditCode()), "【开发利用主体已开通访问】咸宁开发三号公司");
        assertThat(count("select count(*) from approval.developer_permission where application_id = ?", applied.id()))
                .as("opened once whatever the deliveries")
                .isEqualTo(1);

        assertThatThrownBy(() -> developerSubmission.remove(applied.id(), " ", operatorOf(op)))
                .hasMessageContaining("请写明移除的理由");
        developerSubmission.remove(applied.id(), "违反开发利用协议第五条", operatorOf(op));
        assertThat(awaitEnd(pid)).isEqualTo(DeveloperProcess.END_ACCESS_ENDED);
        DeveloperPermission closed = developers.permissionOf(applied.id()).orElseThrow();
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.closeReason()).isEqualTo("运营机构移除：违反开发利用协议第五条");
        assertThat(developers.get(applied.id()).status()).isEqualTo(DeveloperApplication.Status.ENDED);
        onlyNotice(Notifications.operator(developer.creditCode()), "【平台访问已终止】咸宁入驻开通公司");
        assertThat(progress.of(applied.id()).timeline())
                .extracting(TimelineEntry::title)
                .containsSubsequence(
                        "申请入驻运营平台",
                        "已送运营机构审核",
                        "运营机构同意入驻",
                        "签订开发利用协议",
                        "开发人员身份认证、备案并签订保密协议",
                        "开通平台访问",
                        "运营机构移除开发利用主体",
                        "平台访问终止");
    }

    @Test
    void theDevelopersAccessEndsWhenItsAgreementEnds() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁协议到期公司", XN_VISITORS);
        consentedRules(op);
        DeveloperApplication applied = withAccess(op, developerActor(), "咸宁开发四号公司", LocalDate.of(2027, 5, 31));
        fireTimerAt(applied.processInstanceId(), DeveloperProcess.TIMER_AGREEMENT_ENDS);
        assertThat(awaitEnd(applied.processInstanceId())).isEqualTo(DeveloperProcess.END_ACCESS_ENDED);
        assertThat(developers.permissionOf(applied.id()).orElseThrow().closeReason())
                .isEqualTo("开发利用协议到期");
    }

    @Test
    void aDevelopersAccessAndAnotherDevelopersApplicationEndWhenTheOperatorExits() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁退出开发公司", XN_VISITORS);
        consentedRules(op);
        DeveloperApplication working = withAccess(op, developerActor(), "咸宁开发五号公司", LocalDate.of(2028, 1, 31));
        DeveloperApplication waiting = developerSubmission.apply(application(op, true), developerActor(), "咸宁开发六号公司");
        awaitMessage(waiting.processInstanceId(), DeveloperProcess.MESSAGE_DECIDED);

        ExitCase exit = exitSubmission.order(
                new ExitOrder(
                        agreementOf(op).id(),
                        ExitTrigger.EARLY_TERMINATION,
                        "经营调整",
                        null,
                        null,
                        today(),
                        true,
                        "承担违约责任",
                        null,
                        null),
                operatorOf(op));
        decide(
                exit.processInstanceId(),
                ExitProcess.TASK_DECIDE,
                AUTHORITY,
                Map.of("terminationDecision", "terminate", "terminationReason", "同意"));
        assertThat(awaitEnd(working.processInstanceId())).isEqualTo(DeveloperProcess.END_OPERATOR_EXITED);
        assertThat(awaitEnd(waiting.processInstanceId())).isEqualTo(DeveloperProcess.END_OPERATOR_EXITED);
        DeveloperPermission closed = developers.permissionOf(working.id()).orElseThrow();
        assertThat(closed.closeReason()).isEqualTo("运营机构退出授权运营（" + ExitTrigger.EARLY_TERMINATION.label() + "）");
        assertThat(developers.get(waiting.id()).status()).isEqualTo(DeveloperApplication.Status.ENDED);
        assertThat(developers.get(waiting.id()).endedReason()).startsWith("运营机构退出授权运营");
        assertThat(timeline.of(Subjects.exit(exit.id())))
                .extracting(TimelineEntry::title)
                .contains("终止开发利用主体的入驻和平台访问 2 项");
        onlyNotice(Notifications.operator(working.developerCreditCode()), "【平台访问已终止】咸宁退出开发公司");
    }

    private PartnerRules consentedRules(AdmissionApplication op) {
        PartnerRules rules = rulesSubmission.submit(rulesForm(op), operatorOf(op));
        decide(
                rules.processInstanceId(),
                DeveloperProcess.TASK_CONSENT_RULES,
                AUTHORITY,
                Map.of("rulesDecision", "consent", "rulesDecisionNote", "同意施行"));
        assertThat(awaitEnd(rules.processInstanceId())).isEqualTo(DeveloperProcess.END_RULES_CONSENTED);
        return rulesBook.get(rules.id());
    }

    private DeveloperApplication approved(AdmissionApplication op, Actor developer, String name) {
        DeveloperApplication applied = developerSubmission.apply(application(op, true), developer, name);
        awaitMessage(applied.processInstanceId(), DeveloperProcess.MESSAGE_DECIDED);
        developerSubmission.decide(applied.id(), new DeveloperDecision(true, "具备开发能力，同意入驻"), operatorOf(op));
        awaitActivity(applied.processInstanceId(), DeveloperProcess.WAIT_AGREEMENT);
        return developers.get(applied.id());
    }

    private DeveloperApplication withAccess(AdmissionApplication op, Actor developer, String name, LocalDate endsOn) {
        DeveloperApplication applied = approved(op, developer, name);
        developerSubmission.recordAgreement(
                applied.id(), new DevelopmentAgreement("KF-" + applied.id(), today(), endsOn), operatorOf(op));
        List<DeveloperStaff> staff = developers.staffOf(applied.id());
        developerSubmission.fileStaff(applied.id(), filing(staff, staff.size()), operatorOf(op));
        awaitMessage(applied.processInstanceId(), DeveloperProcess.MESSAGE_REMOVED);
        return developers.get(applied.id());
    }

    private static StaffFiling filing(List<DeveloperStaff> staff, int howMany) {
        return new StaffFiling(staff.stream()
                .limit(howMany)
                .map(s -> new StaffFiling.Filed(s.id(), true, LocalDate.of(2026, 11, 2)))
                .toList());
    }

    private static Actor developerActor() {
        String code = nextCreditCode();
        return new Actor("dev-" + code, "开发人员", Actor.Kind.PARTNER, code, Set.of(), null);
    }

    private static PartnerRulesForm rulesForm(AdmissionApplication op) {
        return new PartnerRulesForm("xianning", "具备数据安全管理能力，近3年无安全事件", "入驻须经运营机构审核并签订开发利用协议；违约即移除");
    }

    private static DeveloperApplicationForm application(AdmissionApplication op, boolean declared) {
        return new DeveloperApplicationForm(
                "xianning",
                op.getCreditCode(),
                "具备数据治理团队20人，通过数据安全管理认证",
                declared,
                List.of(
                        new DeveloperApplicationForm.StaffMember("张三", "123X", "数据建模"),
                        new DeveloperApplicationForm.StaffMember("李四", "4567", "应用开发")));
    }
}
