package cn.pubdata.approval.developer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A provider unit recommends a partner (DEV-10): to which operator, which company, why. */
public record RecommendationForm(
        @NotBlank(message = "请选择辖区") String jurisdiction,
        @NotBlank(message = "请选择被推荐加入的运营机构") String operatorCreditCode,
        @NotBlank(message = "请填写被推荐单位的统一社会信用代码") String developerCreditCode,

        @NotBlank(message = "请填写被推荐单位名称") @Size(max = 200, message = "单位名称不超过200字")
        String developerName,

        @NotBlank(message = "请写明推荐理由") @Size(max = 2000, message = "推荐理由不超过2000字")
        String reason) {}
