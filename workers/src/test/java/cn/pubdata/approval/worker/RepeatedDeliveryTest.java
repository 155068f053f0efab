package cn.pubdata.approval.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionApplication.DocumentKind;
import cn.pubdata.approval.admission.AdmissionApplications;
import cn.pubdata.approval.admission.Announcement;
import cn.pubdata.approval.admission.AnnouncementForm;
import cn.pubdata.approval.admission.Announcements;
import cn.pubdata.approval.admission.ApplicationForm;
import cn.pubdata.approval.admission.ApplicationStatus;
import cn.pubdata.approval.admission.PlanSections;
import cn.pubdata.approval.document.DocumentStore;
import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same external task delivered twice (its lock expired, or the worker crashed before completing) changes the
 * domain once: one agreement, one operator listing, one permission, one cap, one disclosure, one notice, one e-mail.
 */
@SpringBootTest
class RepeatedDeliveryTest {

    @Autowired
    List<ExternalTaskHandler> handlers;

    @Autowired
    Announcements announcements;

    @Autowired
    AdmissionApplications applications;

    @Autowired
    DocumentStore documents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GreenMail mail;

    @Test
    void everyHandlerCanBeDeliveredTwiceWithoutDuplicates() {
        AdmissionApplication application = application("91110000100006485K", "重复投递测试公司");
        applications.recordProviderConsent(application.getId(), "provider-fgw", true);
        Map<String, Object> vars = new HashMap<>();
        vars.put("applicationId", application.getId());
        vars.put("jurisdiction", "jingdezhen");
        vars.put("operatorCreditCode", application.getCreditCode());
        vars.put("companyName", application.getCompanyName());
        vars.put("announcementTitle", "测试通告");
        vars.put("authorizationScope", "全域");
        vars.put("grantedResourceCodes", "fgw-personal-credit");
        vars.put("agreementNo", "CZ-2026-01");
        vars.put("agreementSignedOn", "2026-03-02");
        vars.put("termMonths", 36);
        vars.put("trialMonths", 0);
        vars.put("maxAllowedRevenueWan", 800.0);
        vars.put("revenueCapBasis", "成本加成");
        vars.put("provincialFilingNo", "AH-BA-1");
        vars.put("hasEmergencyPlan", true);
        vars.put("trainingPassed", true);
        vars.put("publicityEnds", new java.util.Date());
        vars.put("agreementEndsOn", "2029-03-01");

        String pid = UUID.randomUUID().toString();
        Map<String, Object> agreement = twice(pid, "catalog-record-agreement", vars);
        vars.putAll(agreement);
        twice(pid, "pricing-record-revenue-cap", vars);
        twice(pid, "catalog-list-operator", vars);
        twice(pid, "permissions-open", vars);
        twice(pid, "disclosure-publish", with(vars, "disclosureKind", "OPERATOR_AUTHORIZED"));
        twice(pid, "admission-notify", with(with(vars, "noticeTemplate", "PUBLICITY_STARTED"), "activity", "notify"));
        twice(pid, "admission-close", with(vars, "outcome", "ADMITTED"));

        long app = application.getId();
        assertThat(count("select count(*) from approval.agreement where application_id = ?", app))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from approval.revenue_cap r join approval.agreement a on a.id = r.agreement_id where a.application_id = ?",
                        app))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from approval.authorized_operator where credit_code = ? and jurisdiction = 'jingdezhen'",
                        application.getCreditCode()))
                .isEqualTo(1);
        assertThat(count("select count(*) from approval.platform_permission where application_id = ?", app))
                .isEqualTo(1);
        assertThat(count("select count(*) from approval.disclosure_entry where dedupe_key like ?", pid + "%"))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from approval.notice where recipient = ? and title like '【公示】%'",
                        "operator:" + application.getCreditCode()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from approval.notice where recipient = ? and title like '【已准入】%'",
                        "operator:" + application.getCreditCode()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from approval.notice where recipient = 'group:provider-fgw' and dedupe_key like ?",
                        pid + "%"))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from approval.timeline_event where subject = 'ADM-' || ? and title like '申请结束%'",
                        app))
                .isEqualTo(1);
        assertThat(mail.getReceivedMessagesForDomain(application.getCreditCode().toLowerCase() + ".example.cn"))
                .hasSize(2);
        assertThat(applications.get(app).getStatus()).isEqualTo(ApplicationStatus.ADMITTED);
    }

    @Test
    void aProhibitedResourceIsABusinessOutcomeNotAFailure() {
        AdmissionApplication application = application("911100001000044477", "禁止开放测试公司");
        jdbc.sql(
                        "insert into approval.catalog_resource (code, provider_code, name, open_condition, jurisdiction) values ('tjj-secret', 'tjj', '测试禁止开放数据', 'PROHIBITED', 'jingdezhen') on conflict do nothing")
                .update();
        Map<String, Object> vars = new HashMap<>(
                Map.of("applicationId", application.getId(), "grantedResourceCodes", "tjj-secret,fgw-personal-credit"));
        assertThatThrownBy(
                        () -> handler("catalog-record-agreement").handle(item("p", "catalog-record-agreement", vars)))
                .isInstanceOf(BusinessOutcome.class)
                .hasMessageContaining("测试禁止开放数据")
                .hasMessageContaining("CAT-01")
                .extracting(e -> ((BusinessOutcome) e).errorCode())
                .isEqualTo("RESOURCE_PROHIBITED");
    }

    @Test
    void permissionsAreNotOpenedWithoutTrainingAndTheFailureSaysWhy() {
        AdmissionApplication application = application("914403001922038216", "未培训测试公司");
        Map<String, Object> vars = Map.of(
                "applicationId",
                application.getId(),
                "jurisdiction",
                "xinchang",
                "operatorCreditCode",
                application.getCreditCode(),
                "hasEmergencyPlan",
                true,
                "trainingPassed",
                false);
        assertThatThrownBy(() -> handler("permissions-open").handle(item("p2", "permissions-open", vars)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ADM-18");
        assertThat(count(
                        "select count(*) from approval.platform_permission where application_id = ?",
                        application.getId()))
                .isZero();
    }

    private Map<String, Object> twice(String pid, String topic, Map<String, Object> vars) {
        ExternalTaskHandler handler = handler(topic);
        WorkItem item = item(pid, topic, vars);
        Map<String, Object> first = handler.handle(item);
        Map<String, Object> second = handler.handle(item);
        assertThat(second)
                .as(topic + " answers the same on a repeated delivery")
                .isEqualTo(first);
        return first;
    }

    private WorkItem item(String pid, String topic, Map<String, Object> vars) {
        return new WorkItem(
                UUID.randomUUID().toString(),
                topic,
                pid,
                "ADM-test",
                "Activity_" + topic,
                "Activity_" + topic + ":1",
                vars);
    }

    private static Map<String, Object> with(Map<String, Object> vars, String name, Object value) {
        Map<String, Object> copy = new HashMap<>(vars);
        copy.put(name, value);
        return copy;
    }

    private ExternalTaskHandler handler(String topic) {
        return handlers.stream()
                .filter(h -> h.topic().equals(topic))
                .findFirst()
                .orElseThrow();
    }

    private int count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Integer.class).single();
    }

    private AdmissionApplication application(String creditCode, String company) {
        LocalDate today = LocalDate.now(cn.pubdata.approval.common.Clocks.BEIJING);
        Announcement a = announcements.publish(new AnnouncementForm(
                "jingdezhen",
                "测试通告",
                Announcement.Mode.WHOLE,
                "全域",
                "条件",
                List.of("标准"),
                today.minusDays(1),
                today.plusDays(10),
                List.of("fgw-personal-credit")));
        long doc = documents
                .store(creditCode, "应急预案.pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))
                .id();
        return applications.register(new ApplicationForm(
                a.getId(),
                creditCode,
                company,
                "甲",
                "乙",
                "丙",
                "丁",
                "戊",
                "13800138000",
                "ops@" + creditCode.toLowerCase() + ".example.cn",
                IntStream.rangeClosed(1, 8)
                        .mapToObj(i -> new ApplicationForm.PlanSectionInput(i, PlanSections.label(i)))
                        .toList(),
                List.of("fgw-personal-credit"),
                List.of(new ApplicationForm.DocumentRef(doc, DocumentKind.EMERGENCY_PLAN)),
                null));
    }
}
