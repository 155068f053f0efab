package cn.pubdata.approval.datause;

import cn.pubdata.approval.review.ReviewedLine;
import cn.pubdata.approval.scenario.ScenarioLine.Consent;
import cn.pubdata.approval.scenario.ScenarioLine.Frequency;
import cn.pubdata.approval.scenario.ScenarioLine.Usage;

/**
 * One line of a data-use request: the scenario's approved demand line of the same number, and the consents its use
 * needs now: its provider's (SCN-08) and, for data the province returned, the provincial authority's (SCN-09).
 */
public record DataUseLine(
        long requestId,
        int lineNo,
        String resourceCode,
        String resourceName,
        String providerGroup,
        String providerName,
        boolean provinceReturned,
        String fields,
        Usage usage,
        Frequency frequency,
        Consent providerConsent,
        String providerReason,
        Consent provinceConsent,
        String provinceReason)
        implements ReviewedLine {

    /** Consented by its provider and, where needed, by the province: the line's data may be granted. */
    public boolean consented() {
        return providerConsent == Consent.CONSENTED
                && (provinceConsent == null || provinceConsent == Consent.CONSENTED);
    }

    /** Nobody refused it so far. */
    public boolean standing() {
        return providerConsent != Consent.REFUSED && provinceConsent != Consent.REFUSED;
    }

    /** Still waits for the province: consented by its provider, on returned data, not yet decided by the province. */
    public boolean awaitsProvince() {
        return providerConsent == Consent.CONSENTED && provinceConsent == Consent.PENDING;
    }

    /** "1. 企业信用信息（市发改委）：字段 …；用途 …；频率 …" */
    public String describe() {
        return lineNo + ". " + resourceName + "（" + providerName + (provinceReturned ? "，省回流数据" : "") + "）：字段 " + fields
                + "；用途 " + usage.label() + "；频率 " + frequency.label();
    }

    /** The consents so far, as the authority's form and the operator's progress show them. */
    public String state() {
        if (providerConsent == Consent.REFUSED) {
            return "提供单位不同意：" + providerReason;
        }
        if (provinceConsent == Consent.REFUSED) {
            return "省公共数据主管部门不同意：" + provinceReason;
        }
        if (consented()) {
            return "已同意";
        }
        return awaitsProvince() ? "待省公共数据主管部门同意" : "待提供单位审核";
    }
}
