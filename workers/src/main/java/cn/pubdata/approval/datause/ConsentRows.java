package cn.pubdata.approval.datause;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.scenario.ScenarioLine.Consent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of a reviewer's form, one per line it decides: {@code lineNo}, {@code consent} ("yes"/"no") and
 * {@code reason}, required for a refusal. Every line of the reviewer's own must be decided, and no other.
 */
final class ConsentRows {

    record Decision(Consent consent, String reason) {}

    private ConsentRows() {}

    static Map<Integer, Decision> decisions(List<Map<String, Object>> rows, List<DataUseLine> own, String who) {
        if (rows == null) {
            throw Problem.invalid("lines", "请逐项填写是否同意");
        }
        Map<Integer, DataUseLine> byNo = own.stream().collect(Collectors.toMap(DataUseLine::lineNo, l -> l));
        Map<Integer, Decision> decisions = new LinkedHashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            int no = row.get("lineNo") instanceof Number n ? n.intValue() : -1;
            if (!byNo.containsKey(no)) {
                errors.add(new Problem.FieldError("lines", "第 " + no + " 项不是本单位需要审核的数据需求"));
                continue;
            }
            Object consent = row.get("consent");
            String reason = row.get("reason") == null
                    ? ""
                    : row.get("reason").toString().trim();
            if ("yes".equals(consent)) {
                decisions.put(no, new Decision(Consent.CONSENTED, reason.isEmpty() ? null : reason));
            } else if ("no".equals(consent)) {
                if (reason.isEmpty()) {
                    errors.add(new Problem.FieldError("lines", "第 " + no + " 项不同意时请写明理由"));
                } else {
                    decisions.put(no, new Decision(Consent.REFUSED, reason));
                }
            } else {
                errors.add(new Problem.FieldError("lines", "请选择第 " + no + " 项是否同意"));
            }
        }
        byNo.keySet().stream()
                .filter(no -> !decisions.containsKey(no)
                        && errors.stream().noneMatch(e -> e.message().contains("第 " + no + " 项")))
                .forEach(no -> errors.add(new Problem.FieldError("lines", "请选择第 " + no + " 项是否同意")));
        if (!errors.isEmpty()) {
            throw Problem.invalid(who + "须逐项作出决定：" + errors.get(0).message(), errors);
        }
        return decisions;
    }

    static String summary(List<DataUseLine> own, Map<Integer, Decision> decisions) {
        return own.stream()
                .map(l -> {
                    Decision d = decisions.get(l.lineNo());
                    return l.lineNo() + ". " + l.resourceName() + "："
                            + (d.consent() == Consent.CONSENTED ? "同意" : "不同意（" + d.reason() + "）");
                })
                .collect(Collectors.joining("\n"));
    }

    static List<Map<String, Object>> rows(List<DataUseLine> own) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DataUseLine l : own) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lineNo", l.lineNo());
            row.put("line", l.describe());
            row.put("consent", "");
            row.put("reason", "");
            rows.add(row);
        }
        return rows;
    }
}
