package cn.pubdata.approval.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the operator files (EVAL-01): the year's data demand, data use, the benefits produced and data security, with
 * its figures — revenue (for the revenue ledger), scenarios, products, incidents and drills — and documents. A
 * security report (EVAL-08) needs only the security part and the incidents and drills.
 */
public record EvaluationReport(
        String dataDemand,
        String dataUse,
        String benefits,
        String security,
        BigDecimal revenueYuan,
        Integer scenarioCount,
        Integer productCount,
        Integer incidentCount,
        Integer drillCount,
        List<Long> documentIds) {

    public List<Long> documents() {
        return documentIds == null ? List.of() : documentIds;
    }
}
