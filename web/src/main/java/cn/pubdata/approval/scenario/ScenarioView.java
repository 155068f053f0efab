package cn.pubdata.approval.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

record ScenarioView(
        long id,
        String jurisdiction,
        String creditCode,
        String companyName,
        String name,
        String domain,
        Purpose purpose,
        String purposeLabel,
        String constructionPlan,
        String riskAssessment,
        String securityMeasures,
        Scenario.SubmitterRole submitterRole,
        ScenarioStatus status,
        String statusLabel,
        String outcomeReason,
        Instant submittedAt,
        Instant publishedAt,
        List<Line> lines) {

    record Line(
            int lineNo,
            String resourceCode,
            String resourceName,
            String providerName,
            boolean provinceReturned,
            String fields,
            ScenarioLine.Usage usage,
            ScenarioLine.Frequency frequency,
            LocalDate periodFrom,
            LocalDate periodTo,
            boolean approved) {}

    static ScenarioView of(Scenario s, List<ScenarioLine> lines) {
        return new ScenarioView(
                s.getId(),
                s.getJurisdiction(),
                s.getCreditCode(),
                s.getCompanyName(),
                s.getName(),
                s.getDomain(),
                s.getPurpose(),
                s.getPurpose().label(),
                s.getConstructionPlan(),
                s.getRiskAssessment(),
                s.getSecurityMeasures(),
                s.getSubmitterRole(),
                s.getStatus(),
                s.getStatus().label(),
                s.getOutcomeReason(),
                s.getSubmittedAt(),
                s.getPublishedAt(),
                lines.stream()
                        .map(l -> new Line(
                                l.lineNo(),
                                l.resourceCode(),
                                l.resourceName(),
                                l.providerName(),
                                l.provinceReturned(),
                                l.fields(),
                                l.usage(),
                                l.frequency(),
                                l.periodFrom(),
                                l.periodTo(),
                                l.approved()))
                        .toList());
    }
}
