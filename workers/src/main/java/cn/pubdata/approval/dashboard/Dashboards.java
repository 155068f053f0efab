package cn.pubdata.approval.dashboard;

import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The managers' dashboards, read from read models: the figures per period from summary tables kept current by triggers
 * (V75: cases per day of submission and of closing, completed steps per day, each per flow, jurisdiction and state or
 * duration), the open tasks from their read model (V80, one row per task and candidate group, kept by triggers on the
 * engine's runtime tables; due soon and overdue are classified against the clock per request, as they change with it),
 * the lists behind a chart from the view dashboard_case; never by walking the engine's API or its tables per request.
 */
@Service
public class Dashboards {

    /** How many working days ahead a due date counts as "due soon" on the dashboards. */
    public static final int DUE_SOON_WORKING_DAYS = 2;

    private static final int LIST_LIMIT = 500;

    public record FlowState(String flow, String flowLabel, String status, String statusLabel, long count) {}

    public record UnitTasks(String group, String unit, long open, long dueSoon, long overdue) {}

    public record LeadTime(
            String flow,
            String flowLabel,
            String step,
            String stepLabel,
            double medianHours,
            double p90Hours,
            long count) {}

    public record MonthOutcomes(String month, long admitted, long rejected, long withdrawn, long exited) {}

    public record MonthThroughput(String month, long submitted, long closed) {}

    public record Summary(
            List<FlowState> applications,
            List<UnitTasks> openTasks,
            List<LeadTime> leadTimesPerStep,
            List<LeadTime> leadTimesPerFlow,
            List<MonthOutcomes> outcomes,
            List<MonthThroughput> throughput) {}

    public record CaseRow(
            String flow,
            String flowLabel,
            String subject,
            long id,
            String jurisdiction,
            String companyName,
            String status,
            String statusLabel,
            Instant submittedAt,
            Instant closedAt,
            String processInstanceId) {}

    public record TaskRow(
            String taskId,
            String name,
            String group,
            String unit,
            Instant due,
            boolean overdue,
            boolean dueSoon,
            String subject,
            String flow,
            String processInstanceId) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final WorkingDayCalendar calendar;
    private final PolicyProfiles profiles;

    public Dashboards(
            NamedParameterJdbcTemplate jdbc, Clock clock, WorkingDayCalendar calendar, PolicyProfiles profiles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
        this.profiles = profiles;
    }

    public Summary summary(DashboardFilter filter) {
        return new Summary(
                applications(filter),
                openTasks(filter),
                leadTimesPerStep(filter),
                leadTimesPerFlow(filter),
                outcomes(filter),
                throughput(filter));
    }

    /** Applications per flow and state, submitted in the period. */
    public List<FlowState> applications(DashboardFilter f) {
        MapSqlParameterSource p = params(f);
        return jdbc.query(
                "select flow, status, sum(n) as n from approval.dashboard_submitted_day s where " + days(f)
                        + " group by flow, status having sum(n) <> 0 order by flow, n desc",
                p,
                (rs, n) -> new FlowState(
                        rs.getString("flow"),
                        Labels.flow(rs.getString("flow")),
                        rs.getString("status"),
                        Labels.status(rs.getString("flow"), rs.getString("status")),
                        rs.getLong("n")));
    }

    /**
     * Every case of every flow, and every agreement, per state now, whenever submitted and wherever: the figures the
     * operations gauge {@code approval_flows_state} publishes.
     */
    public List<FlowState> statesNow() {
        return jdbc.query(
                """
                select flow, status, count(*) as n from approval.dashboard_case group by flow, status
                union all
                select 'agreement', state, count(*) from approval.agreement where state is not null group by state
                order by 1, 2""",
                (rs, n) -> new FlowState(
                        rs.getString("flow"),
                        Labels.flow(rs.getString("flow")),
                        rs.getString("status"),
                        Labels.status(rs.getString("flow"), rs.getString("status")),
                        rs.getLong("n")));
    }

    /** Open tasks per unit (candidate group): all, due within two working days, overdue; the overdue first. */
    public List<UnitTasks> openTasks(DashboardFilter f) {
        MapSqlParameterSource p = params(f)
                .addValue("now", Timestamp.from(clock.instant()))
                .addValue("soon", Timestamp.from(dueSoonLimit()));
        return jdbc.query(
                """
                select o.grp, count(*) as open,
                       count(*) filter (where o.due < :now) as overdue,
                       count(*) filter (where o.due >= :now and o.due <= :soon) as due_soon
                from approval.dashboard_open_task o
                """ + " where " + openTaskScope(f) + " group by o.grp order by overdue desc, due_soon desc, open desc",
                p,
                (rs, n) -> new UnitTasks(
                        rs.getString("grp"),
                        rs.getString("grp").isEmpty() ? "（未分派）" : profiles.groupName(rs.getString("grp")),
                        rs.getLong("open"),
                        rs.getLong("due_soon"),
                        rs.getLong("overdue")));
    }

    /** Median and 90th percentile of each step's duration (hours), from tasks completed in the period. */
    public List<LeadTime> leadTimesPerStep(DashboardFilter f) {
        Map<List<String>, DurationHistogram> steps = new LinkedHashMap<>();
        Map<List<String>, String> names = new HashMap<>();
        jdbc.query(
                "select flow, step, min(name) as name, duration_bucket as bucket, sum(n) as n"
                        + " from approval.dashboard_step_day s where " + days(f)
                        + " group by flow, step, bucket having sum(n) <> 0 order by flow, step, bucket",
                params(f),
                rs -> {
                    List<String> key = List.of(rs.getString("flow"), rs.getString("step"));
                    steps.computeIfAbsent(key, k -> new DurationHistogram()).add(rs.getInt("bucket"), rs.getLong("n"));
                    names.merge(key, rs.getString("name"), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                });
        List<LeadTime> leadTimes = new ArrayList<>();
        steps.forEach((key, h) -> leadTimes.add(leadTime(key.get(0), key.get(1), names.get(key), h)));
        leadTimes.sort(Comparator.comparing(LeadTime::flow)
                .thenComparing(Comparator.comparingDouble(LeadTime::p90Hours).reversed()));
        return leadTimes;
    }

    /** Median and 90th percentile of a whole case (hours, submitted to closed), for cases closed in the period. */
    public List<LeadTime> leadTimesPerFlow(DashboardFilter f) {
        Map<String, DurationHistogram> flows = new TreeMap<>();
        jdbc.query(
                "select flow, lead_bucket as bucket, sum(n) as n from approval.dashboard_closed_day s where " + days(f)
                        + " group by flow, bucket having sum(n) <> 0 order by flow, bucket",
                params(f),
                rs -> {
                    flows.computeIfAbsent(rs.getString("flow"), k -> new DurationHistogram())
                            .add(rs.getInt("bucket"), rs.getLong("n"));
                });
        List<LeadTime> leadTimes = new ArrayList<>();
        flows.forEach((flow, h) -> leadTimes.add(leadTime(flow, null, null, h)));
        return leadTimes;
    }

    /** Admitted, rejected, withdrawn and exited per month of the period (of every flow: outcomes are the operators'). */
    public List<MonthOutcomes> outcomes(DashboardFilter f) {
        DashboardFilter everyFlow = new DashboardFilter(null, f.from(), f.to(), f.jurisdictions());
        return jdbc.query(
                "select to_char(day, 'YYYY-MM') as month,"
                        + " coalesce(sum(n) filter (where flow = 'admission' and status = 'ADMITTED'), 0) as admitted,"
                        + " coalesce(sum(n) filter (where flow = 'admission' and status not in ('ADMITTED', 'WITHDRAWN')),"
                        + " 0) as rejected,"
                        + " coalesce(sum(n) filter (where flow = 'admission' and status = 'WITHDRAWN'), 0) as withdrawn,"
                        + " coalesce(sum(n) filter (where flow = 'exit'), 0) as exited"
                        + " from approval.dashboard_closed_day s where " + days(everyFlow)
                        + " and ((flow = 'admission' and status <> 'IN_REVIEW') or (flow = 'exit' and status = 'EXITED'))"
                        + " group by month having sum(n) <> 0 order by month",
                params(everyFlow),
                (rs, n) -> new MonthOutcomes(
                        rs.getString("month"),
                        rs.getLong("admitted"),
                        rs.getLong("rejected"),
                        rs.getLong("withdrawn"),
                        rs.getLong("exited")));
    }

    /** Cases submitted and closed per month of the period. */
    public List<MonthThroughput> throughput(DashboardFilter f) {
        return jdbc.query(
                "select month, sum(submitted) as submitted, sum(closed) as closed from ("
                        + " select to_char(day, 'YYYY-MM') as month, sum(n) as submitted, 0 as closed"
                        + " from approval.dashboard_submitted_day s where " + days(f) + " group by 1"
                        + " union all select to_char(day, 'YYYY-MM'), 0, sum(n)"
                        + " from approval.dashboard_closed_day s where " + days(f) + " group by 1) m"
                        + " group by month having sum(submitted) <> 0 or sum(closed) <> 0 order by month",
                params(f),
                (rs, n) -> new MonthThroughput(rs.getString("month"), rs.getLong("submitted"), rs.getLong("closed")));
    }

    /** The cases behind a chart: a flow's cases (of one status, where given), newest first. */
    public List<CaseRow> cases(DashboardFilter f, String status) {
        MapSqlParameterSource p = params(f).addValue("status", status).addValue("limit", LIST_LIMIT);
        String where = cases(f, p) + (status != null ? " and c.status = :status" : "");
        return jdbc.query(
                "select * from approval.dashboard_case c where " + where + " order by c.submitted_at desc limit :limit",
                p,
                (rs, n) -> {
                    Timestamp closed = rs.getTimestamp("closed_at");
                    return new CaseRow(
                            rs.getString("flow"),
                            Labels.flow(rs.getString("flow")),
                            rs.getString("subject"),
                            rs.getLong("id"),
                            rs.getString("jurisdiction"),
                            rs.getString("company_name"),
                            rs.getString("status"),
                            Labels.status(rs.getString("flow"), rs.getString("status")),
                            rs.getTimestamp("submitted_at").toInstant(),
                            closed == null ? null : closed.toInstant(),
                            rs.getString("process_instance_id"));
                });
    }

    /** The open tasks behind the tasks chart: of one unit and one state (overdue, dueSoon, or all open). */
    public List<TaskRow> tasks(DashboardFilter f, String group, String state) {
        Instant now = clock.instant();
        Instant soon = dueSoonLimit(); // once: it reads the working-day calendar
        MapSqlParameterSource p = params(f)
                .addValue("now", Timestamp.from(now))
                .addValue("soon", Timestamp.from(soon))
                .addValue("group", group)
                .addValue("limit", LIST_LIMIT);
        StringBuilder where = new StringBuilder(openTaskScope(f));
        if (group != null) {
            where.append(group.isEmpty() ? " and o.grp = ''" : " and o.grp = :group");
        }
        if ("overdue".equals(state)) {
            where.append(" and o.due < :now");
        } else if ("dueSoon".equals(state)) {
            where.append(" and o.due >= :now and o.due <= :soon");
        }
        return jdbc.query(
                "select * from approval.dashboard_open_task o where " + where
                        + " order by o.due nulls last, o.task_id limit :limit",
                p,
                (rs, n) -> {
                    Timestamp due = rs.getTimestamp("due");
                    Instant dueAt = due == null ? null : due.toInstant();
                    return new TaskRow(
                            rs.getString("task_id"),
                            rs.getString("name"),
                            rs.getString("grp"),
                            rs.getString("grp").isEmpty() ? "（未分派）" : profiles.groupName(rs.getString("grp")),
                            dueAt,
                            dueAt != null && dueAt.isBefore(now),
                            dueAt != null && !dueAt.isBefore(now) && !dueAt.isAfter(soon),
                            rs.getString("business_key"),
                            rs.getString("flow"),
                            rs.getString("process_instance_id"));
                });
    }

    /** The last moment that still counts as due soon: the end of the day two working days from today. */
    Instant dueSoonLimit() {
        LocalDate today = clock.instant().atZone(Clocks.BEIJING).toLocalDate();
        return WorkingDayCalendar.endOf(calendar.dueDay(today, DUE_SOON_WORKING_DAYS));
    }

    private static MapSqlParameterSource params(DashboardFilter f) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("from", Timestamp.from(f.start()))
                .addValue("to", Timestamp.from(f.end()))
                .addValue("fromDay", java.sql.Date.valueOf(f.from()))
                .addValue("toDay", java.sql.Date.valueOf(f.to()))
                .addValue("flow", f.flow());
        if (f.jurisdictions() != null) {
            p.addValue("jurisdictions", f.jurisdictions().isEmpty() ? List.of("") : new ArrayList<>(f.jurisdictions()));
        }
        return p;
    }

    /** The summary tables' rows of the period, flow and jurisdictions (alias s). */
    private static String days(DashboardFilter f) {
        return "s.day between :fromDay and :toDay"
                + (f.flow() != null ? " and s.flow = :flow" : "")
                + (f.jurisdictions() != null ? " and s.jurisdiction in (:jurisdictions)" : "");
    }

    private static LeadTime leadTime(String flow, String step, String name, DurationHistogram h) {
        return new LeadTime(
                flow,
                Labels.flow(flow),
                step,
                name,
                round(h.percentileHours(0.5)),
                round(h.percentileHours(0.9)),
                h.count());
    }

    private static String cases(DashboardFilter f, MapSqlParameterSource p) {
        return "c.submitted_at >= :from and c.submitted_at < :to"
                + (f.flow() != null ? " and c.flow = :flow" : "")
                + (f.jurisdictions() != null ? " and c.jurisdiction in (:jurisdictions)" : "");
    }

    /** The read model's open tasks of the flow and jurisdictions (alias o). */
    private static String openTaskScope(DashboardFilter f) {
        return "true"
                + (f.flow() != null ? " and o.flow = :flow" : "")
                + (f.jurisdictions() != null ? " and o.jurisdiction in (:jurisdictions)" : "");
    }

    private static double round(double hours) {
        return Math.round(hours * 10) / 10.0;
    }
}
