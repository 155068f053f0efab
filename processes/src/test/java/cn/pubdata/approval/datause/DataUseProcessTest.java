package cn.pubdata.approval.datause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionTestSupport;
import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.notification.Notice;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.permissions.DataAccessGrants;
import cn.pubdata.approval.permissions.DataAccessGrants.DataAccessGrant;
import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioForm;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioProcess;
import cn.pubdata.approval.scenario.ScenarioSubmission;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.task.LineAnswers;
import cn.pubdata.approval.timeline.TimelineEntry;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of data-use-request.bpmn, named after the path it walks. */
class DataUseProcessTest extends AdmissionTestSupport {

    private static final String AUTHORITY = "authority-reviewer";

    @Autowired
    ScenarioSubmission scenarioSubmission;

    @Autowired
    Scenarios scenarios;

    @Autowired
    DataUseSubmission dataUseSubmission;

    @Autowired
    DataUses dataUses;

    @Autowired
    DataUseProgress progress;

    @Autowired
    DataAccessGrants grants;

    @Autowired
    Notifications notifications;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    List<ExternalTaskHandler> handlers;

    @Test
    @Enforces({"SCN-08", "CAT-03"})
    void approvedRequestGrantsAccessForExactlyTheConsentedLines() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator =
                admitted("jingdezhen", "数据使用运营公司", "fgw-enterprise-credit", "jtj-vehicles", "wlj-cultural-venues");
        beijingTime(LocalDateTime.of(2026, 11, 16, 9, 0)); // a Monday
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = approvedScenario(
                "jingdezhen",
                actor,
                "企业信贷风控",
                Set.of(),
                "fgw-enterprise-credit",
                "jtj-vehicles",
                "wlj-cultural-venues");

        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "为小微企业信贷提供风险评估", today(), today().plusMonths(3), List.of(1, 2)),
                actor);
        String pid = request.getProcessInstanceId();
        assertThat(request.getStatus()).isEqualTo(DataUseStatus.IN_REVIEW);
        assertThat(runtime.getVariable(pid, "usePeriod")).isEqualTo("2026-11-16 至 2027-02-16");

        // the authority reviews the whole request, in parallel with one task per provider unit of a requested line
        Task irs = taskOf(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY);
        assertDueOn(irs, LocalDate.of(2026, 11, 23)); // 5 working days
        assertThat((String) taskService.getVariable(irs.getId(), "requestedLines"))
                .contains("1. 企业信用信息（市发改委）", "2. 出租车、网约车、货运车信息（市交通局）")
                .doesNotContain("公共文化场馆信息");
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(pid)
                        .taskDefinitionKey(DataUseProcess.TASK_PROVIDER_REVIEW)
                        .list())
                .hasSize(2)
                .allSatisfy(t -> assertDueOn(t, LocalDate.of(2026, 11, 23)));
        Task fgw = taskOf(pid, DataUseProcess.TASK_PROVIDER_REVIEW, "provider-fgw");
        assertThat(rows(fgw))
                .singleElement()
                .satisfies(r -> assertThat(r.get("label").toString()).contains("企业信用信息"));
        assertThat(taskService.getVariables(fgw.getId()))
                .as("a provider sees only its own lines")
                .doesNotContainKey("requestedLines");

        DataUseProgress.Progress inReview = progress.of(request.getId());
        assertThat(inReview.statusLabel()).isEqualTo("审核中");
        assertThat(inReview.due())
                .extracting(DueItem::step, DueItem::workingDaysLeft)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("IRS技术审核", 5),
                        org.assertj.core.groups.Tuple.tuple("数据提供单位审核", 5),
                        org.assertj.core.groups.Tuple.tuple("数据提供单位审核", 5));
        assertThat(inReview.due()).extracting(DueItem::responsible).contains("数据主管部门（审核岗）", "市发改委", "市交通局");
        assertThat(grants.ofRequest(request.getId()))
                .as("no access before every party approved")
                .isEmpty();

        decide(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY, Map.of("irsDecision", "approve"));
        consent(pid, "provider-fgw", "yes");
        assertThat(grants.ofRequest(request.getId())).isEmpty();
        consent(pid, "provider-jtj", "yes");
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_ACCESS_GRANTED);

        assertThat(grants.ofRequest(request.getId()))
                .allSatisfy(g -> {
                    assertThat(g.active()).isTrue();
                    assertThat(g.creditCode()).isEqualTo(operator.getCreditCode());
                })
                .extracting(DataAccessGrant::resourceCode)
                .containsExactlyInAnyOrder("fgw-enterprise-credit", "jtj-vehicles");
        assertThat(dataUses.get(request.getId()).getStatus()).isEqualTo(DataUseStatus.APPROVED);
        assertThat(notice(Notifications.operator(operator.getCreditCode()), "【数据需求申请已批准】场景「企业信贷风控」")
                        .body())
                .contains("已在授权运营平台开通以下数据的访问权限，使用期限 2026-11-16 至 2027-02-16", "企业信用信息", "出租车、网约车、货运车信息")
                .doesNotContain("公共文化场馆信息");
        assertThat(notice(Notifications.group("provider-fgw"), "【数据需求申请已批准】场景「企业信贷风控」")
                        .body())
                .contains("企业信用信息")
                .doesNotContain("出租车");

        // delivered again (a lock expired, a worker crashed): the same grants, one notice
        deliverAgain(pid, "ServiceTask_GrantAccess", "data-use-grant", Map.of("requestId", request.getId()));
        deliverAgain(
                pid,
                "ServiceTask_CloseApproved",
                "data-use-close",
                Map.of("requestId", request.getId(), "outcome", "APPROVED"));
        assertThat(grants.ofRequest(request.getId())).hasSize(2);
        notice(Notifications.operator(operator.getCreditCode()), "【数据需求申请已批准】场景「企业信贷风控」");

        DataUseProgress.Progress done = progress.of(request.getId());
        assertThat(done.statusLabel()).isEqualTo("已批准");
        assertThat(done.due()).isEmpty();
        assertThat(done.operatorAction()).contains("已开通 2 项数据的访问权限", "2026-11-16 至 2027-02-16");
        assertThat(done.lines()).extracting(DataUseLine::state).containsExactly("已同意", "已同意");
        assertThat(done.timeline())
                .extracting(TimelineEntry::title)
                .contains("提交数据需求申请", "IRS技术审核：通过", "数据提供单位审核（市发改委）", "数据提供单位审核（市交通局）", "已在平台开通数据访问权限", "数据需求申请结束：已批准");
    }

    @Test
    @Enforces({"SCN-08", "CAT-03"})
    void aProviderRefusingOneLineNarrowsTheGrant() {
        AdmissionApplication operator = admitted("jingdezhen", "部分同意测试公司", "fgw-enterprise-credit", "jtj-vehicles");
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario =
                approvedScenario("jingdezhen", actor, "物流信用评估", Set.of(), "fgw-enterprise-credit", "jtj-vehicles");
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "评估物流企业信用", today(), today().plusMonths(1), List.of(1, 2)), actor);
        String pid = request.getProcessInstanceId();
        decide(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY, Map.of("irsDecision", "approve"));
        consent(pid, "provider-fgw", "yes");
        Task jtj = taskOf(pid, DataUseProcess.TASK_PROVIDER_REVIEW, "provider-jtj");
        assertThatThrownBy(() -> decisions.decide(jtj.getId(), "jtj", Set.of("provider-jtj"), answered(jtj, "no", "")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("写明不同意的理由");
        decisions.decide(jtj.getId(), "jtj", Set.of("provider-jtj"), answered(jtj, "no", "货运车信息涉及个人轨迹，暂不提供"));
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_ACCESS_GRANTED);

        assertThat(grants.ofRequest(request.getId()))
                .extracting(DataAccessGrant::resourceCode)
                .containsExactly("fgw-enterprise-credit");
        assertThat(dataUses.lines(request.getId()))
                .extracting(DataUseLine::state)
                .containsExactly("已同意", "提供单位不同意：货运车信息涉及个人轨迹，暂不提供");
        assertThat(notice(Notifications.operator(operator.getCreditCode()), "【数据需求申请已批准】场景「物流信用评估」")
                        .body())
                .contains("未获同意的数据需求：\n2. 出租车、网约车、货运车信息", "货运车信息涉及个人轨迹，暂不提供");
        assertThat(notifications.inbox(Notifications.group("provider-jtj")))
                .noneMatch(n -> n.title().equals("【数据需求申请已批准】场景「物流信用评估」"));
    }

    @Test
    @Enforces({"SCN-08"})
    void authorityRefusalEndsTheRequestAndTheProviderReviewsWithIt() {
        AdmissionApplication operator = admitted("jingdezhen", "技术审核不通过公司", "tjj-key-industry-stats");
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = approvedScenario("jingdezhen", actor, "产业运行监测分析", Set.of(), "tjj-key-industry-stats");
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "监测重点产业", today(), today().plusMonths(1), List.of(1)), actor);
        String pid = request.getProcessInstanceId();
        taskOf(pid, DataUseProcess.TASK_PROVIDER_REVIEW, "provider-tjj");
        assertThatThrownBy(
                        () -> decide(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY, Map.of("irsDecision", "refuse")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("理由");
        decide(
                pid,
                DataUseProcess.TASK_IRS_REVIEW,
                AUTHORITY,
                Map.of("irsDecision", "refuse", "irsReason", "申请字段超出场景所需的最小范围"));
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_REFUSED_BY_AUTHORITY);

        assertThat(taskService.createTaskQuery().processInstanceId(pid).count())
                .as("the provider's review ends with the authority's refusal")
                .isZero();
        assertThat(grants.ofRequest(request.getId())).isEmpty();
        DataUseRequest refused = dataUses.get(request.getId());
        assertThat(refused.getStatus()).isEqualTo(DataUseStatus.REFUSED);
        assertThat(refused.getOutcomeReason()).isEqualTo("IRS技术审核不通过：申请字段超出场景所需的最小范围");
        assertThat(notice(Notifications.operator(operator.getCreditCode()), "【数据需求申请未获批准】场景「产业运行监测分析」")
                        .body())
                .contains("原因：IRS技术审核不通过：申请字段超出场景所需的最小范围");
        assertThat(progress.of(request.getId()).operatorAction()).startsWith("申请未获批准：IRS技术审核不通过");
    }

    @Test
    void everyLineRefusedEndsWithoutAccess() {
        AdmissionApplication operator = admitted("jingdezhen", "全部不同意测试公司", "cgj-public-facilities");
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = approvedScenario("jingdezhen", actor, "公共设施巡检", Set.of(), "cgj-public-facilities");
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "巡检路线规划", today(), today().plusMonths(1), List.of(1)), actor);
        String pid = request.getProcessInstanceId();
        decide(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY, Map.of("irsDecision", "approve"));
        consent(pid, "provider-cgj", "no");
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_NO_LINE_CONSENTED);
        assertThat(passedActivities(pid)).doesNotContain("ServiceTask_GrantAccess");
        assertThat(grants.ofRequest(request.getId())).isEmpty();
        DataUseRequest refused = dataUses.get(request.getId());
        assertThat(refused.getStatus()).isEqualTo(DataUseStatus.REFUSED);
        assertThat(refused.getOutcomeReason()).contains("均未获数据提供单位");
        assertThat(notice(Notifications.operator(operator.getCreditCode()), "【数据需求申请未获批准】场景「公共设施巡检」")
                        .body())
                .contains("均未获数据提供单位");
    }

    @Test
    @Enforces({"SCN-09", "CAT-15"})
    void xinchangLinesOnProvinceReturnedDataWaitForTheProvincialAuthority() {
        AdmissionApplication operator = admitted("xinchang", "新昌数据使用公司", XC_CLINICS, XC_LICENCES);
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = approvedScenario("xinchang", actor, "食品安全信用监管", Set.of(), XC_CLINICS, XC_LICENCES);
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "核验经营主体许可", today(), today().plusMonths(2), List.of(1, 2)), actor);
        String pid = request.getProcessInstanceId();
        decide(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY, Map.of("irsDecision", "approve"));
        consent(pid, "provider-xc-wjj", "yes");
        consent(pid, "provider-xc-scj", "yes");

        // SCN-09: only the line on returned data goes to the province, and nothing is granted before it decides
        Task province = taskOf(pid, DataUseProcess.TASK_PROVINCIAL_CONSENT, "province-authority");
        assertDueOn(province, calendarDue(10));
        assertThat(rows(province))
                .singleElement()
                .satisfies(r -> assertThat(r.get("label").toString()).contains("省回流市场主体许可信息", "省回流数据"));
        assertThat(grants.ofRequest(request.getId())).isEmpty();
        assertThat(dataUses.lines(request.getId()))
                .extracting(DataUseLine::state)
                .containsExactly("已同意", "待省公共数据主管部门同意");
        decisions.decide(province.getId(), "province", Set.of("province-authority"), answered(province, "yes", ""));
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_ACCESS_GRANTED);
        assertThat(passedActivities(pid))
                .containsSubsequence(
                        DataUseProcess.TASK_PROVIDER_REVIEW,
                        DataUseProcess.TASK_PROVINCIAL_CONSENT,
                        "ServiceTask_GrantAccess",
                        DataUseProcess.END_ACCESS_GRANTED);
        assertThat(grants.ofRequest(request.getId()))
                .extracting(DataAccessGrant::resourceCode)
                .containsExactlyInAnyOrder(XC_CLINICS, XC_LICENCES);
        assertThat(progress.of(request.getId()).timeline())
                .extracting(TimelineEntry::title)
                .contains("省公共数据主管部门同意（省回流数据）");
    }

    @Test
    void withdrawnDuringTheReview() {
        AdmissionApplication operator = admitted("jingdezhen", "撤回数据需求公司", "zwj-service-cases");
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = approvedScenario("jingdezhen", actor, "政务办件效能分析", Set.of(), "zwj-service-cases");
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "分析办件时长", today(), today().plusMonths(1), List.of(1)), actor);
        String pid = request.getProcessInstanceId();
        taskOf(pid, DataUseProcess.TASK_PROVIDER_REVIEW, "provider-zwj");
        assertThatThrownBy(() -> dataUseSubmission.withdraw(
                        request.getId(), "需求调整", Actor.operator("op-other", otherThan(operator.getCreditCode()))))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
        dataUseSubmission.withdraw(request.getId(), "需求调整", actor);
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_WITHDRAWN);
        assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isZero();
        DataUseRequest withdrawn = dataUses.get(request.getId());
        assertThat(withdrawn.getStatus()).isEqualTo(DataUseStatus.WITHDRAWN);
        assertThat(withdrawn.getOutcomeReason()).isEqualTo("需求调整");
        assertThat(grants.ofRequest(request.getId())).isEmpty();
        assertThat(notice(Notifications.operator(operator.getCreditCode()), "【数据需求申请已撤回】场景「政务办件效能分析」")
                        .body())
                .contains("需求调整");
        assertThatThrownBy(() -> dataUseSubmission.withdraw(request.getId(), "再次撤回", actor))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT))
                .hasMessageContaining("已结束");
    }

    @Test
    @Enforces({"SCN-08", "CAT-03", "CAT-11"})
    void aLineNotInTheScenariosApprovedListIsRefusedAtItsFieldAndNothingIsWritten() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator =
                admitted("jingdezhen", "越界申请测试公司", "fgw-major-projects", "zjj-construction-projects");
        beijingTime(LocalDateTime.of(2026, 11, 16, 9, 0));
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = approvedScenario(
                "jingdezhen",
                actor,
                "重大项目跟踪",
                Set.of("zjj-construction-projects"),
                "fgw-major-projects",
                "zjj-construction-projects");
        int before = count("select count(*) from approval.data_use_request");
        assertThatThrownBy(() -> dataUseSubmission.submit(
                        new DataUseForm(
                                scenario.getId(), "跟踪项目进度", today(), today().plusMonths(12), Arrays.asList(1, 2, 9, 1)),
                        actor))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly(
                                        "lineNos[1] 第2项：「工程建设项目基础信息」未获同意，不在场景获批准的数据需求清单中，不得申请使用（CAT-03）",
                                        "lineNos[2] 第3项：场景「重大项目跟踪」的数据需求清单中没有第 9 项",
                                        "lineNos[3] 第4项：同一项数据需求重复选择",
                                        "periodTo 使用期限须在第 1 项「重大建设项目基础信息」获批准的期限内（2026-11-16 至 2027-05-16）"));
        assertThatThrownBy(() -> dataUseSubmission.submit(
                        new DataUseForm(scenario.getId(), " ", today().minusDays(1), today(), List.of(1)), actor))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly("purpose 请写明本次使用数据的目的"));
        assertThatThrownBy(() -> dataUseSubmission.submit(
                        new DataUseForm(scenario.getId(), "回溯分析", today().minusDays(1), today(), List.of(1)), actor))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .contains("periodFrom 开始日期不能早于今天（2026-11-16）"));
        assertThat(count("select count(*) from approval.data_use_request"))
                .as("nothing written")
                .isEqualTo(before);
    }

    @Test
    void anotherOperatorsScenarioIsNotFound() {
        AdmissionApplication operator = admitted("jingdezhen", "他人场景测试公司", "wjw-medical-institutions");
        Scenario scenario = approvedScenario(
                "jingdezhen",
                Actor.operator("op-test", operator.getCreditCode()),
                "医疗机构服务评价",
                Set.of(),
                "wjw-medical-institutions");
        Actor other = Actor.operator("op-other", otherThan(operator.getCreditCode()));
        DataUseForm form = new DataUseForm(scenario.getId(), "借用他人场景", today(), today().plusMonths(1), List.of(1));
        assertThatThrownBy(() -> dataUseSubmission.submit(form, other))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND))
                .hasMessage("场景 " + scenario.getId() + " 不存在");
        assertThatThrownBy(() -> dataUseSubmission.submit(
                        new DataUseForm(987654L, "不存在的场景", today(), today().plusMonths(1), List.of(1)), other))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND))
                .hasMessage("场景 987654 不存在");
        assertThat(count("select count(*) from approval.data_use_request where scenario_id = ?", scenario.getId()))
                .isZero();
    }

    @Test
    void aSuspendedOperatorIsRefused() {
        AdmissionApplication operator = admitted("jingdezhen", "权限暂停数据需求公司", "cgj-enforcement-cases");
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = approvedScenario("jingdezhen", actor, "城管执法效能", Set.of(), "cgj-enforcement-cases");
        suspend(operator);
        assertThatThrownBy(() -> dataUseSubmission.submit(
                        new DataUseForm(scenario.getId(), "执法分析", today(), today().plusMonths(1), List.of(1)), actor))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT))
                .hasMessageContaining("平台使用权限已暂停");
        assertThat(count("select count(*) from approval.data_use_request where scenario_id = ?", scenario.getId()))
                .isZero();
    }

    @Test
    @Enforces({"CAT-01"})
    void grantsAreRevokedWhenTheirResourceIsProhibited() {
        resource("gxj-test-datause-prohibited", "jingdezhen", "gxj", "测试：获准使用后禁止开放的数据", false);
        AdmissionApplication operator =
                admitted("jingdezhen", "撤销访问测试公司", "gxj-test-datause-prohibited", "sthjj-environment-monthly");
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = approvedScenario(
                "jingdezhen", actor, "园区环境监测", Set.of(), "gxj-test-datause-prohibited", "sthjj-environment-monthly");
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "监测园区排放", today(), today().plusMonths(2), List.of(1, 2)), actor);
        String pid = request.getProcessInstanceId();
        decide(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY, Map.of("irsDecision", "approve"));
        consent(pid, "provider-gxj", "yes");
        consent(pid, "provider-sthjj", "yes");
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_ACCESS_GRANTED);
        assertThat(grants.hasAccess(operator.getCreditCode(), "gxj-test-datause-prohibited"))
                .isTrue();

        catalogMaintenance.reclassify("gxj-test-datause-prohibited", "PROHIBITED", "涉及企业商业秘密", "数据局");

        Map<String, DataAccessGrant> byResource = grants.ofRequest(request.getId()).stream()
                .collect(Collectors.toMap(DataAccessGrant::resourceCode, g -> g));
        assertThat(byResource.get("gxj-test-datause-prohibited").revokedAt()).isNotNull();
        assertThat(byResource.get("gxj-test-datause-prohibited").revokeReason())
                .contains("测试：获准使用后禁止开放的数据", "禁止开放", "涉及企业商业秘密");
        assertThat(byResource.get("sthjj-environment-monthly").active()).isTrue();
        assertThat(grants.hasAccess(operator.getCreditCode(), "gxj-test-datause-prohibited"))
                .isFalse();
        assertThat(count(
                        "select count(*) from approval.notice where recipient = ? and title = ?",
                        Notifications.operator(operator.getCreditCode()),
                        "【数据访问权限撤销】测试：获准使用后禁止开放的数据"))
                .isEqualTo(1);
        assertThat(notice(Notifications.operator(operator.getCreditCode()), "【数据访问权限撤销】测试：获准使用后禁止开放的数据")
                        .body())
                .contains("园区环境监测", "涉及企业商业秘密", "不得再使用");
        DataUseProgress.Progress after = progress.of(request.getId());
        assertThat(after.operatorAction()).contains("已开通 1 项数据的访问权限");
        assertThat(after.timeline()).extracting(TimelineEntry::title).contains("数据访问权限已撤销：测试：获准使用后禁止开放的数据");
    }

    /** A scenario submitted and walked to approval, every provider consenting except to the refused resources. */
    private Scenario approvedScenario(
            String jurisdiction, Actor actor, String name, Set<String> refused, String... resources) {
        Scenario scenario = scenarioSubmission.submit(
                new ScenarioForm(
                        jurisdiction,
                        null,
                        name,
                        "城市治理",
                        Purpose.INDUSTRY,
                        "建设内容：" + name,
                        "风险评估：个人隐私和公共安全保障措施",
                        "数据在平台内加工，原始数据不出域",
                        Arrays.stream(resources)
                                .map(code -> new ScenarioForm.LineInput(
                                        code,
                                        "主要字段（脱敏）",
                                        ScenarioLine.Usage.STATISTICS,
                                        ScenarioLine.Frequency.MONTHLY,
                                        today(),
                                        today().plusMonths(6)))
                                .toList()),
                actor);
        String pid = scenario.getProcessInstanceId();
        decide(pid, ScenarioProcess.TASK_PRE_CHECK, AUTHORITY, Map.of("preCheckDecision", "approve"));
        Map<Integer, String> codes = scenarios.lines(scenario.getId()).stream()
                .collect(Collectors.toMap(ScenarioLine::lineNo, ScenarioLine::resourceCode));
        for (String group : scenarios.providerGroups(scenario.getId())) {
            Task task = taskOf(pid, ScenarioProcess.TASK_PROVIDER_REVIEW, group);
            List<Object> consented = rows(task).stream()
                    .map(o -> o.get("value"))
                    .filter(v -> !refused.contains(codes.get(Integer.parseInt(v.toString()))))
                    .toList();
            decisions.decide(task.getId(), "reviewer-" + group, Set.of(group), LineAnswers.answer(consented, "暂不开放"));
        }
        if (profiles.of(jurisdiction).networkSecurityReview()) {
            for (String member : profiles.of(jurisdiction).coordinationGroups()) {
                decide(pid, ScenarioProcess.TASK_NETWORK_SECURITY_REVIEW, member, Map.of("reviewOpinion", "approve"));
            }
        }
        if (scenarios.needsProvinceConsent(scenario.getId())) {
            Task province = taskOf(pid, ScenarioProcess.TASK_PROVINCIAL_CONSENT, "province-authority");
            decisions.decide(province.getId(), "province", Set.of("province-authority"), answered(province, "yes", ""));
        }
        decide(pid, ScenarioProcess.TASK_DECIDE, AUTHORITY, Map.of("scenarioDecision", "approve"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Approved");
        return scenarios.get(scenario.getId());
    }

    private LocalDate calendarDue(int workingDays) {
        return calendar.dueDay(today(), workingDays);
    }

    /** The activity instance the engine delivered the task for: a repeated delivery names the same one. */
    private String deliveredInstance(String pid, String activityId) {
        return history.createHistoricActivityInstanceQuery()
                .processInstanceId(pid)
                .activityId(activityId)
                .orderByHistoricActivityInstanceStartTime()
                .desc()
                .list()
                .get(0)
                .getId();
    }

    private void deliverAgain(String pid, String activityId, String topic, Map<String, Object> variables) {
        handlers.stream()
                .filter(h -> h.topic().equals(topic))
                .findFirst()
                .orElseThrow()
                .handle(new WorkItem(
                        java.util.UUID.randomUUID().toString(),
                        topic,
                        pid,
                        "DUR-test",
                        activityId,
                        deliveredInstance(pid, activityId),
                        new java.util.HashMap<>(variables)));
    }

    private Notice notice(String recipient, String title) {
        List<Notice> found = notifications.inbox(recipient).stream()
                .filter(n -> n.title().equals(title))
                .toList();
        assertThat(found).as(recipient + " " + title).hasSize(1);
        return found.get(0);
    }

    private static String otherThan(String creditCode) {
        return CREDIT_CODES.stream()
                .filter(c -> !c.equals(creditCode))
                .findFirst()
                .orElseThrow();
    }

    private List<Map<String, Object>> rows(Task task) {
        return LineAnswers.options(taskService, task);
    }

    private Map<String, Object> answered(Task task, String consent, String reason) {
        return LineAnswers.answered(taskService, task, consent, reason);
    }

    private void consent(String pid, String provider, String consent) {
        Task task = taskOf(pid, DataUseProcess.TASK_PROVIDER_REVIEW, provider);
        decisions.decide(
                task.getId(),
                "reviewer-" + provider,
                Set.of(provider),
                answered(task, consent, consent.equals("no") ? "数据尚未治理完毕，暂不开放" : ""));
    }
}
