package cn.pubdata.approval.scenario;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What a scenario submission holds (SCN-01, SCN-03): the scenario with its construction plan and risk assessment, and
 * its data-demand list. {@code operatorCreditCode} names the operator when a provider unit proposes it (SCN-11); an
 * operator and its partner submit for their own company.
 */
public record ScenarioForm(
        @NotBlank(message = "请选择授权运营协议所在辖区") String jurisdiction,
        String operatorCreditCode,

        @NotBlank(message = "请填写场景名称") @Size(max = 200, message = "场景名称不超过200字")
        String name,

        @NotBlank(message = "请选择场景所属领域（可选“其他”并填写）") @Size(max = 60, message = "领域不超过60字")
        String domain,

        @NotNull(message = "请选择场景用途：PUBLIC_WELFARE（公共治理、公益事业）或 INDUSTRY（产业发展、行业发展）")
        Purpose purpose,

        @NotBlank(message = "请填写场景建设方案（SCN-01）") @Size(max = 20000, message = "场景建设方案不超过20000字")
        String constructionPlan,

        @NotBlank(message = "请填写风险评估（SCN-01）：个人隐私和公共安全如何保障") @Size(max = 20000, message = "风险评估不超过20000字")
        String riskAssessment,

        @NotBlank(message = "请填写安全保障措施") @Size(max = 20000, message = "安全保障措施不超过20000字")
        String securityMeasures,

        @NotEmpty(message = "请至少列出一项数据需求（SCN-03）") @Size(max = 50, message = "一个场景的数据需求清单不超过50项") @Valid
        List<LineInput> lines) {

    public record LineInput(
            @NotBlank(message = "请选择目录中的数据资源") String resourceCode,

            @NotBlank(message = "请写明需要的字段") @Size(max = 1000, message = "字段说明不超过1000字")
            String fields,

            @NotNull(message = "请选择数据用途") ScenarioLine.Usage usage,
            @NotNull(message = "请选择使用频率") ScenarioLine.Frequency frequency,
            @NotNull(message = "请填写使用期限的开始日期") LocalDate periodFrom,
            @NotNull(message = "请填写使用期限的结束日期") LocalDate periodTo) {}

    /** The same scenario placed in a jurisdiction (a scenario of an admission application is in its announcement's). */
    public ScenarioForm inJurisdiction(String jurisdiction) {
        return new ScenarioForm(
                jurisdiction,
                operatorCreditCode,
                name,
                domain,
                purpose,
                constructionPlan,
                riskAssessment,
                securityMeasures,
                lines);
    }
}
