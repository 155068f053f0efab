package cn.pubdata.approval.dashboard;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' dashboards (role manager): charts' figures, the lists behind them, an application's timeline, and
 * CSV exports (UTF-8 with a byte-order mark, so that Excel reads the Chinese). A jurisdiction's manager group
 * ({@code manager-<jurisdiction>}) sees its own jurisdictions; the city-wide group {@code manager} and the
 * administrators see all.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Dashboards dashboards;
    private final Timeline timeline;
    private final CurrentUser user;
    private final Clock clock;
    private final PolicyProfiles profiles;

    DashboardController(
            Dashboards dashboards, Timeline timeline, CurrentUser user, Clock clock, PolicyProfiles profiles) {
        this.dashboards = dashboards;
        this.profiles = profiles;
        this.timeline = timeline;
        this.user = user;
        this.clock = clock;
    }

    @GetMapping("/summary")
    Dashboards.Summary summary(
            @RequestParam(required = false) String flow,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String jurisdiction) {
        return dashboards.summary(filter(flow, from, to, jurisdiction));
    }

    @GetMapping("/cases")
    List<Dashboards.CaseRow> cases(
            @RequestParam(required = false) String flow,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String status) {
        return dashboards.cases(filter(flow, from, to, jurisdiction), blankToNull(status));
    }

    @GetMapping("/cases.csv")
    ResponseEntity<byte[]> casesCsv(
            @RequestParam(required = false) String flow,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String status) {
        return csv(
                "applications.csv",
                List.of("流程", "编号", "辖区", "单位", "状态", "提交时间", "办结时间", "流程实例"),
                cases(flow, from, to, jurisdiction, status),
                c -> List.of(
                        c.flowLabel(),
                        c.subject(),
                        c.jurisdiction(),
                        c.companyName(),
                        c.statusLabel(),
                        time(c.submittedAt()),
                        time(c.closedAt()),
                        c.processInstanceId() == null ? "" : c.processInstanceId()));
    }

    @GetMapping("/tasks")
    List<Dashboards.TaskRow> tasks(
            @RequestParam(required = false) String flow,
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String state) {
        return dashboards.tasks(filter(flow, null, null, jurisdiction), group, state);
    }

    @GetMapping("/tasks.csv")
    ResponseEntity<byte[]> tasksCsv(
            @RequestParam(required = false) String flow,
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String state) {
        return csv(
                "tasks.csv",
                List.of("任务", "办理单位", "期限", "状态", "编号", "流程实例"),
                tasks(flow, jurisdiction, group, state),
                t -> List.of(
                        t.name(),
                        t.unit(),
                        time(t.due()),
                        t.overdue() ? "已逾期" : t.dueSoon() ? "两个工作日内到期" : "办理中",
                        t.subject() == null ? "" : t.subject(),
                        t.processInstanceId()));
    }

    /** What happened to one subject (ADM-1, SCN-3 …), with each actor's name and unit. */
    @GetMapping("/timeline/{subject}")
    List<TimelineEntry> timeline(@PathVariable String subject) {
        return timeline.of(subject);
    }

    private DashboardFilter filter(String flow, LocalDate from, LocalDate to, String jurisdiction) {
        LocalDate today = clock.instant().atZone(Clocks.BEIJING).toLocalDate();
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusMonths(12).withDayOfMonth(1) : from;
        if (start.isAfter(end)) {
            throw Problem.invalid("from", "起始日期不能晚于截止日期");
        }
        Set<String> visible = visibleJurisdictions();
        Set<String> scope = visible;
        if (jurisdiction != null && !jurisdiction.isBlank()) {
            if (visible != null && !visible.contains(jurisdiction)) {
                throw Problem.invalid(
                        "jurisdiction",
                        "您所在的管理组只能查看本辖区（"
                                + visible.stream()
                                        .sorted()
                                        .map(code -> profiles.of(code).name())
                                        .collect(Collectors.joining("、"))
                                + "）");
            }
            scope = Set.of(jurisdiction);
        }
        return new DashboardFilter(blankToNull(flow), start, end, scope);
    }

    /** All for the city-wide manager group and administrators; else the jurisdictions of the caller's manager groups. */
    private Set<String> visibleJurisdictions() {
        Set<String> groups = user.groups();
        if (groups.contains("manager") || user.hasRole("administrator")) {
            return null;
        }
        return groups.stream()
                .filter(g -> g.startsWith("manager-"))
                .map(g -> g.substring("manager-".length()))
                .collect(Collectors.toSet());
    }

    private static <T> ResponseEntity<byte[]> csv(
            String name, List<String> header, List<T> rows, Function<T, List<String>> columns) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(line(header));
        rows.forEach(r -> out.append(line(columns.apply(r))));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String line(List<String> cells) {
        return cells.stream()
                        .map(c -> "\"" + (c == null ? "" : c).replace("\"", "\"\"") + "\"")
                        .collect(Collectors.joining(","))
                + "\r\n";
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(Clocks.BEIJING));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
