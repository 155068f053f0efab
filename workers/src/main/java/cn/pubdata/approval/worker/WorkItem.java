package cn.pubdata.approval.worker;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

/** An external task as a handler sees it, independent of the client library that fetched it. */
public record WorkItem(
        String id,
        String topic,
        String processInstanceId,
        String businessKey,
        String activityId,
        String activityInstanceId,
        Map<String, Object> variables) {

    public String string(String name) {
        Object v = required(name);
        return v.toString();
    }

    public String stringOr(String name, String fallback) {
        Object v = variables.get(name);
        return v == null ? fallback : v.toString();
    }

    public long longValue(String name) {
        Object v = required(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return Long.parseLong(v.toString().trim());
    }

    public int intValue(String name) {
        return Math.toIntExact(longValue(name));
    }

    public boolean bool(String name) {
        Object v = variables.get(name);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
    }

    /** A date as form-js stores it ("2026-03-02") or as a java.util.Date. */
    public LocalDate date(String name) {
        Object v = required(name);
        if (v instanceof Date d) {
            return d.toInstant()
                    .atZone(cn.pubdata.approval.common.Clocks.BEIJING)
                    .toLocalDate();
        }
        String s = v.toString();
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    /**
     * A key that is the same on every delivery of this task, for idempotent writes, and differs each time the flow
     * passes the activity again (a second 补正 round is a second notice).
     */
    public String dedupeKey(String suffix) {
        return processInstanceId + ":" + activityId + ":" + activityInstanceId + (suffix == null ? "" : ":" + suffix);
    }

    private Object required(String name) {
        Object v = variables.get(name);
        if (v == null) {
            throw new IllegalStateException("外部任务 " + topic + "（" + activityId + "）缺少流程变量 " + name);
        }
        return v;
    }
}
