package cn.pubdata.approval.product;

import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.pricing.ProductCategory;
import cn.pubdata.approval.scenario.Purpose;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

record ProductView(
        long id,
        long scenarioId,
        String jurisdiction,
        String creditCode,
        String companyName,
        String name,
        ProductCategory kind,
        String description,
        Purpose purpose,
        BigDecimal feeYuan,
        String feeUnit,
        String price,
        ProductStatus status,
        String statusLabel,
        String outcomeReason,
        Instant submittedAt,
        Instant listedAt,
        List<String> resources,
        String developerCreditCode,
        String developerName,
        Boolean operatorReviewPassed,
        String operatorReviewReason,
        Long appealOf) {

    static ProductView of(Product p, Products products) {
        return new ProductView(
                p.getId(),
                p.getScenarioId(),
                p.getJurisdiction(),
                p.getCreditCode(),
                p.getCompanyName(),
                p.getName(),
                p.getKind(),
                p.getDescription(),
                p.getPurpose(),
                p.getFeeYuan(),
                p.getFeeUnit(),
                Products.priceText(p),
                p.getStatus(),
                p.getStatus().label(),
                p.getStatus() == ProductStatus.DELISTED ? p.getDelistingReason() : p.getOutcomeReason(),
                p.getSubmittedAt(),
                p.getListedAt(),
                products.resources(p.getId()).stream()
                        .map(CatalogResource::name)
                        .toList(),
                p.getDeveloperCreditCode(),
                p.getDeveloperName(),
                p.getOperatorReviewPassed(),
                p.getOperatorReviewReason(),
                p.getAppealOf());
    }
}
