package cn.pubdata.approval.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.officialnotice.OfficialNotice;
import cn.pubdata.approval.pricing.RevenueCaps;
import cn.pubdata.approval.scenario.ScenarioStatus;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.task.LineAnswers;
import com.icegreen.greenmail.util.GreenMail;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of admission.bpmn, named after the path it walks. */
class AdmissionProcessTest extends AdmissionTestSupport {

    @Autowired
    Agreements agreements;

    @Autowired
    RevenueCaps revenueCaps;

    @Autowired
    Notifications notifications;

    @Autowired
    GreenMail mail;

    @Autowired
    cn.pubdata.approval.policy.PolicyProfiles policy;

    @Autowired
    cn.pubdata.approval.catalog.CatalogResources catalog;

    @Autowired
    Scenarios scenarios;

    @Test
    @Enforces({"ADM-07", "ADM-09", "ADM-13", "ADM-14", "ADM-15", "ADM-17", "ADM-18", "ADM-11", "PRC-03", "ROLE-07"})
    void admittedPathOpensPermissionsListsOperatorAndNotifiesEveryParty() throws Exception {
        beijingTime(LocalDateTime.of(2026, 9, 24, 10, 0)); // Thursday before 中秋 and 国庆
        AdmissionApplication application = submit("chizhou", "池州数据运营有限公司", CZ_ENTERPRISES, CZ_CASES);
        String pid = application.getProcessInstanceId();

        Task check = awaitTask(pid, AdmissionProcess.TASK_CHECK_COMPLETENESS);
        assertThat(taskService.getIdentityLinksForTask(check.getId()))
                .extracting(l -> l.getGroupId())
                .containsExactly("authority-reviewer");
        assertDueOn(check, LocalDate.of(2026, 10, 9)); // 5 working days: 9-28, 9-29, 9-30, 10-8, 10-9
        assertThat(taskService
                        .createTaskQuery()
                        .taskId(check.getId())
                        .initializeFormKeys()
                        .singleResult()
                        .getOperatonFormRef()
                        .getKey())
                .isEqualTo("admission-completeness-check");

        passCompleteness(pid, false);
        OfficialNotice accepted = officialNotice("ADM-" + application.getId(), OfficialNotice.Kind.ACCEPTANCE, "池数授");
        assertThat(accepted.title()).startsWith("【已受理】");
        assertThat(accepted.body()).contains("材料齐全，予以受理");
        assertThat(accepted.issuer()).isEqualTo("池州市数据主管部门");
        assertThat(acceptanceNoticesInApp(application))
                .as("one 受理 notice however often the step is delivered")
                .singleElement()
                .satisfies(title -> assertThat(title).startsWith("【已受理】"));
        // ADM-09: one task per coordination member of 池州 (ROLE-07) and per provider unit whose data is requested
        List<String> reviewers = List.of("security-cac", "security-police", "provider-cz-scj", "provider-cz-cgj");
        for (String group : reviewers) {
            Task review = taskOf(
                    pid,
                    group.startsWith("provider-")
                            ? AdmissionProcess.TASK_PROVIDER_REVIEW
                            : AdmissionProcess.TASK_COORDINATION_REVIEW,
                    group);
            assertDueOn(review, LocalDate.of(2026, 10, 15)); // 10 working days, 10-10 (Saturday) is a working day
        }
        assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isEqualTo(4);
        approveAllReviews(pid, reviewers);
        admitDecision(pid);

        awaitPublicity(pid);
        assertThat(taskService.createTaskQuery().processInstanceId(pid).count())
                .as("nothing to sign during publicity")
                .isZero();
        fireTimer(pid);
        signAndOnboard(pid, today(), 36, 0);
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Admitted");

        assertThat(applications.get(application.getId()).getStatus()).isEqualTo(ApplicationStatus.ADMITTED);
        var agreement = agreements.ofApplication(application.getId()).orElseThrow();
        assertThat(agreement.termMonths()).isEqualTo(36);
        assertThat(agreement.endsOn())
                .isEqualTo(agreement.signedOn().plusMonths(36).minusDays(1));
        assertThat(agreement.filingNo()).isEqualTo("BA-2026-0042");
        assertThat(revenueCaps.ofAgreement(agreement.id()).orElseThrow().maxAllowedRevenue())
                .isEqualByComparingTo(new BigDecimal("12005000"));
        assertThat(count(
                        "select count(*) from approval.platform_permission where application_id = ? and status = 'OPEN'",
                        application.getId()))
                .isEqualTo(1);
        assertThat(agreements.authorizedOperators("chizhou")).contains(application.getCreditCode());
        assertThat(count(
                        "select count(*) from approval.disclosure_entry where jurisdiction = 'chizhou' and content like ?",
                        "%" + application.getCompanyName() + "%"))
                .as("the publicity notice and the authorized operator")
                .isEqualTo(2);
        for (String party : List.of(
                "authority-reviewer",
                "pricing-officer",
                "security-cac",
                "security-police",
                "provider-cz-scj",
                "provider-cz-cgj")) {
            assertThat(notifications.inbox(Notifications.group(party)))
                    .as(party)
                    .anyMatch(n -> n.body().contains(application.getCompanyName()));
        }
        assertThat(notifications.inbox(Notifications.operator(application.getCreditCode())))
                .extracting(n -> n.title())
                .anyMatch(t -> t.startsWith("【已准入】"))
                .anyMatch(t -> t.startsWith("【公示】"));
        assertThat(mail.getReceivedMessagesForDomain(application.getCreditCode().toLowerCase() + ".example.cn"))
                .anyMatch(m -> subject(m).startsWith("【已准入】"));
    }

