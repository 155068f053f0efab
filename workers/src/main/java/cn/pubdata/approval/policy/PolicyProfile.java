package cn.pubdata.approval.policy;

import java.util.List;

/** One jurisdiction's settings for the rules where the seeds differ (rules.md "Per-jurisdiction settings"). */
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
        List<String> strictest) {

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
