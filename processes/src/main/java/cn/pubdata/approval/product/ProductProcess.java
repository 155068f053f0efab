package cn.pubdata.approval.product;

/** Names of the product model that code outside it uses: process key, messages, and its element ids. */
public final class ProductProcess {

    public static final String KEY = "product";
    public static final String MESSAGE_SUPPLEMENT_SUBMITTED = "ProductSupplementSubmitted";
    public static final String MESSAGE_WITHDRAWN = "ProductWithdrawn";
    public static final String MESSAGE_OPERATOR_REVIEWED = "ProductOperatorReviewed";
    public static final String MESSAGE_APPEAL_UPHELD = "ProductAppealUpheld";

    public static final String FILE_COMPLIANCE_REVIEW = "ServiceTask_FileComplianceReview";
    public static final String WAIT_OPERATOR_REVIEW = "ReceiveTask_OperatorReview";
    public static final String WAIT_APPEAL = "Gateway_AppealPeriod";
    public static final String END_REFUSED_BY_OPERATOR = "EndEvent_RefusedByOperator";
    public static final String TASK_SECURITY_REVIEW = "UserTask_SecurityReview";
    public static final String TASK_EXPERT_REVIEW = "UserTask_ExpertReview";
    public static final String TASK_PRICE_CHECK = "UserTask_PriceCheck";
    public static final String WAIT_SUPPLEMENT = "Gateway_AwaitSupplement";
    public static final String TASK_REGISTER = "UserTask_Register";
    public static final String LIST_PRODUCT = "ServiceTask_ListProduct";
    public static final String PUBLISH_PRODUCT = "ServiceTask_PublishProduct";

    private ProductProcess() {}
}
