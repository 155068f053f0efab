package cn.pubdata.approval.catalog;

import java.time.LocalDate;

/** A signed authorization agreement (ADM-14) with the term its jurisdiction's profile allows (ADM-15, ADM-16). */
public record Agreement(
        long id,
        long applicationId,
        String agreementNo,
        String jurisdiction,
        String creditCode,
        String scope,
        LocalDate signedOn,
        int trialMonths,
        int termMonths,
        LocalDate startsOn,
        LocalDate endsOn,
        String filingNo) {

    /** The last day of the agreement: trial period plus term, counted from signing. */
    public static LocalDate endOf(LocalDate signedOn, int trialMonths, int termMonths) {
        return signedOn.plusMonths(trialMonths + (long) termMonths).minusDays(1);
    }
}
