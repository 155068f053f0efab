package cn.pubdata.approval.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.pubdata.approval.admission.AdmissionTestSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other process test (junit-platform.properties orders classes by {@link Order}): over all the flows
 * they walked with every external task delivered two or three times, no notice and no timeline entry of the workers
 * exists twice. Each test's own exact counts check its flow; this checks what no single test looks at.
 */
@Order(Integer.MAX_VALUE)
class NoEffectDoubledByRepeatedDeliveryTest extends AdmissionTestSupport {

    @Test
    void noNoticeAndNoWorkerTimelineEntryIsDoubledAcrossAllFlows() {
        EveryTaskDeliveredRepeatedly.Tally tally = EveryTaskDeliveredRepeatedly.tally();
        assumeTrue(tally != null && tally.tasks() > 0, "no flow ran before this test (run alone)");
        assertThat(tally.twice()).as("tasks delivered twice").isPositive();
        assertThat(tally.thrice()).as("tasks delivered three times").isPositive();
        assertThat(tally.doubledTimeline()).as(tally.toString()).isEmpty();
        assertThat(tally.doubledNotices()).as(tally.toString()).isZero();
    }
}
