package cn.pubdata.approval.product;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.Clock;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators and their partners do to a product review: submit, supplement after a 补正, withdraw. Each stores
 * the domain change and moves the process in one transaction: both or neither.
 */
@Service
public class ProductSubmission {

    private final Products products;
    private final RuntimeService runtime;
    private final Timeline timeline;
    private final OpenSteps steps;
    private final Clock clock;

    public ProductSubmission(
            Products products, RuntimeService runtime, Timeline timeline, OpenSteps steps, Clock clock) {
        this.products = products;
        this.runtime = runtime;
        this.timeline = timeline;
        this.steps = steps;
        this.clock = clock;
    }

    @Transactional
    public Product submit(ProductForm form, Actor actor) {
        return startReview(products.register(form, actor));
    }

    /** Starts the review of a stored product (a new one, or one an upheld appeal registered again). */
    @Transactional
    public Product startReview(Product product) {
        runtime.startProcessInstanceByKey(
                ProductProcess.KEY, Subjects.product(product.getId()), Map.of("productId", product.getId()));
        return products.get(product.getId());
    }

    /** PRD-02 (003): the operator's out-of-domain compliance review of its developer's product, while it waits for it. */
    @Transactional
    public Product operatorReview(long id, ProductOperatorReview review, Actor actor) {
        Product reviewed = products.recordOperatorReview(id, review, actor);
        if (!steps.waitsFor(reviewed.getProcessInstanceId(), ProductProcess.MESSAGE_OPERATOR_REVIEWED)) {
            // rolls the recorded review back
            throw Problem.conflict("该数据产品当前不在运营机构出域合规审核环节");
        }
        runtime.createMessageCorrelation(ProductProcess.MESSAGE_OPERATOR_REVIEWED)
                .processInstanceId(reviewed.getProcessInstanceId())
                .setVariable("operatorReviewPassed", Boolean.TRUE.equals(review.pass()))
                .setVariable("operatorReviewReason", review.reason().trim())
                .setVariables(products.facts(reviewed))
                .correlate();
        return products.get(id);
    }

    /** APL-02: an upheld appeal reopens a refused product still waiting out its appeal period. */
    @Transactional
    public void reviewAgain(Product refused, String appealSubject) {
        products.reviewAgain(refused.getId(), appealSubject);
        runtime.createMessageCorrelation(ProductProcess.MESSAGE_APPEAL_UPHELD)
                .processInstanceId(refused.getProcessInstanceId())
                .correlate();
    }

    @Transactional
    public Product supplement(long id, ProductForm form, Actor actor) {
        Product current = products.getOf(id, actor);
        if (!steps.waitsFor(current.getProcessInstanceId(), ProductProcess.MESSAGE_SUPPLEMENT_SUBMITTED)) {
            throw Problem.conflict("该数据产品当前无需补正：只有在被退回补正、且补正期限未过时才能提交补正材料");
        }
        Product product = products.supplement(id, form, actor);
        timeline.record(
                Subjects.product(id),
                "提交补正材料",
                null,
                actor.label(),
                "supplement:" + Subjects.product(id) + ":" + clock.millis());
        runtime.createMessageCorrelation(ProductProcess.MESSAGE_SUPPLEMENT_SUBMITTED)
                .processInstanceId(product.getProcessInstanceId())
                .setVariables(products.facts(product))
                .correlate();
        return product;
    }

    @Transactional
    public void withdraw(long id, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "请写明撤回理由");
        }
        if (actor.kind() != Actor.Kind.OPERATOR && actor.kind() != Actor.Kind.PARTNER) {
            throw Problem.invalid("actor", "只有申报的运营机构（或其合伙人）可以撤回数据产品申报");
        }
        Product product = products.getOf(id, actor);
        if (product.getStatus() != ProductStatus.IN_REVIEW) {
            throw Problem.conflict("数据产品申报已结束（" + product.getStatus().label() + "），不能撤回");
        }
        timeline.record(
                Subjects.product(id), "撤回数据产品申报", reason.trim(), actor.label(), "withdraw:" + Subjects.product(id));
        runtime.createMessageCorrelation(ProductProcess.MESSAGE_WITHDRAWN)
                .processInstanceId(product.getProcessInstanceId())
                .setVariable("withdrawalReason", reason.trim())
                .correlate();
    }
}