    @Test
    @Enforces({"ADM-02", "ADM-12", "ADM-15", "ADM-16", "ADM-18", "ROLE-05", "SCN-02", "SCN-05"})
    void xinchangSupplementLoopThenScenariosReviewedWithinAdmissionThenExpertThenAdmittedWithTrialPeriod() {
        beijingTime(LocalDateTime.of(2026, 2, 12, 9, 0)); // Thursday before the 2026 Spring Festival
        Announcement announcement = announcement("xinchang", XC_CLINICS, XC_BUS);
        String code = nextCreditCode();
        assertThatThrownBy(() -> submission.submit(form(announcement, code, "新昌数智运营有限公司", List.of(XC_CLINICS, XC_BUS))))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("一场景一清单一审核");
        AdmissionApplication application = submission.submit(form(
                announcement,
                code,
                "新昌数智运营有限公司",
                List.of(XC_CLINICS, XC_BUS),
                List.of(scenario("慢性病筛查", "医疗健康", XC_CLINICS), scenario("公交线网优化", "交通运输", XC_BUS))));
        String pid = application.getProcessInstanceId();

        decide(
                pid,
                AdmissionProcess.TASK_CHECK_COMPLETENESS,
                "authority-reviewer",
                Map.of("completenessDecision", "supplement", "completenessReason", "第六部分缺少年度评估计划"));
        awaitWaitingForSupplement(pid);
        // 10 working days from 2-12: 2-13, 2-14 (Saturday, 调休上班), 2-24 … 2-27, 2-28 (Saturday, 调休上班), 3-2, 3-3, 3-4
        assertThat(((java.util.Date) runtime.getVariable(pid, "supplementDue"))
                        .toInstant()
                        .atZone(cn.pubdata.approval.common.Clocks.BEIJING)
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(notifications.inbox(Notifications.operator(application.getCreditCode())))
                .anyMatch(n -> n.title().startsWith("【需补正】")
                        && n.body().contains("第六部分缺少年度评估计划")
                        && n.body().contains("2026年3月4日"));
        OfficialNotice supplement = officialNotice("ADM-" + application.getId(), OfficialNotice.Kind.SUPPLEMENT, "新数授");
        assertThat(supplement.body()).contains("第六部分缺少年度评估计划");
        assertNoAcceptanceNotice(application);

        submission.supplement(
                application.getId(),
                form(
                        announcement,
                        application.getCreditCode(),
                        "新昌数智运营有限公司",
                        List.of(XC_CLINICS, XC_BUS),
                        List.of(scenario("慢性病筛查", "医疗健康", XC_CLINICS), scenario("公交线网优化", "交通运输", XC_BUS))));
        Task again = taskOf(pid, AdmissionProcess.TASK_CHECK_COMPLETENESS, "authority-reviewer");
        assertThat(taskService.getVariableLocal(again.getId(), "completenessDecision"))
                .as("a fresh form after 补正")
                .isNull();
        passCompleteness(pid, true);
        OfficialNotice accepted = officialNotice("ADM-" + application.getId(), OfficialNotice.Kind.ACCEPTANCE, "新数授");
        assertThat(accepted.id()).as("受理 comes after the 补正 round").isGreaterThan(supplement.id());

        // SCN-02: each named scenario runs its own review, called by the admission, in parallel with the others
        var scenarioList = scenarios.ofAdmission(application.getId()).stream()
                .filter(s -> s.getStatus() == ScenarioStatus.IN_REVIEW)
                .toList();
        assertThat(scenarioList).hasSize(2);
        for (var scenario : scenarioList) {
            String scenarioPid = awaitCalledScenario(scenario.getId());
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceId(scenarioPid)
                            .singleResult()
                            .getBusinessKey())
                    .isEqualTo("SCN-" + scenario.getId());
            String provider = scenario.getName().equals("慢性病筛查") ? "provider-xc-wjj" : "provider-xc-jtj";
            consentAll(scenarioPid, provider);
            // SCN-05: 004 requires the network-security review by each of its security members
            for (String member : policy.of("xinchang").coordinationGroups()) {
                Task review = taskOf(scenarioPid, "UserTask_NetworkSecurityReview", member);
                boolean bus = scenario.getName().equals("公交线网优化");
                decisions.decide(
                        review.getId(),
                        "reviewer-" + member,
                        java.util.Set.of(member),
                        bus && member.equals("security-police")
                                ? Map.of("reviewOpinion", "reject", "reviewReason", "车载视频数据安全措施不足")
                                : Map.of("reviewOpinion", "approve"));
            }
            Task decide = taskOf(scenarioPid, "UserTask_Decide", "authority-reviewer");
            if (scenario.getName().equals("公交线网优化")) {
                assertThatThrownBy(() -> decisions.decide(
                                decide.getId(),
                                "lead",
                                java.util.Set.of("authority-reviewer"),
                                Map.of("scenarioDecision", "approve")))
                        .isInstanceOf(Problem.class)
                        .hasMessageContaining("SCN-05");
                decisions.decide(
                        decide.getId(),
                        "lead",
                        java.util.Set.of("authority-reviewer"),
                        Map.of("scenarioDecision", "reject", "scenarioReason", "未通过网络安全评审"));
            } else {
                decisions.decide(
                        decide.getId(),
                        "lead",
                        java.util.Set.of("authority-reviewer"),
                        Map.of("scenarioDecision", "approve"));
            }
            assertThat(awaitEnd(scenarioPid))
                    .isEqualTo(scenario.getName().equals("慢性病筛查") ? "EndEvent_Approved" : "EndEvent_Rejected");
        }

        List<String> reviewers = List.of(
                "security-cac",
                "security-crypto",
                "security-secrecy",
                "security-police",
                "security-state",
                "provider-xc-wjj",
                "provider-xc-jtj");
        approveAllReviews(pid, reviewers);
        Task expert = taskOf(pid, AdmissionProcess.TASK_EXPERT_CONSULTATION, "expert");
        assertThat(expert.getName()).isEqualTo("专家咨询委员会论证");
        decisions.decide(
                expert.getId(),
                "expert-1",
                java.util.Set.of("expert"),
                Map.of("expertRecommendation", "approve", "expertOpinion", "技术方案可行"));
        Task decision = taskOf(pid, AdmissionProcess.TASK_DECIDE, "authority-reviewer");
        assertThat((String) taskService.getVariable(decision.getId(), "reviewSummary"))
                .contains("网信部门：同意", "国家安全部门：同意");
        admitDecision(pid);
        awaitPublicity(pid);
        fireTimer(pid);

        decide(
                pid,
                AdmissionProcess.TASK_SET_REVENUE_CAP,
                "pricing-officer",
                Map.of("maxAllowedRevenueWan", 500, "revenueCapBasis", "成本加成"));
        assertThatThrownBy(() -> decide(
                        pid,
                        AdmissionProcess.TASK_SIGN_AGREEMENT,
                        "authority-reviewer",
                        Map.of(
                                "agreementNo",
                                "XC-1",
                                "agreementSignedOn",
                                today().toString(),
                                "termMonths",
                                24,
                                "trialMonths",
                                7)))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("试运营期不得超过 6 个月");
        assertThatThrownBy(() -> decide(
                        pid,
                        AdmissionProcess.TASK_SIGN_AGREEMENT,
                        "authority-reviewer",
                        Map.of(
                                "agreementNo",
                                "XC-1",
                                "agreementSignedOn",
                                today().toString(),
                                "termMonths",
                                36,
                                "trialMonths",
                                0)))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("24 个月");
        decide(
                pid,
                AdmissionProcess.TASK_SIGN_AGREEMENT,
                "authority-reviewer",
                Map.of(
                        "agreementNo",
                        "XC-1",
                        "agreementSignedOn",
                        today().toString(),
                        "termMonths",
                        24,
                        "trialMonths",
                        6));
        decide(
                pid,
                AdmissionProcess.TASK_FILE_WITH_PROVINCE,
                "authority-reviewer",
                Map.of("provincialFilingNo", "ZJ-BA-7", "provincialFiledOn", today().toString()));
        assertThatThrownBy(() -> decide(
                        pid,
                        AdmissionProcess.TASK_CONFIRM_TRAINING,
                        "authority-reviewer",
                        Map.of("trainedStaff", "王五", "trainingPassed", false)))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("ADM-18");
        assertThat(count(
                        "select count(*) from approval.platform_permission where application_id = ?",
                        application.getId()))
                .as("no permission before the training is confirmed")
                .isZero();
        decide(
                pid,
                AdmissionProcess.TASK_CONFIRM_TRAINING,
                "authority-reviewer",
                Map.of("trainedStaff", "王五", "trainingPassed", true));

        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Admitted");
        assertThat(passedActivities(pid))
                .containsSubsequence(
                        "Catch_SupplementSubmitted",
                        "UserTask_CheckCompleteness",
                        "UserTask_ExpertConsultation",
                        "UserTask_Decide");
        var agreement = agreements.ofApplication(application.getId()).orElseThrow();
        assertThat(agreement.endsOn())
                .isEqualTo(agreement.signedOn().plusMonths(30).minusDays(1)); // 2 years + 6 months trial
        // the approved scenario takes effect with the agreement and is published with the operator; the other ended
        var effective = scenarios.ofAdmission(application.getId()).stream()
                .filter(s -> s.getStatus() == ScenarioStatus.APPROVED)
                .toList();
        assertThat(effective).singleElement().satisfies(s -> {
            assertThat(s.getName()).isEqualTo("慢性病筛查");
            assertThat(s.getAgreementId()).isEqualTo(agreement.id());
            assertThat(s.getPublishedAt()).isNotNull();
        });
        assertThat(scenarios.ofAdmission(application.getId()))
                .as("the scenarios replaced at 补正 ended, the refused one is rejected")
                .extracting(s -> s.getStatus())
                .containsOnly(ScenarioStatus.APPROVED, ScenarioStatus.REJECTED, ScenarioStatus.ENDED);
        assertThat(count(
                        "select count(*) from approval.disclosure_entry where kind = 'SCENARIO_APPROVED' and title like ?",
                        "%慢性病筛查%" + application.getCompanyName() + "%"))
                .isEqualTo(1);
    }

