package cn.pubdata.approval.scenario;

import cn.pubdata.approval.review.ReviewedLine;
import java.time.LocalDate;

/**
 * One line of a scenario's data-demand list (SCN-03): a catalog resource, the fields wanted, their use, frequency and
 * period, and the consents it needs: its provider's (SCN-04, CAT-03) and, for data the province returned, the
 * provincial authority's (SCN-09).
 */
public record ScenarioLine(
        long scenarioId,
        int lineNo,
        String resourceCode,
        String resourceName,
        String providerGroup,
        String providerName,
        boolean provinceReturned,
        String fields,
        Usage usage,
        Frequency frequency,
        LocalDate periodFrom,
        LocalDate periodTo,
        Consent providerConsent,
        String providerReason,
        Consent provinceConsent,
        String provinceReason,
        String suspendedReason)
        implements ReviewedLine {

    public enum Consent {
        PENDING,
        CONSENTED,
        REFUSED
    }

    public enum Usage {
        QUERY("查询"),
        VERIFICATION("核验"),
        STATISTICS("统计分析"),
        MODEL_TRAINING("模型训练"),
        JOINT_MODELING("联合建模"),
        OTHER("其他");

        private final String label;

        Usage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Frequency {
        ONCE("一次性"),
        REAL_TIME("实时"),
        DAILY("每日"),
        WEEKLY("每周"),
        MONTHLY("每月"),
        QUARTERLY("每季度"),
        YEARLY("每年");

        private final String label;

        Frequency(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** In the approved list: consented by its provider, by the province where needed, and not suspended since. */
    public boolean approved() {
        return providerConsent == Consent.CONSENTED
                && (provinceConsent == null || provinceConsent == Consent.CONSENTED)
                && suspendedReason == null;
    }

    /** Still in the list while the review runs: nobody refused it. */
    public boolean standing() {
        return providerConsent != Consent.REFUSED && provinceConsent != Consent.REFUSED && suspendedReason == null;
    }

    /** "1. 企业信用信息（市发改委）：字段 …；用途 …；频率 …；期限 …" */
    public String describe() {
        return lineNo + ". " + resourceName + "（" + providerName + (provinceReturned ? "，省回流数据" : "") + "）：字段 " + fields
                + "；用途 " + usage.label() + "；频率 " + frequency.label() + "；期限 " + periodFrom + " 至 " + periodTo;
    }
}
