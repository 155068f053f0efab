package cn.pubdata.approval.policy;

import java.util.List;

/**
 * One jurisdiction's settings for the rules where the seeds differ (the per-jurisdiction settings of the rules
 * catalogue). Each value cites its clause in {@code policy/profiles.yaml}; a value the text is silent on takes the
 * strictest one used elsewhere and is listed under {@code strictest}.
 */
public record PolicyProfile(
        String code,
        String name,
        String seed,
        int agreementTermMonths,
        boolean termFixed,
        int maxTrialMonths,
        List<String> coordinationGroups,
        String provincialFiling,
        int securityReviewValidityMonths,
        List<ProviderUnitSetting> providerUnits,
        List<String> priorityDomains,
        List<String> admissionCriteria,
        boolean scenarioReviewInAdmission,
        boolean networkSecurityReview,
        int dataQualityFixWorkingDays,
        boolean productReviewByOperator,
        boolean priceCeilings,
        String productRegistration,
        List<String> strictest) {

    /** A data provider unit of the jurisdiction and the realm group its reviewers belong to. */
    public record ProviderUnitSetting(String code, String name, String group) {}

    PolicyProfile withCode(String code) {
        return new PolicyProfile(
                code,
                name,
                seed,
                agreementTermMonths,
                termFixed,
                maxTrialMonths,
                List.copyOf(coordinationGroups),
                provincialFiling,
                securityReviewValidityMonths,
                List.copyOf(providerUnits),
                List.copyOf(priorityDomains),
                List.copyOf(admissionCriteria),
                scenarioReviewInAdmission,
                networkSecurityReview,
                dataQualityFixWorkingDays,
                productReviewByOperator,
                priceCeilings,
                productRegistration,
                List.copyOf(strictest));
    }

    /** ADM-15 and ADM-16: the term an agreement may take in this jurisdiction. */
    public void checkAgreementTerm(int termMonths, int trialMonths) {
        if (termFixed && termMonths != agreementTermMonths) {
            throw new IllegalArgumentException(
                    name + "授权运营协议期限为 " + agreementTermMonths + " 个月（ADM-15），不能填写 " + termMonths);
        }
        if (!termFixed && (termMonths < 1 || termMonths > agreementTermMonths)) {
            throw new IllegalArgumentException(
                    name + "授权运营协议期限最长 " + agreementTermMonths + " 个月（ADM-15），不能填写 " + termMonths);
        }
        if (trialMonths < 0 || trialMonths > maxTrialMonths) {
            throw new IllegalArgumentException(
                    maxTrialMonths == 0
                            ? name + "不设试运营期（ADM-16）"
                            : "试运营期不得超过 " + maxTrialMonths + " 个月（ADM-16），不能填写 " + trialMonths);
        }
    }
}