    @Test
    @Enforces({"CAT-03"})
    void aProviderThatRefusesTakesItsResourcesOutOfTheGrantedScope() {
        AdmissionApplication application = submit("chizhou", "池州部分授权公司", CZ_ENTERPRISES, CZ_FUND);
        String pid = application.getProcessInstanceId();
        passCompleteness(pid, false);
        approveAllReviews(pid, List.of("security-cac", "security-police", "provider-cz-scj"));
        decide(
                pid,
                AdmissionProcess.TASK_PROVIDER_REVIEW,
                "provider-cz-gjj",
                Map.of("reviewOpinion", "reject", "reviewReason", "公积金缴存数据暂不开放"));
        admitDecision(pid);
        awaitPublicity(pid);
        fireTimer(pid);
        signAndOnboard(pid, today(), 36, 0);
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Admitted");
        var agreement = agreements.ofApplication(application.getId()).orElseThrow();
        assertThat(agreements.grantedResources(agreement.id())).containsExactly(CZ_ENTERPRISES);
        assertThat(agreement.scope()).contains("企业登记注册信息").doesNotContain("住房公积金缴存信息");
        assertThat(notifications.inbox(Notifications.group("provider-cz-gjj")))
                .as("a unit that refused is not told it granted data")
                .noneMatch(n -> n.title().startsWith("【准入】") && n.body().contains(application.getCompanyName()));
    }

