package cn.pubdata.approval.emergencyplan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An updated emergency plan the operator files for one of its agreements: the uploaded plan and what changed. */
public record EmergencyPlanForm(
        @NotNull(message = "请选择要更新应急预案的授权运营协议") Long agreementId,
        @NotNull(message = "请上传更新后的应急预案") Long documentId,

        @NotBlank(message = "请说明应急预案修订了哪些内容") @Size(max = 3900, message = "修订说明请控制在 3900 字以内")
        String changes) {}
