package cn.pubdata.approval.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.lifecycle.LifecycleTestSupport;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.pricing.ProductCategory;
import cn.pubdata.approval.product.CostItem;
import cn.pubdata.approval.product.Product;
import cn.pubdata.approval.product.ProductForm;
import cn.pubdata.approval.product.ProductOperatorReview;
import cn.pubdata.approval.product.ProductProcess;
import cn.pubdata.approval.product.ProductStatus;
import cn.pubdata.approval.product.ProductSubmission;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.timeline.Subjects;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cross-flow tests of appeal.bpmn with product.bpmn (003): the operator's out-of-domain compliance review of a product
 * its developer submitted refuses it, the developer appeals; dismissed, the refusal stands; upheld while the refused
 * product waits out its appeal period, the operator reviews it again in the same instance.
 */
class ProductAppealProcessTest extends LifecycleTestSupport {

    private static final String AUTHORITY = "authority-reviewer";

    @Autowired
    AppealSubmission appealSubmission;

    @Autowired
    Appeals appeals;

    @Autowired
    ProductSubmission productSubmission;

    @Autowired
    WorkingDayCalendar calendar;

    @Test
    @Enforces({"APL-01", "APL-02", "PRD-02"})
    void theOperatorRefusesItsDevelopersProductTheDeveloperAppealsAndTheAuthorityDismissesTheAppeal() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁产品驳回运营公司", XN_VISITORS);
        Scenario scenario = approvedScenario(op, XN_VISITORS);
        Actor developer = developerWithAccess(op, "咸宁产品驳回开发公司");
        // a developer without access to the operator's platform finds no scenario to submit under
        assertThatThrownBy(() -> productSubmission.submit(form(scenario, "客流统计报告"), developerNamed("未入驻公司")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));

        Product product = productSubmission.submit(form(scenario, "客流统计报告"), developer);
        long id = product.getId();
        String pid = product.getProcessInstanceId();
        assertThat(product.getCreditCode()).isEqualTo(op.getCreditCode());
        assertThat(product.getDeveloperCreditCode()).isEqualTo(developer.creditCode());
        // PRD-02 (003): the operator reviews its developer's product before anything is filed
        awaitMessage(pid, ProductProcess.MESSAGE_OPERATOR_REVIEWED);
        assertThat(products.get(id).getFilingNo()).isNull();
        assertThat(onlyNotice(Notifications.operator(op.getCreditCode()), "【出域合规审核】开发利用主体申报的数据产品「客流统计报告」")
                        .body())
                .contains("咸宁产品驳回开发公司", developer.creditCode(), "出域合规审核");
        assertThatThrownBy(() -> productSubmission.operatorReview(id, new ProductOperatorReview(true, "通过"), developer))
                .hasMessageContaining("由其入驻的运营机构进行出域合规审核");
        assertThatThrownBy(() ->
                        productSubmission.operatorReview(id, new ProductOperatorReview(false, " "), operatorOf(op)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("reason"));
        // APL-01: nothing to appeal while the product is in review
        assertThatThrownBy(() -> appealSubmission.fileAgainstProduct(id, "理由", developer))
                .hasMessageContaining("只能对运营机构出域合规审核不通过的决定申诉");

        productSubmission.operatorReview(id, new ProductOperatorReview(false, "交付物含可识别个人的明细数据"), operatorOf(op));
        // the refusal ends the review, the developer is told it may appeal, and the product waits out 15 working days
        awaitMessage(pid, ProductProcess.MESSAGE_APPEAL_UPHELD);
        assertThat(products.get(id).getStatus()).isEqualTo(ProductStatus.REJECTED);
        assertThat(products.get(id).getOutcomeReason()).isEqualTo("运营机构出域合规审核不通过：交付物含可识别个人的明细数据");
        assertThat(onlyNotice(Notifications.operator(developer.creditCode()), "【数据产品未通过】客流统计报告")
                        .body())
                .contains("交付物含可识别个人的明细数据", "向数据主管部门申诉（APL-01）");
        Job period = management.createJobQuery().processInstanceId(pid).timers().singleResult();
        assertThat(period.getDuedate()
                        .toInstant()
                        .atZone(ZoneId.of("Asia/Shanghai"))
                        .toLocalDate())
                .isEqualTo(calendar.dueDay(today(), 15));

        // only the developer appeals, once, naming the decision as recorded
        assertThatThrownBy(() -> appealSubmission.fileAgainstProduct(id, "理由", operatorOf(op)))
                .hasMessageContaining("不存在");
        Appeal appeal = appealSubmission.fileAgainstProduct(id, "交付物仅为按月聚合的统计结果", developer);
        assertThat(appeal.kind()).isEqualTo(Appeal.Kind.PRODUCT_REFUSAL);
        assertThat(appeal.contestedSubject()).isEqualTo(Subjects.product(id));
        assertThat(appeal.contestedDecision())
                .contains("咸宁产品驳回运营公司", Subjects.product(id), "客流统计报告", "出域合规审核不通过", "交付物含可识别个人的明细数据");
        assertThatThrownBy(() -> appealSubmission.fileAgainstProduct(id, "再次申诉", developer))
                .hasMessageContaining("同一决定不能再次申诉");
        assertThat(onlyNotice(Notifications.group(AUTHORITY), "【申诉】咸宁产品驳回开发公司").body())
                .contains("出域合规审核不通过", "交付物仅为按月聚合的统计结果");

        decide(
                appeal.processInstanceId(),
                AppealProcess.TASK_DECIDE,
                AUTHORITY,
                Map.of("appealDecision", "dismiss", "appealReason", "交付物样例含身份证号，运营机构的审核理由成立"));
        assertThat(awaitEnd(appeal.processInstanceId())).isEqualTo(AppealProcess.END_DISMISSED);
        assertThat(appeals.get(appeal.id()).status()).isEqualTo(Appeal.Status.DISMISSED);
        assertThat(onlyNotice(Notifications.operator(developer.creditCode()), "【申诉不成立】咸宁产品驳回开发公司")
                        .body())
                .contains("运营机构的审核理由成立");
        // the refusal stands: the product waits out its period and ends refused, never filed
        assertThat(products.get(id).getStatus()).isEqualTo(ProductStatus.REJECTED);
        management.executeJob(period.getId());
        assertThat(awaitEnd(pid)).isEqualTo(ProductProcess.END_REFUSED_BY_OPERATOR);
        assertThat(products.get(id).getFilingNo()).isNull();
        assertThat(products.reviewedAgainFrom(id)).isEmpty();
    }

