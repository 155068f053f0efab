package cn.pubdata.approval.review;

import cn.pubdata.approval.common.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A reviewer's answer on the lines it decides: the form lists each line as a box to tick, a ticked line is consented,
 * a line left unticked is refused, and a refusal needs a reason. Boxes rather than a row per line because Tasklist
 * keeps its 办结 button disabled once a field inside a repeated list changes.
 */
public final class LineConsents {

    /** One line's decision: consented, or refused with the reviewer's reason. */
    public record LineDecision(boolean consented, String reason) {}

    private LineConsents() {}

    /** The boxes of the form, one per line: the line number as the value, the line's sentence as the label. */
    public static List<Map<String, Object>> options(List<? extends ReviewedLine> lines) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (ReviewedLine line : lines) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("value", String.valueOf(line.lineNo()));
            option.put("label", line.describe());
            options.add(option);
        }
        return options;
    }

    /**
     * Every one of the reviewer's own lines decided: those ticked consented, the others refused with the reason given.
     * A tick on a line the reviewer does not decide, or a refusal without a reason, is refused with the line numbers.
     */
    public static Map<Integer, LineDecision> decide(
            List<? extends ReviewedLine> own, Collection<?> ticked, String reason, String who) {
        Set<Integer> ownNos = own.stream().map(ReviewedLine::lineNo).collect(Collectors.toSet());
        Set<Integer> consented = new TreeSet<>();
        for (Object value : ticked == null ? List.of() : ticked) {
            Integer no = lineNo(value);
            if (no == null || !ownNos.contains(no)) {
                throw Problem.invalid("consentedLines", "勾选的第 " + value + " 项不是" + who + "需要审核的数据需求");
            }
            consented.add(no);
        }
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        List<Integer> refused = own.stream()
                .map(ReviewedLine::lineNo)
                .filter(no -> !consented.contains(no))
                .toList();
        if (!refused.isEmpty() && why == null) {
            throw Problem.invalid(
                    "refusalReason",
                    "未勾选的第 " + refused.stream().map(String::valueOf).collect(Collectors.joining("、"))
                            + " 项视为不同意，请写明不同意的理由");
        }
        Map<Integer, LineDecision> decisions = new LinkedHashMap<>();
        for (ReviewedLine line : own) {
            boolean yes = consented.contains(line.lineNo());
            decisions.put(line.lineNo(), new LineDecision(yes, yes ? null : why));
        }
        return decisions;
    }

    /** The decisions as the opinion the timeline shows, one line each. */
    public static String summary(List<? extends ReviewedLine> own, Map<Integer, LineDecision> decisions) {
        return own.stream()
                .map(l -> {
                    LineDecision d = decisions.get(l.lineNo());
                    return l.lineNo() + ". " + l.resourceName() + "："
                            + (d.consented() ? "同意" : "不同意（" + d.reason() + "）");
                })
                .collect(Collectors.joining("\n"));
    }

    private static Integer lineNo(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
