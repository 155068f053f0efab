package cn.pubdata.approval.catalog;

/**
 * A public data resource of the catalog: its jurisdiction and the unit that provides it, its grade, its open
 * condition (CAT-01: 无条件 OPEN, 有条件 CONDITIONAL, 禁止开放 PROHIBITED) and whether the province returned it (CAT-15).
 */
public record CatalogResource(
        String code,
        String name,
        String jurisdiction,
        String providerCode,
        String providerName,
        String providerGroup,
        String openCondition,
        int grade,
        boolean provinceReturned,
        String description) {

    public boolean prohibited() {
        return "PROHIBITED".equals(openCondition);
    }

    public static String openConditionLabel(String openCondition) {
        return switch (openCondition) {
            case "OPEN" -> "无条件开放";
            case "CONDITIONAL" -> "有条件开放";
            case "PROHIBITED" -> "禁止开放";
            default -> openCondition;
        };
    }
}
