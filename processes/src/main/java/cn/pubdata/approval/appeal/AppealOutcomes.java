package cn.pubdata.approval.appeal;

import cn.pubdata.approval.datause.DataUseProcess;
import cn.pubdata.approval.datause.DataUseRequest;
import cn.pubdata.approval.datause.DataUseSubmission;
import cn.pubdata.approval.datause.DataUses;
import cn.pubdata.approval.developer.DeveloperApplication;
import cn.pubdata.approval.developer.DeveloperSubmission;
import cn.pubdata.approval.developer.Developers;
import cn.pubdata.approval.product.Product;
import cn.pubdata.approval.product.ProductProcess;
import cn.pubdata.approval.product.ProductSubmission;
import cn.pubdata.approval.product.Products;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * APL-02: an upheld appeal re-runs the contested step. If the contested instance still waits after its refusal, it is
 * reopened by message and does the step again; if it has ended, a new instance of that review starts, linked to the
 * refused one.
 */
@Component("appealOutcomes")
public class AppealOutcomes {

    private final Appeals appeals;
    private final Developers developers;
    private final DeveloperSubmission developerSubmission;
    private final DataUses dataUses;
    private final DataUseSubmission dataUseSubmission;
    private final Products products;
    private final ProductSubmission productSubmission;
    private final OpenSteps steps;

    public AppealOutcomes(
            Appeals appeals,
            Developers developers,
            DeveloperSubmission developerSubmission,
            DataUses dataUses,
            DataUseSubmission dataUseSubmission,
            Products products,
            ProductSubmission productSubmission,
            OpenSteps steps) {
        this.appeals = appeals;
        this.developers = developers;
        this.developerSubmission = developerSubmission;
        this.dataUses = dataUses;
        this.dataUseSubmission = dataUseSubmission;
        this.products = products;
        this.productSubmission = productSubmission;
        this.steps = steps;
    }

    public void rerun(DelegateExecution execution) {
        Appeal appeal = appeals.get(((Number) execution.getVariable("appealId")).longValue());
        String rerun = switch (appeal.kind()) {
            case DEVELOPER_REFUSAL -> developerReviewAgain(appeal);
            case DATA_USE_REFUSAL, SUPPLY_OBJECTION -> dataUseReviewAgain(appeal);
            case PRODUCT_REFUSAL -> productReviewAgain(appeal);
        };
        appeals.rerunAs(appeal.id(), rerun);
    }

    /** A refusal to join ends its instance: the operator's review starts again in a new, linked instance. */
    private String developerReviewAgain(Appeal appeal) {
        long refused = appeals.contestedApplication(appeal);
        DeveloperApplication again = developers
                .reopenedFrom(refused)
                .orElseGet(() -> developerSubmission.startReview(developers.reopenForAppeal(refused, appeal.id())));
        return Subjects.developerApplication(again.id());
    }

    /**
     * A developer's product the operator's review refused: reviewed again by the operator in its own instance while it
     * waits out its appeal period, otherwise as a new product review linked to the refused one.
     */
    private String productReviewAgain(Appeal appeal) {
        long refusedId = appeals.contestedProduct(appeal);
        Product refused = products.get(refusedId);
        String appealSubject = Subjects.appeal(appeal.id());
        if (steps.waitsFor(refused.getProcessInstanceId(), ProductProcess.MESSAGE_APPEAL_UPHELD)) {
            productSubmission.reviewAgain(refused, appealSubject);
            return Subjects.product(refusedId);
        }
        Product again = products.reviewedAgainFrom(refusedId)
                .orElseGet(() -> productSubmission.startReview(products.registerAgain(refusedId, appealSubject)));
        return Subjects.product(again.getId());
    }

    /**
     * A refused data-use request whose instance still waits in its appeal period is reviewed again in that instance;
     * otherwise the contested lines go to review as a new request linked to the refused one.
     */
    private String dataUseReviewAgain(Appeal appeal) {
        long refusedId = appeals.contestedRequest(appeal);
        DataUseRequest refused = dataUses.get(refusedId);
        String appealSubject = Subjects.appeal(appeal.id());
        if (appeal.kind() == Appeal.Kind.DATA_USE_REFUSAL
                && steps.waitsFor(refused.getProcessInstanceId(), DataUseProcess.MESSAGE_APPEAL_UPHELD)) {
            dataUseSubmission.reviewAgain(refused, appealSubject, appeal.word());
            return Subjects.dataUse(refusedId);
        }
        DataUseRequest again = dataUses.reviewedAgainFrom(refusedId)
                .orElseGet(() -> dataUseSubmission.startReview(dataUses.registerAgain(
                        refusedId, appeals.contestedLines(appeal), appealSubject, appeal.word())));
        return Subjects.dataUse(again.getId());
    }
}
