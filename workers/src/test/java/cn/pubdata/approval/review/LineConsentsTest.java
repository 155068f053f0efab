package cn.pubdata.approval.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.review.LineConsents.LineDecision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reviewer's ticks on its own demand lines become one decision per line, or a refusal it can act on. */
class LineConsentsTest {

    record Line(int lineNo, String resourceName) implements ReviewedLine {
        @Override
        public String describe() {
            return lineNo + ". " + resourceName;
        }
    }

    private static final List<Line> OWN = List.of(new Line(2, "企业信用信息"), new Line(5, "车辆登记信息"));

    @Test
    void tickedLinesAreConsentedAndTheOthersRefusedWithTheReason() {
        Map<Integer, LineDecision> decisions = LineConsents.decide(OWN, List.of("5"), "  含个人轨迹  ", "本单位");

        assertThat(decisions)
                .containsEntry(2, new LineDecision(false, "含个人轨迹"))
                .containsEntry(5, new LineDecision(true, null));
        assertThat(LineConsents.summary(OWN, decisions)).isEqualTo("2. 企业信用信息：不同意（含个人轨迹）\n5. 车辆登记信息：同意");
    }

    @Test
    void linesLeftUntickedNeedAReasonNamedByNumber() {
        assertThatThrownBy(() -> LineConsents.decide(OWN, List.of(), " ", "本单位"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("未勾选的第 2、5 项视为不同意，请写明不同意的理由");
        assertThatThrownBy(() -> LineConsents.decide(OWN, null, null, "本单位"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("第 2、5 项");
    }

    @Test
    void aTickOnAnotherUnitsLineIsRefused() {
        assertThatThrownBy(() -> LineConsents.decide(OWN, List.of("2", "3"), "", "本单位"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("第 3 项不是本单位需要审核的数据需求");
        assertThatThrownBy(() -> LineConsents.decide(OWN, List.of("全部"), "", "本单位"))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("第 全部 项");
    }

    @Test
    void everyLineTickedNeedsNoReasonAndNumbersCountAsTicks() {
        assertThat(LineConsents.decide(OWN, List.of(2, 5L), null, "本单位").values())
                .allMatch(LineDecision::consented);
    }

    @Test
    void theFormOffersOneBoxPerLine() {
        assertThat(LineConsents.options(OWN))
                .containsExactly(
                        Map.of("value", "2", "label", "2. 企业信用信息"), Map.of("value", "5", "label", "5. 车辆登记信息"));
    }
}
