package cn.pubdata.approval.pricing;

/** The kinds of data product and service; the price authority sets one ceiling per kind for each operator. */
public enum ProductCategory {
    DATASET("数据集"),
    API("数据接口服务"),
    MODEL("模型"),
    REPORT("数据分析报告"),
    APPLICATION("数据应用");

    private final String label;

    ProductCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
