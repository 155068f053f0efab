package cn.pubdata.approval.developer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A developer company applies to join an operator's platform: its capability, its declaration of no network or data
 * security incident in the last 3 years (DEV-04) and the staff who will work on the platform (DEV-08).
 */
public record DeveloperApplicationForm(
        @NotBlank(message = "请选择运营机构所在辖区") String jurisdiction,

        @NotBlank(message = "请选择申请入驻的运营机构") String operatorCreditCode,

        @NotBlank(message = "请说明数据管理和安全保障能力、经营状况和商业信誉") @Size(max = 3900, message = "能力说明不超过3900字")
        String capability,

        @NotNull(message = "请确认近3年未发生网络安全、数据安全事件的声明") Boolean noIncidentDeclared,

        @NotEmpty(message = "请填写参与开发的人员名单") @Size(max = 50, message = "人员名单不超过50人") @Valid
        List<StaffMember> staff) {

    /** One person of the developer's staff; only the last four characters of the ID number are kept. */
    public record StaffMember(
            @NotBlank(message = "请填写姓名") @Size(max = 100, message = "姓名不超过100字")
            String name,

            @NotBlank(message = "请填写身份证号后四位") @Pattern(regexp = "[0-9]{3}[0-9Xx]", message = "身份证号后四位为3位数字加1位数字或X")
            String idNumberTail,

            @NotBlank(message = "请填写岗位职责") @Size(max = 200, message = "岗位职责不超过200字")
            String duty) {}
}
