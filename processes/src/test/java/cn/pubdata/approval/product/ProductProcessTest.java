package cn.pubdata.approval.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionTestSupport;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.pricing.PriceCeilings;
import cn.pubdata.approval.pricing.ProductCategory;
import cn.pubdata.approval.review.ReviewOpinions;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioForm;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioProcess;
import cn.pubdata.approval.scenario.ScenarioSubmission;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.task.LineAnswers;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of product.bpmn, named after the path it walks, and the refusals at submission. */
class ProductProcessTest extends AdmissionTestSupport {

    private static final Actor PRICE_AUTHORITY = Actor.reviewer("price-officer", Set.of(PriceCeilings.PRICING_OFFICER));

    @Autowired
    ProductSubmission productSubmission;

    @Autowired
    Products products;

    @Autowired
    ProductProgress progress;

    @Autowired
    PriceCeilings ceilings;

    @Autowired
    ScenarioSubmission scenarioSubmission;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Notifications notifications;

    @Autowired
    Timeline timeline;

    @Autowired
    ReviewOpinions opinions;

    @Autowired
    List<ExternalTaskHandler> handlers;

    @Test
    @Enforces({"PRD-01", "PRD-02", "PRD-07", "PRD-08", "PRC-02", "PRC-03", "PRC-04", "PRC-05", "PRC-08"})
    void listedInChizhouAfterTheSecurityReviewWithACeilingSetInThePriceCheck() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("chizhou", "池州数据产品公司", CZ_ENTERPRISES, CZ_CASES);
        Scenario scenario = approvedScenario(operator, CZ_ENTERPRISES, CZ_CASES);
        jdbc.sql("delete from approval.price_ceiling where credit_code = ?")
                .param(1, operator.getCreditCode())
                .update();
        beijingTime(LocalDateTime.of(2026, 11, 16, 9, 0)); // a Monday
        Product product = productSubmission.submit(
                new Draft(scenario.getId(), "企业经营画像数据集", CZ_ENTERPRISES)
                        .fee("2.50", "次")
                        .build(),
                operatorOf(operator));
        String pid = product.getProcessInstanceId();

        // PRD-02: the operator's own compliance review is filed with the authority first
        await().atMost(Duration.ofSeconds(30))
                .until(() -> products.get(product.getId()).getFilingNo() != null);
        assertThat(products.get(product.getId()).getFilingNo()).isEqualTo("CPBA2026-%06d".formatted(product.getId()));
        assertThat(notifications.inbox(Notifications.group("authority-reviewer")))
                .anyMatch(n -> n.title().equals("【出域合规审核备案】池州数据产品公司「企业经营画像数据集」")
                        && n.body().contains("经本单位法务与安全团队审核"));

