package cn.pubdata.approval.product;

import cn.pubdata.approval.calendar.Deadlines;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What the product model's gateways ask: the product model's expressions. */
@Component("productReviewers")
public class ProductReviewers {

    private final PolicyProfiles profiles;
    private final Deadlines deadlines;
    private final int appealPeriodWorkingDays;

    public ProductReviewers(
            PolicyProfiles profiles,
            Deadlines deadlines,
            @Value("${approval.appeal.period-working-days:15}") int appealPeriodWorkingDays) {
        this.profiles = profiles;
        this.deadlines = deadlines;
        this.appealPeriodWorkingDays = appealPeriodWorkingDays;
    }

    /** PRD-02: whether the operator's filed compliance review replaces the authority's review here (003). */
    public boolean reviewByOperator(String jurisdiction) {
        return profiles.of(jurisdiction).productReviewByOperator();
    }

    /** PRC-02 PRC-04: whether an industry fee here is a government-guided price under a category ceiling (001). */
    public boolean priceCeilings(String jurisdiction) {
        return profiles.of(jurisdiction).priceCeilings();
    }

    /**
     * APL-01: how long a product the operator's review refused waits for an appeal to reopen it; an appeal upheld
     * later starts a new review linked to it.
     */
    public Date appealPeriodEnds() {
        return deadlines.workingDays(appealPeriodWorkingDays);
    }
}
