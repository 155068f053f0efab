package cn.pubdata.approval.developer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The operator's partner conditions (DEV-01) and its developers' onboarding, management and exit rules (DEV-02). */
public record PartnerRulesForm(
        @NotBlank(message = "请选择授权运营协议所在辖区") String jurisdiction,

        @NotBlank(message = "请写明合伙人（开发利用主体）的准入条件") @Size(max = 3900, message = "准入条件不超过3900字")
        String partnerConditions,

        @NotBlank(message = "请写明开发利用主体入驻、管理和退出的规则") @Size(max = 3900, message = "管理规则不超过3900字")
        String managementRules) {}
