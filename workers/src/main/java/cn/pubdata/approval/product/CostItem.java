package cn.pubdata.approval.product;

/**
 * The kinds of cost an operator bears for a product (PRC-08): 004's infrastructure resource consumption, data
 * governance, model publishing, result export and security services; 002's platform connection and platform use.
 */
public enum CostItem {
    INFRASTRUCTURE("基础设施资源消耗"),
    DATA_GOVERNANCE("数据治理"),
    MODEL_PUBLISHING("模型发布"),
    RESULT_EXPORT("结果导出"),
    SECURITY_SERVICES("安全服务"),
    PLATFORM_CONNECTION("平台对接"),
    PLATFORM_USE("平台使用"),
    OTHER("其他");

    private final String label;

    CostItem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