    @Test
    @Enforces({"CAT-03"})
    void anApplicationWhoseProvidersAllRefuseCannotBeAdmitted() {
        AdmissionApplication application = submit("xianning", "咸宁无授权公司", XN_FUND);
        String pid = application.getProcessInstanceId();
        passCompleteness(pid, false);
        approveAllReviews(pid, List.of("security-cac", "security-police"));
        decide(
                pid,
                AdmissionProcess.TASK_PROVIDER_REVIEW,
                "provider-xn-gjj",
                Map.of("reviewOpinion", "reject", "reviewReason", "不同意"));
        assertThatThrownBy(() -> admitDecision(pid)).isInstanceOf(Problem.class).hasMessageContaining("CAT-03");
        decide(
                pid,
                AdmissionProcess.TASK_DECIDE,
                "authority-reviewer",
                Map.of("admissionDecision", "reject", "admissionReason", "数据提供单位均不同意"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Rejected");
    }

    @Test
    @Enforces({"ADM-07"})
    void everyCriterionIsJudgedAndAnUnmetOneBlocksApproval() {
        AdmissionApplication application = submit("chizhou", "池州标准不满足公司", CZ_CASES);
        String pid = application.getProcessInstanceId();
        passCompleteness(pid, false);
        Task cac = taskOf(pid, AdmissionProcess.TASK_COORDINATION_REVIEW, "security-cac");
        assertThat(criteriaOptions(cac))
                .as("001's five selection conditions, one box each")
                .hasSize(5);
        assertThatThrownBy(() -> decisions.decide(
                        cac.getId(), "cac", java.util.Set.of("security-cac"), Map.of("reviewOpinion", "approve")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("ADM-07");
        assertThatThrownBy(() -> decisions.decide(
                        cac.getId(),
                        "cac",
                        java.util.Set.of("security-cac"),
                        judged(cac, false, Map.of("reviewOpinion", "approve"))))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("不能为“同意”");
        decisions.decide(
                cac.getId(),
                "cac",
                java.util.Set.of("security-cac"),
                judged(cac, false, Map.of("reviewOpinion", "reject", "reviewReason", "不具备安全管理条件")));
        assertThat(jdbc.sql("select count(*) from approval.review_criterion where task_id = ? and not met")
                        .param(1, cac.getId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        approveAllReviews(pid, List.of("security-police", "provider-cz-cgj"));
        Task decision = taskOf(pid, AdmissionProcess.TASK_DECIDE, "authority-reviewer");
        assertThatThrownBy(() -> decisions.decide(
                        decision.getId(),
                        "lead",
                        java.util.Set.of("authority-reviewer"),
                        judged(decision, false, Map.of("admissionDecision", "approve"))))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("具有公信力");
    }

    /** The scenario review an admission called for one scenario, once it has started. */
    private String awaitCalledScenario(long scenarioId) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> runtime.createProcessInstanceQuery()
                                .processInstanceBusinessKey("SCN-" + scenarioId)
                                .count()
                        == 1);
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey("SCN-" + scenarioId)
                .singleResult()
                .getId();
    }

    /** A provider consents to each of its lines of the scenario. */
    private void consentAll(String scenarioPid, String provider) {
        Task task = taskOf(scenarioPid, "UserTask_ProviderReview", provider);
        decisions.decide(
                task.getId(),
                "reviewer-" + provider,
                java.util.Set.of(provider),
                LineAnswers.consentAll(taskService, task));
    }

    @Test
    @Enforces({"ADM-02"})
    void supplementDeadlineMissedEndsTheApplication() {
        beijingTime(LocalDateTime.of(2026, 4, 30, 16, 0)); // before the 劳动节 holiday
        AdmissionApplication application = submit("xianning", "咸宁数据科技有限公司", XN_FUND);
        String pid = application.getProcessInstanceId();
        decide(
                pid,
                AdmissionProcess.TASK_CHECK_COMPLETENESS,
                "authority-reviewer",
                Map.of("completenessDecision", "supplement", "completenessReason", "应急预案未盖章"));
        awaitWaitingForSupplement(pid);
        fireTimer(pid);
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_SupplementMissed");
        AdmissionApplication closed = applications.get(application.getId());
        assertThat(closed.getStatus()).isEqualTo(ApplicationStatus.EXPIRED);
        assertThat(closed.getOutcomeReason()).contains("补正期限已届满");
        assertNoAcceptanceNotice(application);
        assertThatThrownBy(() -> submission.supplement(
                        application.getId(),
                        form(
                                announcements.get(application.getAnnouncementId()),
                                application.getCreditCode(),
                                "咸宁数据科技有限公司",
                                List.of(XN_FUND))))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("无需补正");
    }

    @Test
    @Enforces({"ADM-02"})
    void supplementIsBoundedToTwoRoundsThenNotAccepted() {
        AdmissionApplication application = submit("jingdezhen", "景德镇瓷都数据有限公司", "wlj-cultural-venues");
        String pid = application.getProcessInstanceId();
        var announcement = announcements.get(application.getAnnouncementId());
        for (int round = 1; round <= 2; round++) {
            decide(
                    pid,
                    AdmissionProcess.TASK_CHECK_COMPLETENESS,
                    "authority-reviewer",
                    Map.of("completenessDecision", "supplement", "completenessReason", "第" + round + "次补正要求"));
            awaitWaitingForSupplement(pid);
            submission.supplement(
                    application.getId(),
                    form(announcement, application.getCreditCode(), "景德镇瓷都数据有限公司", List.of("wlj-cultural-venues")));
        }
        assertThatThrownBy(() -> decide(
                        pid,
                        AdmissionProcess.TASK_CHECK_COMPLETENESS,
                        "authority-reviewer",
                        Map.of("completenessDecision", "supplement", "completenessReason", "第3次")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("达到上限");
        decide(
                pid,
                AdmissionProcess.TASK_CHECK_COMPLETENESS,
                "authority-reviewer",
                Map.of("completenessDecision", "reject", "completenessReason", "两次补正后材料仍不齐全"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_NotAccepted");
        assertThat(applications.get(application.getId()).getOutcomeReason()).isEqualTo("两次补正后材料仍不齐全");
        assertNoAcceptanceNotice(application);
        assertThat(notifications.inbox(Notifications.operator(application.getCreditCode())))
                .as("each round of 补正 is its own notice")
                .filteredOn(n -> n.title().startsWith("【需补正】") && n.body().contains("次补正要求"))
                .hasSize(2);
        assertThat(notifications.inbox(Notifications.operator(application.getCreditCode())))
                .anyMatch(n -> n.title().startsWith("【未准入】") && n.body().contains("两次补正后材料仍不齐全"));
    }

    @Test
    @Enforces({"ADM-07", "ADM-09"})
    void rejectedAtDecisionAfterAProviderDissents() {
        AdmissionApplication application = submit("chizhou", "池州某信息公司", CZ_CASES, CZ_FUND);
        String pid = application.getProcessInstanceId();
        passCompleteness(pid, false);
        approveAllReviews(pid, List.of("security-cac", "security-police", "provider-cz-cgj"));
        assertThatThrownBy(() -> decide(
                        pid,
                        AdmissionProcess.TASK_PROVIDER_REVIEW,
                        "provider-cz-gjj",
                        Map.of("reviewOpinion", "reject")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("理由");
        decide(
                pid,
                AdmissionProcess.TASK_PROVIDER_REVIEW,
                "provider-cz-gjj",
                Map.of("reviewOpinion", "reject", "reviewReason", "环境质量月报含未公开监测点位"));
        Task decision = taskOf(pid, AdmissionProcess.TASK_DECIDE, "authority-reviewer");
        assertThat((String) taskService.getVariable(decision.getId(), "reviewSummary"))
                .contains("市住房公积金管理中心：不同意纳入住房公积金缴存信息（环境质量月报含未公开监测点位）", "市城市管理局：同意纳入城市管理案件信息");
        assertThatThrownBy(() -> decisions.decide(
                        decision.getId(),
                        "lead",
                        java.util.Set.of("authority-reviewer"),
                        Map.of("admissionDecision", "reject")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("写明理由");
        decisions.decide(
                decision.getId(),
                "lead",
                java.util.Set.of("authority-reviewer"),
                Map.of("admissionDecision", "reject", "admissionReason", "数据提供单位不同意纳入授权范围"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Rejected");
        assertThat(applications.get(application.getId()).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        OfficialNotice decided = officialNotice("ADM-" + application.getId(), OfficialNotice.Kind.DECISION, "池数授");
        assertThat(decided.body()).contains("您的准入申请未获通过", "数据提供单位不同意纳入授权范围");
        assertThat(decided.issuer()).isEqualTo("池州市数据主管部门");
        assertThat(count(
                        "select count(*) from approval.review_opinion where subject = ?", "ADM-" + application.getId()))
                .isEqualTo(4);
        assertThat(count("select count(*) from approval.agreement where application_id = ?", application.getId()))
                .isZero();
    }

    @Test
    void withdrawnDuringReviewEndsWithTheOperatorsReason() {
        AdmissionApplication application = submit("xianning", "咸宁云数公司", XN_VISITORS);
        String pid = application.getProcessInstanceId();
        passCompleteness(pid, false);
        taskOf(pid, AdmissionProcess.TASK_PROVIDER_REVIEW, "provider-xn-wlj");
        submission.withdraw(application.getId(), "公司战略调整");
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Withdrawn");
        assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isZero();
        AdmissionApplication closed = applications.get(application.getId());
        assertThat(closed.getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(closed.getOutcomeReason()).isEqualTo("公司战略调整");
        assertThatThrownBy(() -> submission.withdraw(application.getId(), "再撤一次"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("已结束");
    }

    @Test
    @Enforces({"ADM-13", "APL-03"})
    void objectionUpheldDuringPublicityEndsTheApplication() {
        AdmissionApplication application = toPublicity("jingdezhen", "景德镇异议测试公司", "tjj-key-industry-stats");
        String pid = application.getProcessInstanceId();
        submission.object(application.getId(), "某市民", "13900000000", "该公司近三年发生过数据泄露事件");
        Task handle = taskOf(pid, AdmissionProcess.TASK_HANDLE_OBJECTION, "authority-reviewer");
        assertThat((String) taskService.getVariable(handle.getId(), "objectionContent"))
                .contains("数据泄露事件");
        decisions.decide(
                handle.getId(),
                "reviewer",
                java.util.Set.of("authority-reviewer"),
                Map.of("objectionDecision", "upheld", "objectionReason", "经核实，2025年发生数据泄露"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_ObjectionUpheld");
        AdmissionApplication closed = applications.get(application.getId());
        assertThat(closed.getStatus()).isEqualTo(ApplicationStatus.OBJECTION_UPHELD);
        assertThat(closed.getOutcomeReason()).isEqualTo("经核实，2025年发生数据泄露");
        assertThat(count("select count(*) from approval.agreement where application_id = ?", application.getId()))
                .isZero();
    }

    @Test
    @Enforces({"ADM-13", "APL-03"})
    void signingWaitsUntilEveryObjectionIsHandledEvenAfterThePublicityPeriodEnds() {
        AdmissionApplication application = toPublicity("chizhou", "池州异议驳回公司", CZ_ENTERPRISES);
        String pid = application.getProcessInstanceId();
        submission.object(application.getId(), "竞争企业", "contact@example.cn", "申报材料中的业绩不实");
        Task handle = taskOf(pid, AdmissionProcess.TASK_HANDLE_OBJECTION, "authority-reviewer");
        fireTimer(pid);
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(pid)
                        .taskDefinitionKey(AdmissionProcess.TASK_SET_REVENUE_CAP)
                        .count())
                .as("publicity over, objection open: no signing yet")
                .isZero();
        assertThatThrownBy(() -> submission.object(application.getId(), "迟到者", "x@example.cn", "公示期后的异议"))
                .isInstanceOf(Problem.class);
        decisions.decide(
                handle.getId(),
                "reviewer",
                java.util.Set.of("authority-reviewer"),
                Map.of("objectionDecision", "dismissed", "objectionReason", "业绩经核实属实"));
        awaitTask(pid, AdmissionProcess.TASK_SET_REVENUE_CAP);
        assertThat(passedActivities(pid))
                .containsSubsequence("Catch_PublicityEnds", "UserTask_HandleObjection", "UserTask_SetRevenueCap");
    }

    @Test
    @Enforces({"CAT-01"})
    void resourceProhibitedBeforeTheAgreementIsRecordedEndsTheAdmission() {
        resource("zwj-test-reclassified", "jingdezhen", "zwj", "测试：待重新分级的数据", false);
        AdmissionApplication application = toPublicity("jingdezhen", "景德镇禁止开放测试公司", "zwj-test-reclassified");
        String pid = application.getProcessInstanceId();
        fireTimer(pid);
        catalogMaintenance.reclassify("zwj-test-reclassified", "PROHIBITED", "经复核涉及未公开的个人信息", "数据局");
        decide(
                pid,
                AdmissionProcess.TASK_SET_REVENUE_CAP,
                "pricing-officer",
                Map.of("maxAllowedRevenueWan", 10, "revenueCapBasis", "成本"));
        decide(
                pid,
                AdmissionProcess.TASK_SIGN_AGREEMENT,
                "authority-reviewer",
                Map.of(
                        "agreementNo",
                        "JDZ-9",
                        "agreementSignedOn",
                        today().toString(),
                        "termMonths",
                        60,
                        "trialMonths",
                        0));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_ResourceProhibited");
        AdmissionApplication closed = applications.get(application.getId());
        assertThat(closed.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(closed.getOutcomeReason()).contains("禁止开放", "CAT-01");
        assertThat(count("select count(*) from approval.agreement where application_id = ?", application.getId()))
                .isZero();
    }

    private AdmissionApplication toPublicity(String jurisdiction, String company, String resource) {
        AdmissionApplication application = submit(jurisdiction, company, resource);
        String pid = application.getProcessInstanceId();
        passCompleteness(pid, false);
        List<String> reviewers =
                new java.util.ArrayList<>(policy.of(jurisdiction).coordinationGroups());
        reviewers.addAll(catalog.providerGroups(List.of(resource)));
        approveAllReviews(pid, reviewers);
        admitDecision(pid);
        awaitPublicity(pid);
        return application;
    }

    /** Refused or returned before acceptance: no 受理通知书, in-app or official. */
    private void assertNoAcceptanceNotice(AdmissionApplication application) {
        assertThat(officialNotices.ofSubject("ADM-" + application.getId()))
                .extracting(OfficialNotice::kind)
                .doesNotContain(OfficialNotice.Kind.ACCEPTANCE);
        assertThat(acceptanceNoticesInApp(application)).isEmpty();
    }

    /**
     * The in-app 受理 notices of this application's instance (other tests' applications share its company's inbox):
     * the titles of the notices its acceptance step sent.
     */
    private List<String> acceptanceNoticesInApp(AdmissionApplication application) {
        return jdbc.sql("select title from approval.notice where dedupe_key like :step")
                .param(
                        "step",
                        history.createHistoricProcessInstanceQuery()
                                        .processDefinitionKey("admission")
                                        .processInstanceBusinessKey("ADM-" + application.getId())
                                        .singleResult()
                                        .getId()
                                + ":ServiceTask_NotifyAccepted:%")
                .query(String.class)
                .list();
    }

    private void awaitWaitingForSupplement(String pid) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> runtime.createEventSubscriptionQuery()
                                .processInstanceId(pid)
                                .eventName(AdmissionProcess.MESSAGE_SUPPLEMENT_SUBMITTED)
                                .count()
                        == 1);
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
