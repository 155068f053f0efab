package cn.pubdata.approval.datause;

import cn.pubdata.approval.calendar.Deadlines;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.util.Date;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Who reviews a data-use request and whether anything is left to grant: the data-use model's expressions. */
@Component("dataUseReviewers")
public class DataUseReviewers {

    private final DataUses dataUses;
    private final PolicyProfiles profiles;
    private final Deadlines deadlines;
    private final int appealPeriodWorkingDays;

    public DataUseReviewers(
            DataUses dataUses,
            PolicyProfiles profiles,
            Deadlines deadlines,
            @Value("${approval.appeal.period-working-days:15}") int appealPeriodWorkingDays) {
        this.dataUses = dataUses;
        this.profiles = profiles;
        this.deadlines = deadlines;
        this.appealPeriodWorkingDays = appealPeriodWorkingDays;
    }

    /** APL-01: whether the jurisdiction's profile lets the operator appeal a refused request (003). */
    public boolean appealable(String jurisdiction) {
        return profiles.of(jurisdiction).disputes() == PolicyProfile.Disputes.APPEALS;
    }

    /** How long a refused request waits for an appeal to reopen it; an appeal upheld later starts a new request. */
    public Date appealPeriodEnds() {
        return deadlines.workingDays(appealPeriodWorkingDays);
    }

    /** SCN-08: every provider unit with a line in the request, one task each. */
    public List<String> providerGroups(Number requestId) {
        return dataUses.providerGroups(requestId.longValue());
    }

    /** Whether any line is still standing after the consents so far. */
    public boolean linesLeft(Number requestId) {
        return dataUses.linesLeft(requestId.longValue());
    }

    /** SCN-09: whether a consented line is on data the province returned. */
    public boolean needsProvinceConsent(Number requestId) {
        return dataUses.needsProvinceConsent(requestId.longValue());
    }
}
