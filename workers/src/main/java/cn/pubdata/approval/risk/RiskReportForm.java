package cn.pubdata.approval.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A risk the operator found while handling data requests (SCN-10): what it is, when it was found, the scenario it
 * concerns if any, and the first measures taken.
 */
public record RiskReportForm(
        @NotBlank(message = "请选择授权运营协议所在辖区") String jurisdiction,
        Long scenarioId,

        @NotBlank(message = "请描述发现的风险：涉及的数据、情形和可能的影响") @Size(max = 10000, message = "风险描述不超过10000字")
        String description,

        @NotNull(message = "请填写发现风险的日期") LocalDate foundOn,

        @NotBlank(message = "请写明已采取的初步处置措施（如已暂停相关数据处理）") @Size(max = 10000, message = "处置措施不超过10000字")
        String measures) {}