        Task review = taskOf(pid, ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer");
        assertDueOn(review, LocalDate.of(2026, 11, 30)); // 10 working days
        assertThat(taskService.getVariable(review.getId(), "developmentPlan").toString())
                .contains("脱敏");
        assertThat(taskService.getVariable(review.getId(), "price")).isEqualTo("2.50 元/次");
        assertThatThrownBy(() -> decide(
                        pid,
                        ProductProcess.TASK_SECURITY_REVIEW,
                        "authority-reviewer",
                        Map.of("securityDecision", "expert")))
                .as("only 新昌 has an expert advisory committee")
                .hasMessageContaining("池州市未设专家咨询委员会");
        decide(pid, ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer", Map.of("securityDecision", "approve"));

        // PRC-08: the price check shows the costs item by item and the computation
        Task priceCheck = taskOf(pid, ProductProcess.TASK_PRICE_CHECK, PriceCeilings.PRICING_OFFICER);
        assertThat(rows(priceCheck, "costItems"))
                .extracting(r -> r.get("item") + " " + r.get("amount"))
                .containsExactly("基础设施资源消耗 120,000.00 元/年", "数据治理 60,000.00 元/年", "安全服务 20,000.00 元/年");
        assertThat(taskService.getVariables(priceCheck.getId()))
                .containsEntry("totalYearlyCost", "200,000.00 元/年")
                .containsEntry("unitCost", "2.00 元")
                .containsEntry("margin", "25.00%")
                .containsEntry("ceilingMissing", true);
        ProductProgress.Progress atPriceCheck = progress.of(product.getId(), operatorOf(operator));
        assertThat(atPriceCheck.due())
                .singleElement()
                .satisfies(d -> assertThat(d.step() + " " + d.responsible()).isEqualTo("价格审核 价格主管部门（发改委）"));
        assertThat(atPriceCheck.stepsToDo())
                .containsExactly("价格审核（上限收费标准）", "登记备案（安徽省公共数据资源登记平台）", "列入数据产品和服务清单（上架）", "向社会公示产品及收费标准");
        assertThat(atPriceCheck.operatorAction()).isEqualTo("审核中，您暂无需操作。");

        // PRC-04: no ceiling for the category yet: the officer sets one here, within the maximum allowed revenue
        Map<String, Object> approve = Map.of("priceDecision", "approve", "priceReason", "成本加合理利润，收费合理");
        assertThatThrownBy(() -> decide(pid, ProductProcess.TASK_PRICE_CHECK, PriceCeilings.PRICING_OFFICER, approve))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("尚未核定该运营机构「数据集」类产品的上限收费标准");
        assertThatThrownBy(() -> decide(
                        pid,
                        ProductProcess.TASK_PRICE_CHECK,
                        PriceCeilings.PRICING_OFFICER,
                        with(approve, "ceilingYuan", 20_000_000.0, "ceilingBasis", "测试")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("超过该运营机构的最高准许收入 12,005,000.00 元");
        // PRC-05: a ceiling under the fee refuses the approval, and nothing of the decision stays
        assertThatThrownBy(() -> decide(
                        pid,
                        ProductProcess.TASK_PRICE_CHECK,
                        PriceCeilings.PRICING_OFFICER,
                        with(approve, "ceilingYuan", 2.0, "ceilingBasis", "单位成本 2 元")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("收费标准 2.50 元 高于「数据集」类上限收费标准 2.00 元，不能通过（PRC-05）");
        assertThat(ceilings.find("chizhou", operator.getCreditCode(), ProductCategory.DATASET))
                .isEmpty();
        decide(
                pid,
                ProductProcess.TASK_PRICE_CHECK,
                PriceCeilings.PRICING_OFFICER,
                with(approve, "ceilingYuan", 3.0, "ceilingBasis", "单位成本 2 元，合理利润率不超过 50%"));
        assertThat(ceilings.find("chizhou", operator.getCreditCode(), ProductCategory.DATASET))
                .hasValueSatisfying(c -> {
                    assertThat(c.ceilingYuan()).isEqualByComparingTo("3.00");
                    assertThat(c.basis()).isEqualTo("单位成本 2 元，合理利润率不超过 50%");
                    assertThat(c.setBy()).isEqualTo("reviewer-pricing-officer");
                });
        assertThat(ceilings.history("chizhou", operator.getCreditCode())).hasSize(1);

        Task register = taskOf(pid, ProductProcess.TASK_REGISTER, "authority-reviewer");
        assertThat(taskService.getVariable(register.getId(), "registrationPlatform"))
                .isEqualTo("安徽省公共数据资源登记平台");
        decide(pid, ProductProcess.TASK_REGISTER, "authority-reviewer", Map.of("registrationNo", "AHDJ-2026-0101"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Listed");
        assertThat(passedActivities(pid))
                .containsSubsequence(
                        ProductProcess.FILE_COMPLIANCE_REVIEW,
                        ProductProcess.TASK_SECURITY_REVIEW,
                        ProductProcess.TASK_PRICE_CHECK,
                        ProductProcess.TASK_REGISTER,
                        ProductProcess.LIST_PRODUCT,
                        ProductProcess.PUBLISH_PRODUCT,
                        "ServiceTask_CloseListed");

        Product listed = products.get(product.getId());
        assertThat(listed.getStatus()).isEqualTo(ProductStatus.LISTED);
        assertThat(listed.getListedAt()).isNotNull();
        assertThat(listed.getRegistrationNo()).isEqualTo("AHDJ-2026-0101");
        assertThat(listed.getRegistrationPlatform()).isEqualTo("安徽省公共数据资源登记平台");
        assertThat(products.productList(operator.getCreditCode()))
                .extracting(Product::getId)
                .contains(product.getId());
        assertThat(products.costs(product.getId())).hasSize(3);
        assertThat(disclosure("PRODUCT_LISTED", "企业经营画像数据集"))
                .contains("池州数据产品公司", "数据集", "AHDJ-2026-0101", "收费标准（明码标价）：2.50 元/次");
        assertThat(notifications.inbox(Notifications.operator(operator.getCreditCode())))
                .anyMatch(n -> n.title().equals("【数据产品已上架】企业经营画像数据集"));
        for (String party : List.of("authority-reviewer", "provider-cz-scj", "provider-cz-cgj", "pricing-officer")) {
            assertThat(notifications.inbox(Notifications.group(party)))
                    .as(party)
                    .anyMatch(n -> n.title().equals("【数据产品已上架】企业经营画像数据集"));
        }
        assertThat(opinions.of(Subjects.product(product.getId())))
                .extracting(o -> o.step() + " " + o.decision())
                .containsExactly("合规安全审核 approve", "价格审核 approve");
        assertThat(timeline.of(Subjects.product(product.getId())))
                .extracting(e -> e.title())
                .contains(
                        "提交数据产品申报",
                        "出域合规审核已报数据主管部门备案",
                        "合规安全审核：通过",
                        "价格审核：通过",
                        "列入运营机构数据产品和服务清单（已上架）",
                        "产品及收费标准已向社会公示");
        assertThat(progress.of(product.getId()).statusLabel()).isEqualTo("已上架");
    }

    @Test
    @Enforces({"PRC-04", "PRC-05"})
    void aFeeAboveTheCeilingIsRefusedAtSubmissionWithTheCeilingInTheMessage() {
        AdmissionApplication operator = admitted("chizhou", "池州上限测试公司", CZ_CASES);
        Scenario scenario = approvedScenario(operator, CZ_CASES);
        String code = operator.getCreditCode();
        assertThatThrownBy(() -> ceilings.set(
                        "chizhou", code, ProductCategory.API, new BigDecimal("0.80"), "依据", operatorOf(operator)))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("由价格主管部门核定");
        assertThatThrownBy(() -> ceilings.set(
                        "jingdezhen", code, ProductCategory.API, new BigDecimal("0.80"), "依据", PRICE_AUTHORITY))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("不按产品类别核定上限收费标准");
        assertThatThrownBy(() -> ceilings.set(
                        "chizhou", code, ProductCategory.API, new BigDecimal("12005000.01"), "依据", PRICE_AUTHORITY))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("最高准许收入");
        ceilings.set("chizhou", code, ProductCategory.API, new BigDecimal("0.80"), "接口服务单位成本 0.6 元", PRICE_AUTHORITY);
        long before = count("select count(*) from approval.product");

        assertThatThrownBy(() -> productSubmission.submit(
                        new Draft(scenario.getId(), "案件查询接口", CZ_CASES)
                                .kind(ProductCategory.API)
                                .fee("1.00", "次")
                                .build(),
                        operatorOf(operator)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors()).singleElement().satisfies(e -> {
                            assertThat(e.field()).isEqualTo("feeYuan");
                            assertThat(e.message())
                                    .isEqualTo("收费标准 1.00 元 高于价格主管部门为该运营机构核定的「数据接口服务」类上限收费标准 0.80 元，须在上限以内确定（PRC-05）");
                        }));
        assertThat(count("select count(*) from approval.product"))
                .as("nothing written")
                .isEqualTo(before);
    }

    @Test
    @Enforces({"PRC-01"})
    void aPublicWelfareProductIsFreeAndListedWithoutAPriceCheck() {
        AdmissionApplication operator = admitted("chizhou", "池州公益产品公司", CZ_ENTERPRISES);
        Scenario scenario = approvedScenario(operator, CZ_ENTERPRISES);
        Draft draft = new Draft(scenario.getId(), "企业登记公益查询", CZ_ENTERPRISES).publicWelfare();
        assertThatThrownBy(() -> productSubmission.submit(draft.fee("5.00", "次").build(), operatorOf(operator)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly("feeYuan 用于公共治理、公益事业的数据产品和服务免费提供，收费标准只能为 0 元（PRC-01）"));

        Product product = productSubmission.submit(draft.fee("0", "次").build(), operatorOf(operator));
        String pid = product.getProcessInstanceId();
        assertThat(runtime.getVariable(pid, "price")).isEqualTo("免费（用于公共治理、公益事业）");
        decide(pid, ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer", Map.of("securityDecision", "approve"));
        decide(pid, ProductProcess.TASK_REGISTER, "authority-reviewer", Map.of("registrationNo", "AHDJ-2026-0102"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Listed");
        assertThat(passedActivities(pid)).doesNotContain(ProductProcess.TASK_PRICE_CHECK);
        assertThat(disclosure("PRODUCT_LISTED", "企业登记公益查询")).contains("收费标准（明码标价）：免费（用于公共治理、公益事业）");
    }

    @Test
    @Enforces({"PRD-02"})
    void inXianningThePartnersFiledComplianceReviewReplacesTheAuthorityReview() {
        AdmissionApplication operator = admitted("xianning", "咸宁公积金产品公司", XN_FUND);
        Scenario scenario = approvedScenario(operator, XN_FUND);
        Actor partner = new Actor("partner-xn", "合伙人甲", Actor.Kind.PARTNER, operator.getCreditCode(), Set.of(), null);
        Product product = productSubmission.submit(
                new Draft(scenario.getId(), "公积金信贷辅助评估模型", XN_FUND)
                        .kind(ProductCategory.MODEL)
                        .fee("3.00", "次")
                        .build(),
                partner);
        String pid = product.getProcessInstanceId();
        assertThat(product.getSubmitterRole()).isEqualTo(Product.SubmitterRole.PARTNER);
        assertThat(runtime.getVariable(pid, "submitter")).isEqualTo("合伙人 partner-xn（代运营机构申报）");

        Task register = taskOf(pid, ProductProcess.TASK_REGISTER, "authority-reviewer");
        assertThat(taskService.getVariable(register.getId(), "filingNo"))
                .isEqualTo("CPBA2026-%06d".formatted(product.getId()));
        assertThat(notifications.inbox(Notifications.group("authority-reviewer")))
                .anyMatch(n -> n.title().equals("【出域合规审核备案】咸宁公积金产品公司「公积金信贷辅助评估模型」")
                        && n.body().contains("备案不是审批"));
        decide(pid, ProductProcess.TASK_REGISTER, "authority-reviewer", Map.of("registrationNo", "XN-2026-007"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Listed");
        assertThat(passedActivities(pid))
                .contains(ProductProcess.FILE_COMPLIANCE_REVIEW)
                .doesNotContain(ProductProcess.TASK_SECURITY_REVIEW, ProductProcess.TASK_PRICE_CHECK);
        assertThat(products.get(product.getId()).getRegistrationPlatform()).isEqualTo("登记备案（实施方案未指定平台）");
        assertThat(disclosure("PRODUCT_LISTED", "公积金信贷辅助评估模型")).contains("3.00 元/次");
    }

    @Test
    @Enforces({"PRD-04", "PRC-07"})
    void inJingdezhenASupplementedProductIsReviewedAgainWithItsFeeAndListed() {
        AdmissionApplication operator = admitted("jingdezhen", "瓷都产品公司", "wlj-cultural-venues");
        Scenario scenario = approvedScenario(operator, "wlj-cultural-venues");
        Actor actor = operatorOf(operator);
        assertThatThrownBy(() -> productSubmission.submit(
                        new Draft(scenario.getId(), "场馆客流报告", "wlj-cultural-venues")
                                .developmentPlan(" ")
                                .build(),
                        actor))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly("developmentPlan 请填写数据产品开发方案（PRD-04）：加工方式、使用场景和安全保障措施"));
        Product product = productSubmission.submit(
                new Draft(scenario.getId(), "场馆客流报告", "wlj-cultural-venues")
                        .kind(ProductCategory.REPORT)
                        .fee("800", "份")
                        .build(),
                actor);
        String pid = product.getProcessInstanceId();
        decide(
                pid,
                ProductProcess.TASK_SECURITY_REVIEW,
                "authority-reviewer",
                Map.of("securityDecision", "supplement", "securityReason", "开发方案未写明统计口径的最小聚合粒度"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runtime.createEventSubscriptionQuery()
                                .processInstanceId(pid)
                                .eventName(ProductProcess.MESSAGE_SUPPLEMENT_SUBMITTED)
                                .count()
                        == 1);
        assertThat(progress.of(product.getId()).operatorAction()).contains("提交补正材料", "最小聚合粒度");
        productSubmission.supplement(
                product.getId(),
                new Draft(scenario.getId(), "场馆客流报告", "wlj-cultural-venues")
                        .kind(ProductCategory.REPORT)
                        .fee("800", "份")
                        .developmentPlan("按场馆、按日聚合，单元格少于 10 人次的不出报告；结果经脱敏审核后交付")
                        .build(),
                actor);

        Task again = taskOf(pid, ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer");
        assertThat(taskService.getVariable(again.getId(), "developmentPlan").toString())
                .contains("按日聚合", "少于 10 人次");
        assertThat(taskService.getVariable(again.getId(), "securityDecision"))
                .as("the decision starts empty again")
                .isNull();
        // PRC-07: without a ceiling here, the fee is reviewed with the product
        assertThatThrownBy(() -> decide(
                        pid,
                        ProductProcess.TASK_SECURITY_REVIEW,
                        "authority-reviewer",
                        Map.of("securityDecision", "approve")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("PRC-07");
        decide(
                pid,
                ProductProcess.TASK_SECURITY_REVIEW,
                "authority-reviewer",
                Map.of("securityDecision", "approve", "feeCompliant", true));
        decide(pid, ProductProcess.TASK_REGISTER, "authority-reviewer", Map.of("registrationNo", "JDZ-2026-015"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Listed");
        assertThat(passedActivities(pid)).doesNotContain(ProductProcess.TASK_PRICE_CHECK);
        assertThat(products.get(product.getId()).getDevelopmentPlan()).contains("少于 10 人次");
        assertThat(disclosure("PRODUCT_LISTED", "场馆客流报告")).contains("800.00 元/份");
    }

    @Test
    void supplementRequestedThenDeadlineMissedEndsTheProduct() {
        beijingTime(LocalDateTime.of(2026, 9, 14, 9, 0));
        AdmissionApplication operator = admitted("jingdezhen", "逾期补正产品公司", "zwj-12345-complaints");
        Scenario scenario = approvedScenario(operator, "zwj-12345-complaints");
        beijingTime(LocalDateTime.of(2026, 9, 24, 10, 0)); // a Thursday before the National Day holiday
        Product product = productSubmission.submit(
                new Draft(scenario.getId(), "诉求热点数据集", "zwj-12345-complaints").build(), operatorOf(operator));
        String pid = product.getProcessInstanceId();
        decide(
                pid,
                ProductProcess.TASK_SECURITY_REVIEW,
                "authority-reviewer",
                Map.of("securityDecision", "supplement", "securityReason", "请补充去标识化方法"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> notifications.inbox(Notifications.operator(operator.getCreditCode())).stream()
                        .anyMatch(n -> n.title().equals("【需补正】数据产品「诉求热点数据集」")
                                && n.body().contains("请补充去标识化方法")
                                && n.body().contains("2026年10月15日")));
        // 10 working days from Thursday 24 September: 28–30 September, 8–10 October (10 October is a working
        // Saturday), 12–15 October; 25 September and 1–7 October are holidays
        // the notice is out once the notifying task did its work; the flow waits for the supplement once it completed
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !progress.of(product.getId()).due().isEmpty());
        cn.pubdata.approval.progress.DueItem due =
                progress.of(product.getId()).due().get(0);
        assertThat(due.step()).isEqualTo("提交补正材料");
        assertThat(due.dueDay()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(due.workingDaysLeft()).isEqualTo(10);
        fireTimer(pid);
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_SupplementMissed");
        assertThat(products.get(product.getId()).getStatus()).isEqualTo(ProductStatus.EXPIRED);
        assertThat(notifications.inbox(Notifications.operator(operator.getCreditCode())))
                .anyMatch(n -> n.title().equals("【数据产品逾期未补正，申请终止】诉求热点数据集"));
    }

    @Test
    @Enforces({"PRD-03", "PRD-05", "ROLE-05"})
    void rejectedAtTheSecurityReviewAfterConsultingTheExperts() {
        AdmissionApplication operator = admitted("xinchang", "新昌产品公司", XC_CLINICS);
        Scenario scenario = approvedScenario(operator, XC_CLINICS);
        Product product = productSubmission.submit(
                new Draft(scenario.getId(), "诊疗统计接口", XC_CLINICS)
                        .kind(ProductCategory.API)
                        .build(),
                operatorOf(operator));
        String pid = product.getProcessInstanceId();
        decide(pid, ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer", Map.of("securityDecision", "expert"));
        decide(
                pid,
                ProductProcess.TASK_EXPERT_REVIEW,
                "expert",
                Map.of("expertRecommendation", "reject", "expertOpinion", "接口粒度过细，存在重识别风险"));

        // the experts advise; the authority decides, once more in its own review
        Task review = taskOf(pid, ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer");
        assertThat(taskService.getVariable(review.getId(), "reviewSummary")).isEqualTo("专家咨询委员会：不建议通过（接口粒度过细，存在重识别风险）");
        assertThatThrownBy(() -> decide(
                        pid,
                        ProductProcess.TASK_SECURITY_REVIEW,
                        "authority-reviewer",
                        Map.of("securityDecision", "expert")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("已征询过专家咨询委员会的意见");
        assertThatThrownBy(() -> decide(
                        pid,
                        ProductProcess.TASK_SECURITY_REVIEW,
                        "authority-reviewer",
                        Map.of("securityDecision", "reject")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("理由");
        decide(
                pid,
                ProductProcess.TASK_SECURITY_REVIEW,
                "authority-reviewer",
                Map.of("securityDecision", "reject", "securityReason", "存在重识别风险，不符合合规安全要求"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Rejected");
        Product rejected = products.get(product.getId());
        assertThat(rejected.getStatus()).isEqualTo(ProductStatus.REJECTED);
        assertThat(rejected.getOutcomeReason()).isEqualTo("存在重识别风险，不符合合规安全要求");
        assertThat(rejected.getRegistrationNo()).isNull();
        assertThat(passedActivities(pid)).doesNotContain(ProductProcess.TASK_REGISTER);
        assertThat(opinions.of(Subjects.product(product.getId())))
                .extracting(o -> o.step() + " " + o.decision())
                .containsExactly("专家评审 reject", "合规安全审核 reject");
        assertThat(notifications.inbox(Notifications.operator(operator.getCreditCode())))
                .anyMatch(n -> n.title().equals("【数据产品未通过】诊疗统计接口") && n.body().contains("存在重识别风险"));
    }

    @Test
    void rejectedAtThePriceCheckWithItsReason() {
        AdmissionApplication operator = admitted("chizhou", "池州价格审核公司", CZ_FUND);
        Scenario scenario = approvedScenario(operator, CZ_FUND);
        ceilings.set(
                "chizhou",
                operator.getCreditCode(),
                ProductCategory.REPORT,
                new BigDecimal("1000"),
                "报告类上限",
                PRICE_AUTHORITY);
        Product product = productSubmission.submit(
                new Draft(scenario.getId(), "公积金缴存分析报告", CZ_FUND)
                        .kind(ProductCategory.REPORT)
                        .fee("999", "份")
                        .build(),
                operatorOf(operator));
        String pid = product.getProcessInstanceId();
        decide(pid, ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer", Map.of("securityDecision", "approve"));
        Task priceCheck = taskOf(pid, ProductProcess.TASK_PRICE_CHECK, PriceCeilings.PRICING_OFFICER);
        assertThat(taskService.getVariables(priceCheck.getId()))
                .containsEntry("ceilingMissing", false)
                .containsEntry("currentCeiling", "1,000.00 元（报告类上限；price-officer核定）")
                .containsEntry("margin", "49850.00%");
        decide(
                pid,
                ProductProcess.TASK_PRICE_CHECK,
                PriceCeilings.PRICING_OFFICER,
                Map.of("priceDecision", "reject", "priceReason", "利润率明显偏高，不符合成本加合理利润原则"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_PriceRejected");
        Product rejected = products.get(product.getId());
        assertThat(rejected.getStatus()).isEqualTo(ProductStatus.REJECTED);
        assertThat(rejected.getOutcomeReason()).isEqualTo("价格审核未通过：利润率明显偏高，不符合成本加合理利润原则");
        assertThat(opinions.of(Subjects.product(product.getId())))
                .filteredOn(o -> o.step().equals("价格审核"))
                .singleElement()
                .satisfies(o -> assertThat(o.reason()).contains("利润率明显偏高", "单位成本 2.00 元"));
    }

    @Test
    void withdrawnDuringTheSecurityReview() {
        AdmissionApplication operator = admitted("jingdezhen", "撤回产品测试公司", "zwj-service-cases");
        Scenario scenario = approvedScenario(operator, "zwj-service-cases");
        Product product = productSubmission.submit(
                new Draft(scenario.getId(), "办件效率报告", "zwj-service-cases").build(), operatorOf(operator));
        String pid = product.getProcessInstanceId();
        taskOf(pid, ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer");
        Actor stranger = Actor.operator("other", nextCreditCode());
        assertThatThrownBy(() -> productSubmission.withdraw(product.getId(), "不是我的", stranger))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
        assertThatThrownBy(() -> productSubmission.withdraw(
                        product.getId(), "审核人不能撤回", Actor.reviewer("r", Set.of("authority-reviewer"))))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("只有申报的运营机构");
        productSubmission.withdraw(product.getId(), "产品方案调整", operatorOf(operator));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Withdrawn");
        assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isZero();
        Product withdrawn = products.get(product.getId());
        assertThat(withdrawn.getStatus()).isEqualTo(ProductStatus.WITHDRAWN);
        assertThat(withdrawn.getOutcomeReason()).isEqualTo("产品方案调整");
        assertThat(notifications.inbox(Notifications.operator(operator.getCreditCode())))
                .anyMatch(n -> n.title().equals("【数据产品已撤回】办件效率报告"));
    }

    @Test
    @Enforces({"PRD-06"})
    void aProductDeliveringRawPublicDataIsRefused() {
        AdmissionApplication operator = admitted("jingdezhen", "原始数据测试公司", "fgw-major-projects");
        Scenario scenario = approvedScenario(operator, "fgw-major-projects");
        long before = count("select count(*) from approval.product");
        assertThatThrownBy(() -> productSubmission.submit(
                        new Draft(scenario.getId(), "重大项目明细数据", "fgw-major-projects")
                                .rawData()
                                .build(),
                        operatorOf(operator)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly("rawData 数据产品和服务不得直接提供原始公共数据：原始数据不出域、数据可用不可见，请改为交付加工后的结果（PRD-06）"));
        assertThat(count("select count(*) from approval.product"))
                .as("nothing written")
                .isEqualTo(before);
    }

    @Test
    @Enforces({"PRD-10"})
    void anAiBasedProductWithoutItsModelAssessmentIsRefusedAndWithItReviewed() {
        AdmissionApplication operator = admitted("jingdezhen", "模型产品测试公司", "jtj-vehicles");
        Scenario scenario = approvedScenario(operator, "jtj-vehicles");
        Draft draft = new Draft(scenario.getId(), "货运路线优化模型", "jtj-vehicles").kind(ProductCategory.MODEL);
        assertThatThrownBy(() -> productSubmission.submit(draft.aiBased(null).build(), operatorOf(operator)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors()).extracting(e -> e.field()).containsExactly("aiAssessment"))
                .hasMessageContaining("PRD-10");
        Product product = productSubmission.submit(
                draft.aiBased("模型训练数据已脱敏；已评估成员推断攻击和算法歧视风险，输出经人工复核").build(), operatorOf(operator));
        Task review = taskOf(product.getProcessInstanceId(), ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer");
        assertThat(taskService.getVariables(review.getId()))
                .containsEntry("aiBased", true)
                .containsEntry("aiAssessment", "模型训练数据已脱敏；已评估成员推断攻击和算法歧视风险，输出经人工复核");
    }

    @Test
    @Enforces({"CAT-11"})
    void aResourceOutsideTheScenariosApprovedListIsRefusedAtItsField() {
        AdmissionApplication operator =
                admitted("jingdezhen", "范围外产品公司", "fgw-enterprise-credit", "tjj-key-industry-stats");
        Scenario scenario = approvedScenario(operator, "fgw-enterprise-credit");
        assertThatThrownBy(() -> productSubmission.submit(
                        new Draft(
                                        scenario.getId(),
                                        "越界产品",
                                        "fgw-enterprise-credit",
                                        "tjj-key-industry-stats",
                                        "no-such-resource")
                                .build(),
                        operatorOf(operator)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly(
                                        "resources[1] 第2项：「重点产业统计指标数据」不在场景「范围外产品公司的应用场景」获同意的数据需求清单内，不得超范围使用（CAT-11）",
                                        "resources[2] 第3项：目录中没有数据资源 'no-such-resource'"));
    }

    @Test
    void anotherOperatorsScenarioIsNotFound() {
        AdmissionApplication owner = admitted("jingdezhen", "场景所有者公司", "wjw-medical-institutions");
        Scenario scenario = approvedScenario(owner, "wjw-medical-institutions");
        AdmissionApplication other = admitted("jingdezhen", "他人场景测试公司", "wjw-medical-institutions");
        assertThat(other.getCreditCode()).isNotEqualTo(owner.getCreditCode());
        assertThatThrownBy(() -> productSubmission.submit(
                        new Draft(scenario.getId(), "借用场景的产品", "wjw-medical-institutions").build(), operatorOf(other)))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND);
                    assertThat(p.getMessage()).isEqualTo("场景 " + scenario.getId() + " 不存在");
                });
    }

    @Test
    @Enforces({"CAT-01", "PRD-08"})
    void aListedProductIsDelistedWhenItsResourceIsReclassifiedAsProhibited() {
        resource("gxj-test-product-delisted", "jingdezhen", "gxj", "测试：将被禁止开放的产业数据", false);
        AdmissionApplication operator = admitted("jingdezhen", "下架测试公司", "gxj-test-product-delisted");
        Scenario scenario = approvedScenario(operator, "gxj-test-product-delisted");
        Product product = productSubmission.submit(
                new Draft(scenario.getId(), "产业链分析数据集", "gxj-test-product-delisted")
                        .publicWelfare()
                        .build(),
                operatorOf(operator));
        String pid = product.getProcessInstanceId();
        decide(pid, ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer", Map.of("securityDecision", "approve"));
        decide(pid, ProductProcess.TASK_REGISTER, "authority-reviewer", Map.of("registrationNo", "JDZ-2026-099"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Listed");
        assertThat(products.productList(operator.getCreditCode()))
                .extracting(Product::getId)
                .contains(product.getId());

        catalogMaintenance.reclassify("gxj-test-product-delisted", "PROHIBITED", "涉及企业商业秘密", "数据局");
        Product delisted = products.get(product.getId());
        assertThat(delisted.getStatus()).isEqualTo(ProductStatus.DELISTED);
        assertThat(delisted.getDelistedAt()).isNotNull();
        assertThat(delisted.getDelistingReason()).contains("禁止开放", "涉及企业商业秘密");
        assertThat(products.productList(operator.getCreditCode()))
                .extracting(Product::getId)
                .doesNotContain(product.getId());
        assertThat(notifications.inbox(Notifications.operator(operator.getCreditCode())))
                .anyMatch(n -> n.title().equals("【数据产品下架】产业链分析数据集") && n.body().contains("涉及企业商业秘密"));
        assertThat(disclosure("PRODUCT_DELISTED", "产业链分析数据集")).contains("已下架");
        assertThat(progress.of(product.getId()).outcomeReason()).contains("涉及企业商业秘密");
    }

    @Test
    @Enforces({"CAT-01"})
    void aProductInReviewWhoseResourceIsProhibitedCannotBeListed() {
        resource("gxj-test-product-unlistable", "jingdezhen", "gxj", "测试：审核中被禁止开放的产业数据", false);
        AdmissionApplication operator = admitted("jingdezhen", "不能上架测试公司", "gxj-test-product-unlistable");
        Scenario scenario = approvedScenario(operator, "gxj-test-product-unlistable");
        Product product = productSubmission.submit(
                new Draft(scenario.getId(), "工业产值报告", "gxj-test-product-unlistable")
                        .publicWelfare()
                        .build(),
                operatorOf(operator));
        String pid = product.getProcessInstanceId();
        decide(pid, ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer", Map.of("securityDecision", "approve"));
        taskOf(pid, ProductProcess.TASK_REGISTER, "authority-reviewer");
        catalogMaintenance.reclassify("gxj-test-product-unlistable", "PROHIBITED", "涉密", "数据局");
        decide(pid, ProductProcess.TASK_REGISTER, "authority-reviewer", Map.of("registrationNo", "JDZ-2026-100"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_NotListable");
        Product ended = products.get(product.getId());
        assertThat(ended.getStatus()).isEqualTo(ProductStatus.REJECTED);
        assertThat(ended.getOutcomeReason()).contains("测试：审核中被禁止开放的产业数据", "CAT-01");
        assertThat(ended.getListedAt()).isNull();
        assertThat(count(
                        "select count(*) from approval.disclosure_entry where kind = 'PRODUCT_LISTED' and title like ?",
                        "%工业产值报告%"))
                .isZero();
    }

    @Test
    void everyProductHandlerDeliveredAgainChangesNothing() {
        AdmissionApplication operator = admitted("jingdezhen", "重复投递产品公司", "cgj-public-facilities");
        Scenario scenario = approvedScenario(operator, "cgj-public-facilities");
        Product product = productSubmission.submit(
                new Draft(scenario.getId(), "市政设施巡检报告", "cgj-public-facilities")
                        .publicWelfare()
                        .build(),
                operatorOf(operator));
        String pid = product.getProcessInstanceId();
        decide(pid, ProductProcess.TASK_SECURITY_REVIEW, "authority-reviewer", Map.of("securityDecision", "approve"));
        decide(pid, ProductProcess.TASK_REGISTER, "authority-reviewer", Map.of("registrationNo", "JDZ-2026-200"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Listed");
        Product listed = products.get(product.getId());
        String subject = Subjects.product(product.getId());
        Map<String, Object> variables = new HashMap<>();
        history.createHistoricVariableInstanceQuery()
                .processInstanceId(pid)
                .list()
                .forEach(v -> variables.put(v.getName(), v.getValue()));
        variables.put("outcome", "LISTED");
        int notices = count("select count(*) from approval.notice where dedupe_key like ?", pid + "%");
        int entries = count("select count(*) from approval.timeline_event where subject = ?", subject);
        int disclosures = count("select count(*) from approval.disclosure_entry where dedupe_key like ?", pid + "%");

        for (String[] step : List.of(
                new String[] {"product-file", ProductProcess.FILE_COMPLIANCE_REVIEW},
                new String[] {"product-list", ProductProcess.LIST_PRODUCT},
                new String[] {"product-publish", ProductProcess.PUBLISH_PRODUCT},
                new String[] {"product-close", "ServiceTask_CloseListed"})) {
            handlers.stream()
                    .filter(h -> h.topic().equals(step[0]))
                    .findFirst()
                    .orElseThrow()
                    .handle(new WorkItem(
                            "again",
                            step[0],
                            pid,
                            subject,
                            step[1],
                            history.createHistoricActivityInstanceQuery()
                                    .processInstanceId(pid)
                                    .activityId(step[1])
                                    .list()
                                    .get(0)
                                    .getId(),
                            variables));
        }
        Product again = products.get(product.getId());
        assertThat(again.getFilingNo()).isEqualTo(listed.getFilingNo());
        assertThat(again.getListedAt()).isEqualTo(listed.getListedAt());
        assertThat(again.getStatus()).isEqualTo(ProductStatus.LISTED);
        assertThat(count("select count(*) from approval.notice where dedupe_key like ?", pid + "%"))
                .isEqualTo(notices);
        assertThat(count("select count(*) from approval.timeline_event where subject = ?", subject))
                .isEqualTo(entries);
        assertThat(count("select count(*) from approval.disclosure_entry where dedupe_key like ?", pid + "%"))
                .isEqualTo(disclosures)
                .isEqualTo(1);
    }

    /** An approved scenario of the operator over the resources: 004's came with the admission, others walk the flow. */
    private Scenario approvedScenario(AdmissionApplication operator, String... resources) {
        if (profiles.of(operator.getJurisdiction()).scenarioReviewInAdmission()) {
            return scenarios.ofAdmission(operator.getId()).get(0);
        }
        Scenario scenario = scenarioSubmission.submit(
                new ScenarioForm(
                        operator.getJurisdiction(),
                        null,
                        operator.getCompanyName() + "的应用场景",
                        "城市治理",
                        Purpose.INDUSTRY,
                        "建设内容：加工形成统计分析产品",
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
                operatorOf(operator));
        String pid = scenario.getProcessInstanceId();
        decide(pid, ScenarioProcess.TASK_PRE_CHECK, "authority-reviewer", Map.of("preCheckDecision", "approve"));
        for (String group : catalogResources.providerGroups(List.of(resources))) {
            Task task = taskOf(pid, ScenarioProcess.TASK_PROVIDER_REVIEW, group);
            decisions.decide(
                    task.getId(), "reviewer-" + group, Set.of(group), LineAnswers.consentAll(taskService, task));
        }
        decide(pid, ScenarioProcess.TASK_DECIDE, "authority-reviewer", Map.of("scenarioDecision", "approve"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Approved");
        return scenarios.get(scenario.getId());
    }

    private static Actor operatorOf(AdmissionApplication operator) {
        return Actor.operator("op-test", operator.getCreditCode());
    }

    private String disclosure(String kind, String productName) {
        return jdbc.sql("select content from approval.disclosure_entry where kind = ? and title like ?")
                .param(1, kind)
                .param(2, "%" + productName + "%")
                .query(String.class)
                .single();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(Task task, String name) {
        return (List<Map<String, Object>>) taskService.getVariable(task.getId(), name);
    }

    private static Map<String, Object> with(Map<String, Object> map, Object... entries) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        for (int i = 0; i < entries.length; i += 2) {
            copy.put((String) entries[i], entries[i + 1]);
        }
        return copy;
    }

    /** A product submission with sensible defaults: an industry dataset, three cost items, 100 000 units a year. */
    private static final class Draft {

        private final long scenarioId;
        private final String name;
        private final List<String> resources;
        private ProductCategory kind = ProductCategory.DATASET;
        private Purpose purpose = Purpose.INDUSTRY;
        private String fee = "2.50";
        private String unit = "次";
        private String developmentPlan = "在授权运营平台内对企业登记信息脱敏、按行业聚合后形成数据集；使用场景为信贷辅助；安全措施：访问控制、操作留痕";
        private boolean aiBased;
        private String aiAssessment;
        private boolean rawData;

        Draft(long scenarioId, String name, String... resources) {
            this.scenarioId = scenarioId;
            this.name = name;
            this.resources = List.of(resources);
        }

        Draft kind(ProductCategory kind) {
            this.kind = kind;
            return this;
        }

        Draft fee(String fee, String unit) {
            this.fee = fee;
            this.unit = unit;
            return this;
        }

        Draft publicWelfare() {
            this.purpose = Purpose.PUBLIC_WELFARE;
            this.fee = "0";
            return this;
        }

        Draft developmentPlan(String plan) {
            this.developmentPlan = plan;
            return this;
        }

        Draft aiBased(String assessment) {
            this.aiBased = true;
            this.aiAssessment = assessment;
            return this;
        }

        Draft rawData() {
            this.rawData = true;
            return this;
        }

        ProductForm build() {
            return new ProductForm(
                    scenarioId,
                    name,
                    kind,
                    name + "：面向金融机构的数据产品",
                    resources,
                    developmentPlan,
                    aiBased,
                    aiAssessment,
                    purpose,
                    rawData ? "逐条原始记录" : "按行业、按月聚合的统计结果",
                    rawData,
                    List.of(
                            new ProductForm.CostItemInput(CostItem.INFRASTRUCTURE, new BigDecimal("120000"), "云主机与存储"),
                            new ProductForm.CostItemInput(CostItem.DATA_GOVERNANCE, new BigDecimal("60000"), null),
                            new ProductForm.CostItemInput(CostItem.SECURITY_SERVICES, new BigDecimal("20000"), null)),
                    100_000L,
                    new BigDecimal(fee),
                    unit,
                    "经本单位法务与安全团队审核：产品仅交付聚合结果，不含个人信息，符合出域要求",
                    "合规负责人 孙八");
        }
    }
}
