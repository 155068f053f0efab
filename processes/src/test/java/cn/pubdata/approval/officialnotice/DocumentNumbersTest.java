package cn.pubdata.approval.officialnotice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.admission.AdmissionTestSupport;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Document numbers (文号) of official notices: one gapless sequence per jurisdiction and year, each number given once,
 * and a step delivered again (or on two engine nodes at once) gets the number it got the first time.
 */
class DocumentNumbersTest extends AdmissionTestSupport {

    @Test
    void numbersAreUniquePerJurisdictionAndYearGaplessAndStableUnderRepeatedDeliveries() throws Exception {
        beijingTime(LocalDateTime.of(2026, 6, 1, 10, 0));
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService nodes = Executors.newFixedThreadPool(6);
        List<Callable<OfficialNotice>> deliveries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String jurisdiction = i % 2 == 0 ? "jingdezhen" : "chizhou";
            String key = "test:" + run + ":" + i;
            for (int delivery = 0; delivery < 3; delivery++) {
                deliveries.add(() -> officialNotices.issue(draft(key, jurisdiction)));
            }
        }
        List<OfficialNotice> issued = new ArrayList<>();
        for (Future<OfficialNotice> f : nodes.invokeAll(deliveries)) {
            issued.add(f.get());
        }
        nodes.shutdown();

        for (int i = 0; i < issued.size(); i += 3) {
            assertThat(issued.subList(i, i + 3))
                    .as("three deliveries of one step: one notice, one number")
                    .extracting(OfficialNotice::documentNumber)
                    .containsOnly(issued.get(i).documentNumber());
        }
        List<String> numbers =
                issued.stream().map(OfficialNotice::documentNumber).distinct().toList();
        assertThat(numbers).hasSize(12);
        assertThat(numbers.stream().filter(n -> n.startsWith("景数授〔2026〕")))
                .hasSize(6)
                .allMatch(n -> n.matches("景数授〔2026〕[1-9][0-9]*号"));
        assertThat(numbers.stream().filter(n -> n.startsWith("池数授〔2026〕"))).hasSize(6);
        for (String jurisdiction : List.of("jingdezhen", "chizhou")) {
            assertThat(jdbc.sql("""
                            select count(*) = max(number) and count(*) = count(distinct number)
                            from approval.official_notice where jurisdiction = :j and year = 2026""")
                            .param("j", jurisdiction)
                            .query(Boolean.class)
                            .single())
                    .as(jurisdiction + ": numbers 1 … n, none skipped, none twice")
                    .isTrue();
        }

        OfficialNotice again = officialNotices.issue(draft("test:" + run + ":0", "jingdezhen"));
        assertThat(again.documentNumber()).as("stable").isEqualTo(issued.get(0).documentNumber());
        assertThat(officialNotices.get(again.id())).contains(again);

        beijingTime(LocalDateTime.of(2027, 1, 4, 10, 0));
        OfficialNotice nextYear = officialNotices.issue(draft("test:" + run + ":2027", "jingdezhen"));
        assertThat(nextYear.documentNumber())
                .as("a sequence of its own each year")
                .matches("景数授〔2027〕[1-9][0-9]*号");
        assertThat(nextYear.issuer()).isEqualTo("景德镇市数据主管部门");
    }

    private static NoticeDraft draft(String key, String jurisdiction) {
        return new NoticeDraft(
                key,
                OfficialNotice.Kind.DECISION,
                jurisdiction,
                "ADM-" + key.hashCode(),
                "91330100716105852F",
                "瓷都数据运营有限公司",
                "【准入】测试",
                "瓷都数据运营有限公司：\n\n测试正文。");
    }
}
