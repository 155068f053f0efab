package cn.pubdata.approval.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.admission.AdmissionTestSupport;
import cn.pubdata.approval.notification.Notice;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders before a reviewer's due date and the escalation after it, with the engine's clock moved: the candidate
 * group is reminded 2 working days ahead (in-app, and by e-mail to its members), or as many as its jurisdiction's profile
 * sets, the jurisdiction's managers when the date has passed; each once, also after a restart and with two nodes
 * sweeping at the same moment.
 */
class DeadlineReminderTest extends AdmissionTestSupport {

    private static final String GROUP = "provider-xn-gjj";

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    TaskReminders reminders;

    @Autowired
    Notifications notifications;

    @Autowired
    Timeline timeline;

    @Autowired
    IdentityService identity;

    @Autowired
    Clock clock;

    @Test
    void theGroupIsRemindedTwoWorkingDaysAheadAndTheManagersWhenTheDateHasPassedEachOnce() throws Exception {
        // the engine's own identity store here (Keycloak in the application): a unit with a member who has an address
        String member =
                "reminder" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String mailGroup = "unit" + member;
        User user = identity.newUser(member);
        user.setFirstName("审核岗");
        user.setLastName("公积金中心");
        user.setEmail(member + "@demo.pubdata.example.cn");
        identity.saveUser(user);
        identity.saveGroup(identity.newGroup(mailGroup));
        identity.createMembership(member, mailGroup);

        beijingTime(LocalDateTime.of(2026, 11, 18, 10, 0)); // a Wednesday; due in 3 working days: Monday 23 November
        String subject = "DQI-" + (900_000 + (int) (Math.random() * 99_999));
        String pid = startTask(subject, GROUP, "2026-11-23T23:59:59+08:00");
        String taskId = taskService
                .createTaskQuery()
                .processInstanceId(pid)
                .singleResult()
                .getId();
        String mailedPid = startTask(subject + "M", mailGroup, "2026-11-23T23:59:59+08:00");
        String mailedTaskId = taskService
                .createTaskQuery()
                .processInstanceId(mailedPid)
                .singleResult()
                .getId();

        sweep.sweep();
        assertThat(rows(taskId)).as("3 working days ahead: nothing yet").isEmpty();

        beijingTime(LocalDateTime.of(2026, 11, 19, 9, 0)); // Thursday: 2 working days left (Friday, Monday)
        sweep.sweep();
        assertThat(rows(taskId)).containsExactly("DUE_SOON");
        Notice inApp = only(Notifications.group(GROUP), subject + "）");
        assertThat(inApp.title()).isEqualTo("办理期限临近：「数据质量问题处理」（" + subject + "）应于 2026年11月23日 前办结");
        assertThat(inApp.body()).contains("请及时在任务列表（Tasklist）中办理");
        assertThat(jdbc.sql(
                                "select emailed_at is not null from approval.notice where recipient = :r and dedupe_key = :k")
                        .param("r", "email:" + member + "@demo.pubdata.example.cn")
                        .param("k", "reminder:" + mailedTaskId + ":" + member + "@demo.pubdata.example.cn")
                        .query(Boolean.class)
                        .single())
                .as("mailed to the group's member")
                .isTrue();

        sweep.sweep();
        new DeadlineSweep(taskService, runtime, identity, reminders, clock).sweep(); // the application after a restart
        assertThat(rows(taskId)).containsExactly("DUE_SOON");
        assertThat(notifications.inbox(Notifications.group(GROUP)).stream()
                        .filter(n -> n.title().contains(subject + "）")))
                .hasSize(1);

        beijingTime(LocalDateTime.of(2026, 11, 24, 0, 5)); // the due day has ended
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> twoNodes = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            twoNodes.add(() -> new DeadlineSweep(taskService, runtime, identity, reminders, clock).sweep());
        }
        for (Future<Integer> f : nodes.invokeAll(twoNodes)) {
            f.get();
        }
        nodes.shutdown();
        sweep.sweep();

        assertThat(rows(taskId)).containsExactly("DUE_SOON", "OVERDUE");
        Notice escalated = only(Notifications.group("manager-xianning"), subject + "）");
        assertThat(escalated.title()).isEqualTo("任务逾期：「数据质量问题处理」（" + subject + "）已超过办理期限 2026年11月23日");
        assertThat(escalated.body()).contains("由市住房公积金中心办理").contains("请督促办理");
        assertThat(timeline.of(subject))
                .extracting(TimelineEntry::title)
                .containsExactly("办理期限临近，已提醒市住房公积金中心", "任务逾期，已告知咸宁市数据主管部门（负责人）");
    }

    @Test
    void aProfileThatSetsFourWorkingDaysRemindsFourWorkingDaysAhead() {
        assertThat(reminders.leadWorkingDays("yangxin"))
                .as("the release's default")
                .isEqualTo(2);
        profiles.update("yangxin", Map.of("reminderWorkingDays", 4), "测试：提前4个工作日提醒", "test");
        try {
            assertThat(reminders.leadWorkingDays("yangxin")).isEqualTo(4);
            assertThat(reminders.leadWorkingDays(null))
                    .as("a flow naming no jurisdiction")
                    .isEqualTo(2);

            beijingTime(LocalDateTime.of(2026, 11, 16, 10, 0)); // a Monday; 5 working days before Monday 23 November
            String subject = "DQI-" + (800_000 + (int) (Math.random() * 99_999));
            String pid = startTask(subject, GROUP, "2026-11-23T23:59:59+08:00", "yangxin");
            String taskId = taskService
                    .createTaskQuery()
                    .processInstanceId(pid)
                    .singleResult()
                    .getId();
            sweep.sweep();
            assertThat(rows(taskId)).as("5 working days ahead: nothing yet").isEmpty();

            beijingTime(LocalDateTime.of(2026, 11, 17, 9, 0)); // Tuesday: 4 working days left (Wed, Thu, Fri, Mon)
            sweep.sweep();
            assertThat(rows(taskId)).containsExactly("DUE_SOON");
            assertThat(only(Notifications.group(GROUP), subject + "）").title())
                    .isEqualTo("办理期限临近：「数据质量问题处理」（" + subject + "）应于 2026年11月23日 前办结");
        } finally {
            profiles.update("yangxin", Map.of("reminderWorkingDays", 2), "测试后恢复", "test");
        }
    }

    private String startTask(String subject, String group, String due) {
        return startTask(subject, group, due, "xianning");
    }

    private String startTask(String subject, String group, String due, String jurisdiction) {
        String key = "ReminderTest_" + UUID.randomUUID().toString().replace("-", "");
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .startEvent()
                .userTask("UserTask_AnswerIssue")
                .name("数据质量问题处理")
                .operatonCandidateGroups(group)
                .operatonDueDate(due)
                .endEvent()
                .done();
        repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        return runtime.startProcessInstanceByKey(key, subject, Map.of("jurisdiction", jurisdiction))
                .getId();
    }

    private List<String> rows(String taskId) {
        return jdbc.sql("select threshold from approval.task_reminder where task_id = :t order by sent_at, threshold")
                .param("t", taskId)
                .query(String.class)
                .list();
    }

    private Notice only(String recipient, String containing) {
        List<Notice> found = notifications.inbox(recipient).stream()
                .filter(n -> n.title().contains(containing))
                .toList();
        assertThat(found).as(recipient + " " + containing).hasSize(1);
        return found.get(0);
    }
}
