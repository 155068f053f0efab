package cn.pubdata.approval.datause;

import java.util.List;
import org.springframework.stereotype.Component;

/** Who reviews a data-use request and whether anything is left to grant: the data-use model's expressions. */
@Component("dataUseReviewers")
public class DataUseReviewers {

    private final DataUses dataUses;

    public DataUseReviewers(DataUses dataUses) {
        this.dataUses = dataUses;
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
