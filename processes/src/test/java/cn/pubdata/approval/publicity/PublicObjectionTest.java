package cn.pubdata.approval.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionTestSupport;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.publicity.PublicDisclosure.PublicityNotice;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public disclosure site on a real admission: its publicity notice is listed with its period, anyone objects to
 * the notice (not to an application id) with a document and gets a receipt number, and after the period the objection
 * is refused (APL-03). The site shows no person's contact.
 */
class PublicObjectionTest extends AdmissionTestSupport {

    @Autowired
    PublicDisclosure disclosure;

    @Autowired
    PublicObjections objections;

    @Test
    void anyoneObjectsToANoticeDuringItsPeriodAndFollowsItByReceiptNumberAfterwardsItIsRefused() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0)); // a Monday
        AdmissionApplication application = submit("chizhou", "池州公示异议测试公司", CZ_ENTERPRISES, CZ_CASES);
        String pid = application.getProcessInstanceId();
        passCompleteness(pid, false);
        approveAllReviews(pid, List.of("security-cac", "security-police", "provider-cz-scj", "provider-cz-cgj"));
        admitDecision(pid);
        awaitPublicity(pid);

        await().atMost(WAIT)
                .until(() -> disclosure.publicity("chizhou").stream()
                        .anyMatch(n -> n.companyName().equals("池州公示异议测试公司")));
        PublicityNotice notice = disclosure.publicity("chizhou").stream()
                .filter(n -> n.companyName().equals("池州公示异议测试公司"))
                .findFirst()
                .orElseThrow();
        assertThat(notice.open()).isTrue();
        assertThat(notice.jurisdictionName()).isEqualTo("池州市");
        assertThat(notice.title()).isEqualTo("授权运营单位准入审查结果公示：池州公示异议测试公司");
        assertThat(notice.endsAt()).isAfter(notice.startsAt());
        assertThat(notice.content())
                .as("no contact data of the applicant on the public site")
                .doesNotContain(
                        application.getContactPhone(), application.getContactEmail(), application.getContactName());

        assertThatThrownBy(() -> objections.file(notice.id(), " ", "", "理由", null, null, null))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("filerName", "filerContact"));

        byte[] pdf = "%PDF-1.4\n% 异议证明材料\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        String receipt = objections.file(
                notice.id(),
                "张某",
                "13800000000",
                "该公司申报的安全负责人未在职",
                "证明.pdf",
                "application/pdf",
                () -> new ByteArrayInputStream(pdf));
        assertThat(receipt).matches("YY20261\\d{3}-\\d{6}");
        assertThat(jdbc.sql("select document_id is not null from approval.objection where receipt_no = :r")
                        .param("r", receipt)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(disclosure.objection(receipt.toLowerCase())).hasValueSatisfying(r -> {
            assertThat(r.receiptNo()).isEqualTo(receipt);
            assertThat(r.noticeTitle()).isEqualTo(notice.title());
            assertThat(r.status()).isEqualTo("已受理，正在核查（签订协议前处理完毕）");
        });

        ClockUtil.setCurrentTime(Date.from(notice.endsAt().plusSeconds(60))); // the publicity has ended
        assertThat(disclosure.notice(notice.id()).orElseThrow().open()).isFalse();
        assertThatThrownBy(() -> objections.file(notice.id(), "李某", "lm@example.cn", "公示期后的异议", null, null, null))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("公示期外不能再提出异议（APL-03）");
    }
}
