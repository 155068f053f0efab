package cn.pubdata.approval.product;

import cn.pubdata.approval.policy.PolicyProfiles;
import org.springframework.stereotype.Component;

/** What the product model's gateways ask: the product model's expressions. */
@Component("productReviewers")
public class ProductReviewers {

    private final PolicyProfiles profiles;

    public ProductReviewers(PolicyProfiles profiles) {
        this.profiles = profiles;
    }

    /** PRD-02: whether the operator's filed compliance review replaces the authority's review here (003). */
    public boolean reviewByOperator(String jurisdiction) {
        return profiles.of(jurisdiction).productReviewByOperator();
    }

    /** PRC-02 PRC-04: whether an industry fee here is a government-guided price under a category ceiling (001). */
    public boolean priceCeilings(String jurisdiction) {
        return profiles.of(jurisdiction).priceCeilings();
    }
}
