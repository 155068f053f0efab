package cn.pubdata.approval.quality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A data-quality issue (errors, omissions) the operator raises against one line of its approved scenario. */
public record QualityIssueForm(
        @NotNull(message = "请选择已通过审核的场景") Long scenarioId,
        @NotNull(message = "请选择存在质量问题的数据需求") Integer lineNo,

        @NotBlank(message = "请描述数据质量问题：哪些数据有错误或缺漏，如何影响场景使用") @Size(max = 5000, message = "问题描述不超过5000字")
        String description) {}
