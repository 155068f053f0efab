package cn.pubdata.approval.product;

import cn.pubdata.approval.pricing.ProductCategory;
import cn.pubdata.approval.scenario.Purpose;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a product submission holds: the product, the approved scenario it serves and the resources of that scenario it
 * uses, its development plan (PRD-04), its AI model assessment where it is AI-based (PRD-10), what it delivers, its
 * costs (PRC-08), its fee and billing unit, and the operator's own out-of-domain compliance review (PRD-02).
 */
public record ProductForm(
        @NotNull(message = "请选择数据产品依托的应用场景（须已审核通过）") Long scenarioId,

        @NotBlank(message = "请填写产品名称") @Size(max = 200, message = "产品名称不超过200字")
        String name,

        @NotNull(message = "请选择产品类别：DATASET（数据集）、API（数据接口服务）、MODEL（模型）、REPORT（数据分析报告）或 APPLICATION（数据应用）")
        ProductCategory kind,

        @NotBlank(message = "请填写产品简介") @Size(max = 20000, message = "产品简介不超过20000字")
        String description,

        @NotEmpty(message = "请列出产品使用的数据资源（须在场景获同意的数据需求清单内）") @Size(max = 50, message = "一个产品使用的数据资源不超过50项")
        List<String> resources,

        @NotBlank(message = "请填写数据产品开发方案（PRD-04）：加工方式、使用场景和安全保障措施") @Size(max = 20000, message = "开发方案不超过20000字")
        String developmentPlan,

        @NotNull(message = "请选择产品是否基于人工智能模型") Boolean aiBased,

        @Size(max = 20000, message = "模型安全评估不超过20000字") String aiAssessment,

        @NotNull(message = "请选择产品用途：PUBLIC_WELFARE（公共治理、公益事业）或 INDUSTRY（产业发展、行业发展）")
        Purpose purpose,

        @NotBlank(message = "请写明交付物：使用方得到的是什么（如统计结果、核验结论、模型服务）") @Size(max = 2000, message = "交付物说明不超过2000字")
        String deliverable,

        @NotNull(message = "请说明交付物是否包含原始公共数据") Boolean rawData,

        @NotEmpty(message = "请逐项列出运营机构承担的成本（PRC-08）") @Size(max = 30, message = "成本项不超过30项") @Valid
        List<CostItemInput> costItems,

        @NotNull(message = "请填写预计年计费量") @Positive(message = "预计年计费量须大于0")
        Long expectedYearlyVolume,

        @NotNull(message = "请填写收费标准（元/计费单位；公益用途填0）")
        @DecimalMin(value = "0", message = "收费标准不能为负数")
        @Digits(integer = 12, fraction = 2, message = "收费标准精确到分（两位小数）")
        BigDecimal feeYuan,

        @NotBlank(message = "请填写计费单位，如“次”“条”“份”“年”") @Size(max = 20, message = "计费单位不超过20字")
        String feeUnit,

        @NotBlank(message = "请填写本单位的出域合规审核结论（PRD-02）") @Size(max = 20000, message = "出域合规审核结论不超过20000字")
        String complianceReview,

        @NotBlank(message = "请填写出域合规审核的审核人") @Size(max = 60, message = "审核人不超过60字")
        String complianceReviewer) {

    /** One cost the operator bears for the product, per year. */
    public record CostItemInput(
            @NotNull(message = "请选择成本类别") CostItem item,

            @NotNull(message = "请填写年度金额（元）")
            @DecimalMin(value = "0", message = "金额不能为负数")
            @Digits(integer = 12, fraction = 2, message = "金额精确到分（两位小数）")
            BigDecimal amountYuan,

            @Size(max = 200, message = "说明不超过200字") String note) {}
}
