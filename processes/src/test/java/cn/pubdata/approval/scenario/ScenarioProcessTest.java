package cn.pubdata.approval.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionTestSupport;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.task.LineAnswers;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of scenario.bpmn (standing alone after admission), named after the path it walks. */
class ScenarioProcessTest extends AdmissionTestSupport {

    @Autowired
    ScenarioSubmission scenarioSubmission;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Agreements agreements;

    @Autowired
    Notifications notifications;

    @Autowired
    Timeline timeline;

    @Test
    @Enforces({"SCN-01", "SCN-03", "SCN-04", "SCN-07", "CAT-03"})
    void approvedPathPublishesExactlyTheConsentedLinesAndNotifiesEveryParty() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator =
                admitted("jingdezhen", "瓷都场景运营公司", "fgw-enterprise-credit", "jtj-vehicles", "wlj-cultural-venues");
        beijingTime(LocalDateTime.of(2026, 11, 16, 9, 0)); // a Monday, a week after the agreement was signed
        Scenario scenario = scenarioSubmission.submit(
                form(
                        "jingdezhen",
                        "普惠金融信贷辅助",
                        "金融服务",
                        line("fgw-enterprise-credit", ScenarioLine.Usage.QUERY),
                        line("jtj-vehicles", ScenarioLine.Usage.STATISTICS),
                        line("wlj-cultural-venues", ScenarioLine.Usage.STATISTICS)),
                Actor.operator("op-test", operator.getCreditCode()));
        String pid = scenario.getProcessInstanceId();
        assertThat(runtime.getVariable(pid, "scenarioDomain")).isEqualTo("金融服务（景德镇市重点领域）");
        assertThat((String) runtime.getVariable(pid, "riskAssessment")).contains("个人隐私");

        Task preCheck = taskOf(pid, ScenarioProcess.TASK_PRE_CHECK, "authority-reviewer");
        assertDueOn(preCheck, LocalDate.of(2026, 11, 23)); // 5 working days
        decide(pid, ScenarioProcess.TASK_PRE_CHECK, "authority-reviewer", Map.of("preCheckDecision", "approve"));

