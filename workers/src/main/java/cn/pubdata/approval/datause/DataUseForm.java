package cn.pubdata.approval.datause;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A data-use request (数据需求申请) under an approved scenario: which lines of its approved demand list the operator
 * wants to use now (by their numbers in the list), for what purpose and for which period.
 */
public record DataUseForm(
        @NotNull(message = "请选择已通过审核的场景") Long scenarioId,

        @NotBlank(message = "请写明本次使用数据的目的") @Size(max = 2000, message = "使用目的不超过2000字")
        String purpose,

        @NotNull(message = "请填写使用期限的开始日期") LocalDate periodFrom,
        @NotNull(message = "请填写使用期限的结束日期") LocalDate periodTo,

        @NotEmpty(message = "请至少选择场景数据需求清单中的一项") @Size(max = 50, message = "一次申请不超过50项数据需求")
        List<Integer> lineNos) {}