    @Test
    @Enforces({"APL-01", "APL-02", "PRD-02"})
    void anUpheldAppealHasTheOperatorReviewTheRefusedProductAgainInItsInstanceAndItPassesToTheFiling() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁产品申诉运营公司", XN_VISITORS);
        Scenario scenario = approvedScenario(op, XN_VISITORS);
        Actor developer = developerWithAccess(op, "咸宁产品申诉开发公司");
        Product product = productSubmission.submit(form(scenario, "景区客流月报"), developer);
        long id = product.getId();
        String pid = product.getProcessInstanceId();
        awaitMessage(pid, ProductProcess.MESSAGE_OPERATOR_REVIEWED);
        productSubmission.operatorReview(id, new ProductOperatorReview(false, "未说明抽样比例"), operatorOf(op));
        awaitMessage(pid, ProductProcess.MESSAGE_APPEAL_UPHELD);
        Appeal appeal = appealSubmission.fileAgainstProduct(id, "开发方案第3节已写明抽样比例", developer);

        decide(
                appeal.processInstanceId(),
                AppealProcess.TASK_DECIDE,
                AUTHORITY,
                Map.of("appealDecision", "uphold", "appealReason", "开发方案已写明抽样比例，应重新审核"));
        assertThat(awaitEnd(appeal.processInstanceId())).isEqualTo(AppealProcess.END_UPHELD);

        // APL-02: the refused product's own instance waits for the operator's review again
        awaitMessage(pid, ProductProcess.MESSAGE_OPERATOR_REVIEWED);
        Product reopened = products.get(id);
        assertThat(reopened.getStatus()).isEqualTo(ProductStatus.IN_REVIEW);
        assertThat(reopened.getOutcomeReason()).isNull();
        assertThat(reopened.getOperatorReviewPassed()).isNull();
        assertThat(management.createJobQuery().processInstanceId(pid).timers().count())
                .as("the appeal period's timer is gone with the wait")
                .isZero();
        assertThat(products.reviewedAgainFrom(id)).isEmpty();
        Appeal upheld = appeals.get(appeal.id());
        assertThat(upheld.status()).isEqualTo(Appeal.Status.UPHELD);
        assertThat(upheld.rerunSubject()).isEqualTo(Subjects.product(id));
        assertThat(onlyNotice(Notifications.operator(developer.creditCode()), "【申诉成立】咸宁产品申诉开发公司")
                        .body())
                .contains("开发方案已写明抽样比例，应重新审核", "原数据产品申报已重新交运营机构进行出域合规审核");
        assertThat(noticesOf(op))
                .filteredOn(n -> n.title().equals("【出域合规审核】开发利用主体申报的数据产品「景区客流月报」"))
                .as("the operator is asked once per review")
                .hasSize(2);

