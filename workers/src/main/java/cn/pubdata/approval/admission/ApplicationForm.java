package cn.pubdata.approval.admission;

import cn.pubdata.approval.admission.AdmissionApplication.DocumentKind;
import cn.pubdata.approval.scenario.ScenarioForm;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What an operator submits to apply for admission (and again, corrected, after a 补正). */
public record ApplicationForm(
        @NotNull(message = "请选择所申报的准入通告") Long announcementId,
        @NotBlank(message = "请填写统一社会信用代码") String creditCode,

        @NotBlank(message = "请填写申请单位名称") @Size(max = 200, message = "单位名称不超过200字")
        String companyName,

        @NotBlank(message = "请填写法定代表人") @Size(max = 60, message = "法定代表人不超过60字")
        String legalRepresentative,

        @NotBlank(message = "请填写运营主要负责人（数据安全第一责任人，SEC-01）") @Size(max = 60, message = "不超过60字")
        String principal,

        @NotBlank(message = "请填写业务负责人（ADM-06）") @Size(max = 60, message = "不超过60字")
        String businessLead,

        @NotBlank(message = "请填写安全负责人（ADM-06）") @Size(max = 60, message = "不超过60字")
        String securityLead,

        @NotBlank(message = "请填写联系人") @Size(max = 60, message = "不超过60字")
        String contactName,

        @NotBlank(message = "请填写联系电话")
        @Pattern(regexp = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$", message = "联系电话应为11位手机号或带区号的固定电话，如 0798-8221234")
        String contactPhone,

        @NotBlank(message = "请填写联系邮箱") @Email(message = "联系邮箱格式不正确") @Size(max = 200, message = "不超过200字")
        String contactEmail,

        @NotNull(message = "请填写运营方案（模板000的八个部分）") @Valid List<PlanSectionInput> planSections,
        @NotEmpty(message = "请至少选择一项申请授权运营的数据资源") List<@NotBlank(message = "数据资源编码不能为空") String> resourceCodes,
        @NotNull(message = "请上传应急预案等材料") @Valid List<DocumentRef> documents,
        List<ScenarioForm> scenarios) {

    /** The application's scenarios: reviewed as part of admission where the jurisdiction says so (SCN-02, 004). */
    public List<ScenarioForm> scenariosOrNone() {
        return scenarios == null ? List.of() : scenarios;
    }

    public record PlanSectionInput(
            @Min(value = 1, message = "运营方案只有第1至第8部分") @Max(value = 8, message = "运营方案只有第1至第8部分")
            int sectionNo,

            @NotBlank(message = "该部分内容不能为空") @Size(max = 20000, message = "每部分不超过20000字")
            String content) {}

    public record DocumentRef(
            @NotNull(message = "请指明材料编号") Long documentId,

            @NotNull(message = "请指明材料类型：EMERGENCY_PLAN（应急预案）、QUALIFICATION（资质证明）或 ANNEX（其他附件）")
            DocumentKind kind) {}
}
