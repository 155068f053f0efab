package cn.pubdata.approval.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.fixture.AuthorizedOperators;
import cn.pubdata.approval.identity.Tokens;
import cn.pubdata.approval.timeline.Subjects;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The calendar through the API: a due day in a year not entered is provisional, a schedule that would move every
 * deadline wrongly is refused with a problem detail naming the field, and entering the year gives an open task its
 * right due date.
 */
class CalendarApiTest extends WebTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    AuthorizedOperators operators;

    @AfterEach
    void forget2027AndResetTheClock() {
        ClockUtil.reset();
        jdbc.sql("delete from approval.calendar_day where extract(year from day) = 2027")
                .update();
        jdbc.sql("delete from approval.calendar_year where year = 2027").update();
    }

    @Test
    void aDueDayInAYearNotEnteredIsProvisionalAndNotOnNewYearsDay() {
        Map<String, Object> due = call(
                        "op-cidu", HttpMethod.GET, "/api/calendar/due?from=2026-12-31&workingDays=1", null)
                .getBody();
        assertThat(due)
                .containsEntry("dueDay", "2027-01-04")
                .containsEntry("provisional", true)
                .containsEntry("yearsNotEntered", List.of(2027));
        assertThat(due.get("reason").toString()).startsWith("2027 年节假日安排尚未录入").contains("录入该年安排后自动重新计算");
        assertThat(call("op-cidu", HttpMethod.GET, "/api/calendar/due?from=2026-09-30&workingDays=1", null)
                        .getBody())
                .containsEntry("dueDay", "2026-10-08")
                .containsEntry("provisional", false)
                .doesNotContainKey("reason");
    }

    @Test
    void anEmptyScheduleDuplicateDaysAndAnImplausibleYearAreRefusedNamingTheField() {
        assertRefused(schedule(List.of()), "days", "空的安排不能录入");

        List<Map<String, Object>> twice = new ArrayList<>(example());
        twice.add(Map.of("day", "2027-10-01", "kind", "REST", "note", "国庆节"));
        assertRefused(schedule(twice), "days", "以下日期填写了不止一次：2027-10-01");

        assertRefused(
                schedule(List.of(Map.of("day", "2027-01-01", "kind", "REST", "note", "元旦"))),
                "days",
                "按此安排 2027 年共有 260 个工作日，不在合理范围 244–252 天内");
        assertRefused(
                schedule(List.of(Map.of("day", "2028-01-01", "kind", "REST", "note", "元旦"))), "days", "不属于 2027 年");
        assertRefused(Map.of("notice", " ", "days", example()), "notice", "请填写发布该年度节假日安排的通知名称及文号");

        assertThat(call("authority", HttpMethod.GET, "/api/calendar", null)
                        .getBody()
                        .get("years"))
                .asString()
                .doesNotContain("2027");
    }

    @Test
    void enteringTheYearGivesAnOpenTaskItsDueDate() {
        operators.ciduInJingdezhen();
        Object id = call(
                        "op-cidu",
                        HttpMethod.POST,
                        "/api/risk-reports",
                        Map.of(
                                "jurisdiction", "jingdezhen",
                                "description", "接口调用量异常",
                                "foundOn", LocalDate.now(Clocks.BEIJING).toString(),
                                "measures", "已暂停接口"))
                .getBody()
                .get("id");
        String subject = Subjects.riskReport(Long.parseLong(id.toString()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> runtime.createExecutionQuery()
                                .processInstanceBusinessKey(subject)
                                .activityId("ReceiveTask_AwaitFullReport")
                                .count()
                        == 1);
        // The engine's clock stands in 2027 only while the full report creates the assessment task:
        // a clock left there would make every timer of the other tests' flows due at once.
        ClockUtil.setCurrentTime(beijing(LocalDateTime.of(2027, 2, 3, 10, 0))); // a Wednesday, 2027 not entered
        try {
            call(
                    "op-cidu",
                    HttpMethod.POST,
                    "/api/risk-reports/" + id + "/full-report",
                    Map.of("fullReport", "接口调用量异常系爬虫所致，已封禁"));
        } finally {
            ClockUtil.reset();
        }
        String progress = "/api/risk-reports/" + id + "/progress";
        assertThat(call("op-cidu", HttpMethod.GET, progress, null).getBody().get("due"))
                .asString()
                .contains("风险评估");
        // 3 working days counted Monday to Friday: 4, 5 and 8 February
        Map<String, Object> before = due(progress);
        assertThat(before).containsEntry("dueDay", "2027-02-08").containsEntry("provisional", true);
        assertThat(before.get("provisionalReason").toString()).startsWith("2027 年节假日安排尚未录入");
        Task task =
                tasks.createTaskQuery().taskId(before.get("taskId").toString()).singleResult();
        assertThat(task.getDescription()).startsWith("【期限暂定】本任务期限 2027年2月8日 为暂定");

        ResponseEntity<Map<String, Object>> entered =
                call("authority", HttpMethod.PUT, "/api/calendar/2027", schedule(example()));

        assertThat(entered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(entered.getBody()).containsEntry("year", 2027).containsEntry("workingDays", 248);
        assertThat(entered.getBody().get("recounted")).asString().contains("tasks=");
        // 4 February, 春节 5–12 February, then 15 and 16 February
        Map<String, Object> after = due(progress);
        assertThat(after).containsEntry("dueDay", "2027-02-16").containsEntry("provisional", false);
        Task recounted = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(recounted.getDueDate())
                .isEqualTo(Date.from(LocalDate.of(2027, 2, 16)
                        .atTime(23, 59, 59)
                        .atZone(Clocks.BEIJING)
                        .toInstant()));
        assertThat(recounted.getDescription()).doesNotContain("期限暂定");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> due(String progress) {
        List<Map<String, Object>> due = (List<Map<String, Object>>)
                call("op-cidu", HttpMethod.GET, progress, null).getBody().get("due");
        return due.get(0);
    }

    private void assertRefused(Map<String, Object> body, String field, String message) {
        ResponseEntity<Map<String, Object>> answer = call("authority", HttpMethod.PUT, "/api/calendar/2027", body);
        assertThat(answer.getStatusCode()).as(message).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("detail").toString()).contains(message);
        assertThat(answer.getBody().get("errors")).asString().contains("field=" + field);
    }

    private static Map<String, Object> schedule(List<Map<String, Object>> days) {
        return Map.of("notice", ExampleSchedule.NOTICE, "days", days);
    }

    private static List<Map<String, Object>> example() {
        return ExampleSchedule.days().stream()
                .map(d -> Map.<String, Object>of(
                        "day", d.day().toString(), "kind", d.kind().name(), "note", d.note()))
                .toList();
    }

    private static Date beijing(LocalDateTime time) {
        return Date.from(time.atZone(Clocks.BEIJING).toInstant());
    }

    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }
}