        // the re-review passes: the operator's conclusion is filed with the authority (PRD-02) and, in 003, the
        // product goes on to registration without an authority review
        productSubmission.operatorReview(
                id, new ProductOperatorReview(true, "经复核，交付物为按月聚合的统计结果，符合出域要求"), operatorOf(op));
        taskOf(pid, ProductProcess.TASK_REGISTER, AUTHORITY);
        Product filed = products.get(id);
        assertThat(filed.getFilingNo()).isNotNull();
        assertThat(filed.getComplianceReview()).isEqualTo("经复核，交付物为按月聚合的统计结果，符合出域要求");
        assertThat(filed.getOperatorReviewPassed()).isTrue();
        assertThat(titles(Subjects.product(id)))
                .containsSubsequence("提交数据产品申报", "运营机构出域合规审核不通过", "开发利用主体申诉", "申诉成立，重新审核", "运营机构出域合规审核通过");
    }

    @Test
    @Enforces({"APL-02"})
    void anAppealUpheldAfterTheRefusedReviewEndedStartsANewReviewLinkedToTheRefusedProduct() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁产品逾期申诉运营公司", XN_VISITORS);
        Scenario scenario = approvedScenario(op, XN_VISITORS);
        Actor developer = developerWithAccess(op, "咸宁产品逾期申诉开发公司");
        Product product = productSubmission.submit(form(scenario, "景区客流年报"), developer);
        long id = product.getId();
        String pid = product.getProcessInstanceId();
        awaitMessage(pid, ProductProcess.MESSAGE_OPERATOR_REVIEWED);
        productSubmission.operatorReview(id, new ProductOperatorReview(false, "未附样例数据"), operatorOf(op));
        awaitMessage(pid, ProductProcess.MESSAGE_APPEAL_UPHELD);
        Appeal appeal = appealSubmission.fileAgainstProduct(id, "样例数据已随开发方案提交", developer);
        // the appeal period passes while the authority decides: the refused review ends
        fireTimer(pid);
        assertThat(awaitEnd(pid)).isEqualTo(ProductProcess.END_REFUSED_BY_OPERATOR);

        decide(
                appeal.processInstanceId(),
                AppealProcess.TASK_DECIDE,
                AUTHORITY,
                Map.of("appealDecision", "uphold", "appealReason", "样例数据已提交，应重新审核"));
        assertThat(awaitEnd(appeal.processInstanceId())).isEqualTo(AppealProcess.END_UPHELD);

        // APL-02: a new product review, linked to the refused one, waits for the operator's review
        Product again = products.reviewedAgainFrom(id).orElseThrow();
        assertThat(again.getAppealOf()).isEqualTo(id);
        assertThat(again.getStatus()).isEqualTo(ProductStatus.IN_REVIEW);
        assertThat(again.getName()).isEqualTo("景区客流年报");
        assertThat(again.getDeveloperCreditCode()).isEqualTo(developer.creditCode());
        assertThat(products.resources(again.getId())).hasSize(1);
        awaitMessage(again.getProcessInstanceId(), ProductProcess.MESSAGE_OPERATOR_REVIEWED);
        assertThat(products.get(id).getStatus())
                .as("the refused product stays refused")
                .isEqualTo(ProductStatus.REJECTED);
        assertThat(appeals.get(appeal.id()).rerunSubject()).isEqualTo(Subjects.product(again.getId()));
        assertThat(onlyNotice(Notifications.operator(developer.creditCode()), "【申诉成立】咸宁产品逾期申诉开发公司")
                        .body())
                .contains("已作为新的申报重新交运营机构进行出域合规审核（" + Subjects.product(again.getId()) + "）");
    }

    private static ProductForm form(Scenario scenario, String name) {
        return new ProductForm(
                scenario.getId(),
                name,
                ProductCategory.REPORT,
                "面向公共治理的统计报告",
                List.of(XN_VISITORS),
                "在平台内按月聚合，形成统计报告；仅交付聚合结果",
                false,
                null,
                Purpose.PUBLIC_WELFARE,
                "按月聚合的统计结果",
                false,
                List.of(new ProductForm.CostItemInput(CostItem.INFRASTRUCTURE, new BigDecimal("1000"), null)),
                100L,
                BigDecimal.ZERO,
                "份",
                "开发利用主体自查：仅交付聚合结果",
                "开发利用主体合规负责人");
    }
}
