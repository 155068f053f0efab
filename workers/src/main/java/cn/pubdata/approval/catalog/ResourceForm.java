package cn.pubdata.approval.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A resource the authority adds to its jurisdiction's catalog. */
public record ResourceForm(
        @NotBlank(message = "请填写资源编码")
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{2,59}$", message = "资源编码由小写字母、数字和连字符组成，3至60位，如 xc-wjj-clinics")
        String code,

        @NotBlank(message = "请填写资源名称") @Size(max = 200, message = "资源名称不超过200字")
        String name,

        @NotBlank(message = "请选择辖区") String jurisdiction,
        @NotBlank(message = "请选择数据提供单位") String providerCode,

        @NotBlank(message = "请选择开放条件：OPEN（无条件开放）、CONDITIONAL（有条件开放）或 PROHIBITED（禁止开放）")
        @Pattern(regexp = "OPEN|CONDITIONAL|PROHIBITED", message = "开放条件只能是 OPEN、CONDITIONAL 或 PROHIBITED")
        String openCondition,

        @NotNull(message = "请选择数据分级（1至4级）")
        @Min(value = 1, message = "数据分级为1至4级")
        @Max(value = 4, message = "数据分级为1至4级")
        Integer grade,

        boolean provinceReturned,
        @Size(max = 2000, message = "说明不超过2000字") String description) {}
