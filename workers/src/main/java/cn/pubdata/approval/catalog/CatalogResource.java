package cn.pubdata.approval.catalog;

/** A public data resource of the catalog with the unit that provides it (CAT-04) and its open condition (CAT-01). */
public record CatalogResource(
        String code,
        String name,
        String providerCode,
        String providerName,
        String providerGroup,
        String openCondition) {

    public boolean prohibited() {
        return "PROHIBITED".equals(openCondition);
    }
}
