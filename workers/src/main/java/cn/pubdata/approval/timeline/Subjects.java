package cn.pubdata.approval.timeline;

/**
 * The key that names one subject of the system everywhere: its timeline, its review opinions, its notices' dedupe keys
 * and the business key of its process instance.
 */
public final class Subjects {

    private Subjects() {}

    public static String admission(long applicationId) {
        return "ADM-" + applicationId;
    }

    public static String scenario(long scenarioId) {
        return "SCN-" + scenarioId;
    }

    public static String dataUse(long requestId) {
        return "DUR-" + requestId;
    }

    public static String qualityIssue(long issueId) {
        return "DQI-" + issueId;
    }

    public static String riskReport(long reportId) {
        return "RSK-" + reportId;
    }

    public static String product(long productId) {
        return "PRD-" + productId;
    }

    public static String agreement(long agreementId) {
        return "AGR-" + agreementId;
    }

    public static String evaluation(long evaluationId) {
        return "EVA-" + evaluationId;
    }

    public static String rectification(long rectificationId) {
        return "RCT-" + rectificationId;
    }

    public static String inspection(long inspectionId) {
        return "INS-" + inspectionId;
    }

    public static String exit(long exitId) {
        return "EXT-" + exitId;
    }

    public static String partnerRules(long rulesId) {
        return "PTR-" + rulesId;
    }

    public static String developerApplication(long applicationId) {
        return "DVA-" + applicationId;
    }

    public static String emergencyPlan(long planId) {
        return "EPL-" + planId;
    }

    public static String appeal(long appealId) {
        return "APP-" + appealId;
    }

    /** The audit log's own subjects: records no operator's timeline lists, kept for 存证溯源. */
    public static String document(long documentId) {
        return "DOC-" + documentId;
    }

    public static String policyProfile(String jurisdiction) {
        return "POL-" + jurisdiction;
    }

    public static String permissions(long applicationId) {
        return "PRM-" + applicationId;
    }

    public static String agreementState(long agreementId) {
        return "STA-" + agreementId;
    }
}
