package cn.pubdata.approval.admission;

import cn.pubdata.approval.admission.Announcement.Mode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What the authority publishes to open admission (ADM-01). */
public record AnnouncementForm(
        @NotBlank(message = "请选择辖区") String jurisdiction,

        @NotBlank(message = "请填写通告标题") @Size(max = 200, message = "标题不超过200字")
        String title,

        @NotNull(message = "请选择授权方式：WHOLE（整体授权）、DOMAIN（分领域授权）或 INDIVIDUAL（个别授权）")
        Mode authorizationMode,

        @NotBlank(message = "请填写授权范围") String scope,
        @NotBlank(message = "请填写申报条件") String conditions,
        @NotEmpty(message = "请逐条填写评审标准（ADM-07）") List<@NotBlank(message = "评审标准不能为空") String> criteria,
        @NotNull(message = "请填写受理开始日期") LocalDate opensOn,
        @NotNull(message = "请填写申报截止日期") LocalDate deadline,
        @NotEmpty(message = "请至少列入一项数据资源") List<@NotBlank(message = "数据资源编码不能为空") String> resourceCodes) {}