        // SCN-04: one task per provider unit, each listing only its own lines
        Task fgw = taskOf(pid, ScenarioProcess.TASK_PROVIDER_REVIEW, "provider-fgw");
        assertThat(rows(fgw))
                .singleElement()
                .satisfies(r -> assertThat(r.get("label").toString()).contains("企业信用信息"));
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(pid)
                        .taskDefinitionKey(ScenarioProcess.TASK_PROVIDER_REVIEW)
                        .count())
                .isEqualTo(3);
        assertThatThrownBy(() -> decisions.decide(fgw.getId(), "fgw", Set.of("provider-fgw"), answered(fgw, "no", "")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("写明不同意的理由");
        consent(pid, "provider-fgw", "yes");
        consent(pid, "provider-jtj", "yes");
        consent(pid, "provider-wlj", "no");

        Task decision = taskOf(pid, ScenarioProcess.TASK_DECIDE, "authority-reviewer");
        assertThat((String) taskService.getVariable(decision.getId(), "demandList"))
                .contains("【已同意】", "【提供单位不同意：不予开放】");
        decide(pid, ScenarioProcess.TASK_DECIDE, "authority-reviewer", Map.of("scenarioDecision", "approve"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Approved");

        Scenario approved = scenarios.get(scenario.getId());
        assertThat(approved.getStatus()).isEqualTo(ScenarioStatus.APPROVED);
        assertThat(approved.getPublishedAt()).isNotNull();
        assertThat(scenarios.approvedLines(scenario.getId()))
                .extracting(ScenarioLine::resourceCode)
                .containsExactly("fgw-enterprise-credit", "jtj-vehicles");
        assertThat(jdbc.sql(
                                "select content from approval.disclosure_entry where kind = 'SCENARIO_APPROVED' and title like ?")
                        .param(1, "%普惠金融信贷辅助%")
                        .query(String.class)
                        .single())
                .contains("企业信用信息", "出租车、网约车、货运车信息")
                .doesNotContain("公共文化场馆信息");
        assertThat(notifications.inbox(Notifications.operator(operator.getCreditCode())))
                .anyMatch(n -> n.title().equals("【场景已通过】普惠金融信贷辅助"));
        for (String party : List.of("authority-reviewer", "provider-fgw", "provider-jtj")) {
            assertThat(notifications.inbox(Notifications.group(party)))
                    .as(party)
                    .anyMatch(n -> n.title().equals("【场景已通过】普惠金融信贷辅助"));
        }
        assertThat(timeline.of(Subjects.scenario(scenario.getId())))
                .extracting(e -> e.title())
                .contains("提交场景申请", "场景预审：通过，分送数据提供单位逐项审核", "场景及数据需求清单已在平台发布");
    }

    @Test
    @Enforces({"SCN-05", "SCN-06", "SCN-09", "SCN-12", "CAT-15", "ROLE-07"})
    void xinchangPathGoesThroughNetworkSecurityProvincialConsentAndExpertsBeforeApproval() {
        AdmissionApplication operator = admitted("xinchang", "新昌场景运营公司", XC_CLINICS, XC_LICENCES);
        Scenario scenario = scenarioSubmission.submit(
                form(
                        "xinchang",
                        "食品安全监管",
                        "市场监管",
                        line(XC_CLINICS, ScenarioLine.Usage.STATISTICS),
                        line(XC_LICENCES, ScenarioLine.Usage.VERIFICATION)),
                Actor.operator("op-test", operator.getCreditCode()));
        String pid = scenario.getProcessInstanceId();
        // 市场监管 is one of 新昌's six priority domains
        assertThat(runtime.getVariable(pid, "scenarioDomain")).isEqualTo("市场监管（新昌县重点领域）");
        decide(
                pid,
                ScenarioProcess.TASK_PRE_CHECK,
                "authority-reviewer",
                Map.of("preCheckDecision", "approve", "expertConsultation", true));
        consent(pid, "provider-xc-wjj", "yes");
        consent(pid, "provider-xc-scj", "yes");
        for (String member : profiles.of("xinchang").coordinationGroups()) {
            decide(pid, ScenarioProcess.TASK_NETWORK_SECURITY_REVIEW, member, Map.of("reviewOpinion", "approve"));
        }
        // SCN-09: only the returned data's line needs the province
        Task province = taskOf(pid, ScenarioProcess.TASK_PROVINCIAL_CONSENT, "province-authority");
        assertThat(rows(province))
                .singleElement()
                .satisfies(r -> assertThat(r.get("label").toString()).contains("省回流市场主体许可信息", "省回流数据"));
        decisions.decide(
                province.getId(), "province", Set.of("province-authority"), answered(province, "no", "回流数据仅限政务使用"));
        decide(
                pid,
                ScenarioProcess.TASK_EXPERT_REVIEW,
                "expert",
                Map.of("expertRecommendation", "approve", "expertOpinion", "建议限定统计口径"));
        decide(pid, ScenarioProcess.TASK_DECIDE, "authority-reviewer", Map.of("scenarioDecision", "approve"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Approved");
        assertThat(passedActivities(pid))
                .containsSubsequence(
                        ScenarioProcess.TASK_PROVIDER_REVIEW,
                        ScenarioProcess.TASK_NETWORK_SECURITY_REVIEW,
                        ScenarioProcess.TASK_PROVINCIAL_CONSENT,
                        ScenarioProcess.TASK_EXPERT_REVIEW,
                        ScenarioProcess.TASK_DECIDE);
        assertThat(scenarios.approvedLines(scenario.getId()))
                .extracting(ScenarioLine::resourceCode)
                .containsExactly(XC_CLINICS);
        assertThat(count("select count(*) from approval.review_opinion where subject = ?", "SCN-" + scenario.getId()))
                .as("one network-security opinion per member")
                .isEqualTo(5);
    }

    @Test
    @Enforces({"CAT-03"})
    void everyLineRefusedEndsTheScenarioWithoutApproval() {
        AdmissionApplication operator = admitted("jingdezhen", "全部拒绝测试公司", "cgj-public-facilities");
        Scenario scenario = scenarioSubmission.submit(
                form("jingdezhen", "市政管护监测", "城市治理", line("cgj-public-facilities", ScenarioLine.Usage.QUERY)),
                Actor.operator("op-test", operator.getCreditCode()));
        String pid = scenario.getProcessInstanceId();
        decide(pid, ScenarioProcess.TASK_PRE_CHECK, "authority-reviewer", Map.of("preCheckDecision", "approve"));
        consent(pid, "provider-cgj", "no");
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_NoLineLeft");
        Scenario ended = scenarios.get(scenario.getId());
        assertThat(ended.getStatus()).isEqualTo(ScenarioStatus.REJECTED);
        assertThat(ended.getOutcomeReason()).contains("CAT-03");
        assertThat(ended.getPublishedAt()).isNull();
    }

    @Test
    void supplementRequestedThenDeadlineMissedEndsTheScenario() {
        beijingTime(LocalDateTime.of(2026, 9, 24, 10, 0));
        AdmissionApplication operator = admitted("jingdezhen", "逾期补正测试公司", "zwj-12345-complaints");
        Scenario scenario = scenarioSubmission.submit(
                form("jingdezhen", "诉求热点分析", "城市治理", line("zwj-12345-complaints", ScenarioLine.Usage.STATISTICS)),
                Actor.operator("op-test", operator.getCreditCode()));
        String pid = scenario.getProcessInstanceId();
        decide(
                pid,
                ScenarioProcess.TASK_PRE_CHECK,
                "authority-reviewer",
                Map.of("preCheckDecision", "supplement", "preCheckReason", "风险评估未覆盖个人信息去标识化"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> notifications.inbox(Notifications.operator(operator.getCreditCode())).stream()
                        .anyMatch(n ->
                                n.title().equals("【需补正】场景「诉求热点分析」") && n.body().contains("风险评估未覆盖个人信息去标识化")));
        fireTimer(pid);
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_SupplementMissed");
        assertThat(scenarios.get(scenario.getId()).getStatus()).isEqualTo(ScenarioStatus.EXPIRED);
    }

    @Test
    void supplementedScenarioReturnsToThePreCheckThenIsNotAccepted() {
        AdmissionApplication operator = admitted("jingdezhen", "补正后不予受理公司", "sthjj-environment-monthly");
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = scenarioSubmission.submit(
                form("jingdezhen", "环境质量监测", "城市治理", line("sthjj-environment-monthly", ScenarioLine.Usage.STATISTICS)),
                actor);
        String pid = scenario.getProcessInstanceId();
        decide(
                pid,
                ScenarioProcess.TASK_PRE_CHECK,
                "authority-reviewer",
                Map.of("preCheckDecision", "supplement", "preCheckReason", "请补充安全措施"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> runtime.createEventSubscriptionQuery()
                                .processInstanceId(pid)
                                .eventName(ScenarioProcess.MESSAGE_SUPPLEMENT_SUBMITTED)
                                .count()
                        == 1);
        scenarioSubmission.supplement(
                scenario.getId(),
                form(
                        "jingdezhen",
                        "环境质量监测（补正）",
                        "城市治理",
                        line("sthjj-environment-monthly", ScenarioLine.Usage.STATISTICS)),
                actor);
        assertThat(runtime.getVariable(pid, "scenarioName")).isEqualTo("环境质量监测（补正）");
        decide(
                pid,
                ScenarioProcess.TASK_PRE_CHECK,
                "authority-reviewer",
                Map.of("preCheckDecision", "reject", "preCheckReason", "场景与授权范围无关"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_NotAccepted");
        assertThat(scenarios.get(scenario.getId()).getOutcomeReason()).isEqualTo("场景与授权范围无关");
    }

    @Test
    void rejectedAtTheDecisionWithItsReason() {
        AdmissionApplication operator = admitted("jingdezhen", "决定不通过测试公司", "tjj-key-industry-stats");
        Scenario scenario = scenarioSubmission.submit(
                form("jingdezhen", "产业运行监测", "产业运行", line("tjj-key-industry-stats", ScenarioLine.Usage.STATISTICS)),
                Actor.operator("op-test", operator.getCreditCode()));
        String pid = scenario.getProcessInstanceId();
        decide(pid, ScenarioProcess.TASK_PRE_CHECK, "authority-reviewer", Map.of("preCheckDecision", "approve"));
        consent(pid, "provider-tjj", "yes");
        assertThatThrownBy(() -> decide(
                        pid, ScenarioProcess.TASK_DECIDE, "authority-reviewer", Map.of("scenarioDecision", "reject")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("理由");
        decide(
                pid,
                ScenarioProcess.TASK_DECIDE,
                "authority-reviewer",
                Map.of("scenarioDecision", "reject", "scenarioReason", "与已有场景重复"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Rejected");
        assertThat(scenarios.get(scenario.getId()).getStatus()).isEqualTo(ScenarioStatus.REJECTED);
        assertThat(notifications.inbox(Notifications.operator(operator.getCreditCode())))
                .anyMatch(n -> n.title().equals("【场景未通过】产业运行监测") && n.body().contains("与已有场景重复"));
    }

    @Test
    void withdrawnDuringTheProviderReview() {
        AdmissionApplication operator = admitted("jingdezhen", "撤回场景测试公司", "zwj-service-cases");
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = scenarioSubmission.submit(
                form("jingdezhen", "办件分析", "城市治理", line("zwj-service-cases", ScenarioLine.Usage.STATISTICS)), actor);
        String pid = scenario.getProcessInstanceId();
        decide(pid, ScenarioProcess.TASK_PRE_CHECK, "authority-reviewer", Map.of("preCheckDecision", "approve"));
        taskOf(pid, ScenarioProcess.TASK_PROVIDER_REVIEW, "provider-zwj");
        scenarioSubmission.withdraw(scenario.getId(), "需求变化", actor);
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Withdrawn");
        assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isZero();
        assertThat(scenarios.get(scenario.getId()).getStatus()).isEqualTo(ScenarioStatus.WITHDRAWN);
    }

    @Test
    @Enforces({"CAT-01"})
    void aResourceProhibitedBeforePublicationSuspendsItsLineAndEndsAnEmptyList() {
        resource("gxj-test-reclassified", "jingdezhen", "gxj", "测试：待重新分级的产业数据", false);
        AdmissionApplication operator = admitted("jingdezhen", "禁止开放场景公司", "gxj-test-reclassified");
        Scenario scenario = scenarioSubmission.submit(
                form("jingdezhen", "产业链图谱", "产业运行", line("gxj-test-reclassified", ScenarioLine.Usage.STATISTICS)),
                Actor.operator("op-test", operator.getCreditCode()));
        String pid = scenario.getProcessInstanceId();
        decide(pid, ScenarioProcess.TASK_PRE_CHECK, "authority-reviewer", Map.of("preCheckDecision", "approve"));
        consent(pid, "provider-gxj", "yes");
        Task decision = taskOf(pid, ScenarioProcess.TASK_DECIDE, "authority-reviewer");
        catalogMaintenance.reclassify("gxj-test-reclassified", "PROHIBITED", "涉及企业商业秘密", "数据局");
        assertThatThrownBy(() -> decisions.decide(
                        decision.getId(), "lead", Set.of("authority-reviewer"), Map.of("scenarioDecision", "approve")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("CAT-03");
        assertThat(scenarios.lines(scenario.getId()))
                .singleElement()
                .satisfies(l -> assertThat(l.suspendedReason()).contains("禁止开放", "涉及企业商业秘密"));
    }

    @Test
    @Enforces({"SCN-11"})
    void aProviderUnitProposesAScenarioForAnOperator() {
        AdmissionApplication operator = admitted("jingdezhen", "提供单位提议公司", "wjw-medical-institutions");
        Actor wjw = Actor.reviewer("wjw", Set.of("provider-wjw"));
        ScenarioForm proposal = new ScenarioForm(
                "jingdezhen",
                operator.getCreditCode(),
                "医疗服务质量监管",
                "医疗健康",
                Purpose.PUBLIC_WELFARE,
                "由市卫健委提出的监管场景",
                "不涉及个人隐私：仅机构层面统计",
                "平台内加工",
                List.of(line("wjw-medical-institutions", ScenarioLine.Usage.STATISTICS)));
        Scenario scenario = scenarioSubmission.submit(proposal, wjw);
        assertThat(scenario.getSubmitterRole()).isEqualTo(Scenario.SubmitterRole.PROVIDER);
        assertThat(runtime.getVariable(scenario.getProcessInstanceId(), "submitter"))
                .isEqualTo("市卫健委 提出（SCN-11）");
        Actor outsider = Actor.reviewer("xc", Set.of("provider-xc-wjj"));
        assertThatThrownBy(() -> scenarioSubmission.submit(proposal, outsider))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("SCN-11");
    }

    @Test
    @Enforces({"CAT-01", "CAT-11"})
    void aSubmissionWithAResourceOutsideTheScopeTheJurisdictionOrTheCatalogIsRefusedAtItsLine() {
        AdmissionApplication operator = admitted("jingdezhen", "范围检查测试公司", "fgw-major-projects");
        resource("zjj-secret-plans", "jingdezhen", "zjj", "测试：涉密规划数据", false);
        catalogMaintenance.reclassify("zjj-secret-plans", "PROHIBITED", "涉密", "数据局");
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        long before = count("select count(*) from approval.scenario");
        assertThatThrownBy(() -> scenarioSubmission.submit(
                        form(
                                "jingdezhen",
                                "越界场景",
                                "其他：测试",
                                line("fgw-major-projects", ScenarioLine.Usage.QUERY),
                                line("fgw-personal-credit", ScenarioLine.Usage.QUERY),
                                line("zjj-secret-plans", ScenarioLine.Usage.QUERY),
                                line(CZ_CASES, ScenarioLine.Usage.QUERY),
                                line("no-such-resource", ScenarioLine.Usage.QUERY)),
                        actor))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly(
                                        "lines[1].resourceCode 第2项：「个人信用信息」不在授权运营协议的授权范围内，不得超范围使用（CAT-11）",
                                        "lines[2].resourceCode 第3项：「测试：涉密规划数据」属于禁止开放的公共数据，不得用于授权运营（CAT-01）",
                                        "lines[3].resourceCode 第4项：「城市管理案件信息」不是景德镇市的数据资源，不在协议所在辖区",
                                        "lines[4].resourceCode 第5项：目录中没有数据资源 'no-such-resource'"));
        assertThat(count("select count(*) from approval.scenario"))
                .as("nothing written")
                .isEqualTo(before);
    }

    @Test
    void anOperatorWithoutPermissionsCannotSubmit() {
        AdmissionApplication operator = admitted("jingdezhen", "权限暂停测试公司", "cgj-enforcement-cases");
        suspend(operator);
        assertThatThrownBy(() -> scenarioSubmission.submit(
                        form("jingdezhen", "城管案件分析", "城市治理", line("cgj-enforcement-cases", ScenarioLine.Usage.QUERY)),
                        Actor.operator("op-test", operator.getCreditCode())))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("平台使用权限已暂停");
    }

    private static ScenarioForm form(String jurisdiction, String name, String domain, ScenarioForm.LineInput... lines) {
        return new ScenarioForm(
                jurisdiction,
                null,
                name,
                domain,
                Purpose.INDUSTRY,
                "建设内容：" + name,
                "风险评估：个人隐私和公共安全保障措施",
                "数据在平台内加工，原始数据不出域",
                List.of(lines));
    }

    private ScenarioForm.LineInput line(String resource, ScenarioLine.Usage usage) {
        return new ScenarioForm.LineInput(
                resource, "主要字段（脱敏）", usage, ScenarioLine.Frequency.MONTHLY, today(), today().plusMonths(6));
    }

    private List<Map<String, Object>> rows(Task task) {
        return LineAnswers.options(taskService, task);
    }

    private Map<String, Object> answered(Task task, String consent, String reason) {
        return LineAnswers.answered(taskService, task, consent, reason);
    }

    private void consent(String pid, String provider, String consent) {
        Task task = taskOf(pid, ScenarioProcess.TASK_PROVIDER_REVIEW, provider);
        decisions.decide(
                task.getId(),
                "reviewer-" + provider,
                Set.of(provider),
                answered(task, consent, consent.equals("no") ? "不予开放" : ""));
    }
}
