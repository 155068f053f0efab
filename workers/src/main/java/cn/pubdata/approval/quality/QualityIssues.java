package cn.pubdata.approval.quality;

import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.Validation;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioStatus;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-quality issues (CAT-06): the operator raises an issue against a line of its approved scenario; the line's
 * provider unit fixes it and answers within the jurisdiction's working days (5 in 001, the strictest value elsewhere),
 * is reminded the working day before, and is escalated to the authority when the period passes. Each issue, its
 * deadline, its reminder, its escalation and its answer are recorded.
 */
@Service
public class QualityIssues {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final QualityIssueRepository repository;
    private final Scenarios scenarios;
    private final PolicyProfiles profiles;
    private final WorkingDayCalendar calendar;
    private final Validation validation;
    private final Timeline timeline;
    private final Clock clock;

    public QualityIssues(
            QualityIssueRepository repository,
            Scenarios scenarios,
            PolicyProfiles profiles,
            WorkingDayCalendar calendar,
            Validation validation,
            Timeline timeline,
            Clock clock) {
        this.repository = repository;
        this.scenarios = scenarios;
        this.profiles = profiles;
        this.calendar = calendar;
        this.validation = validation;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * CAT-06: an issue against a line of the operator's own approved scenario (another operator's is not found), due
     * the profile's working days after it is raised, the provider receiving it at once. Nothing is written when it is
     * refused. The caller starts its process in the same transaction.
     */
    @Transactional
    public QualityIssue raise(QualityIssueForm form, Actor actor) {
        if (actor.kind() != Actor.Kind.OPERATOR && actor.kind() != Actor.Kind.PARTNER) {
            throw Problem.invalid("raisedBy", "数据质量问题由运营机构或其合伙人提出");
        }
        validation.check(form, "数据质量问题不完整，请按提示补充");
        Scenario scenario = scenarios.get(form.scenarioId());
        if (!scenario.getCreditCode().equals(actor.creditCode())) {
            throw Problem.notFound("场景 " + form.scenarioId() + " 不存在");
        }
        if (scenario.getStatus() != ScenarioStatus.APPROVED) {
            throw Problem.conflict(
                    "场景「" + scenario.getName() + "」" + scenario.getStatus().label() + "，只能对审核通过的场景提出数据质量问题");
        }
        ScenarioLine line = scenarios.approvedLines(scenario.getId()).stream()
                .filter(l -> l.lineNo() == form.lineNo())
                .findFirst()
                .orElseThrow(() -> Problem.invalid(
                        "lineNo", "场景「" + scenario.getName() + "」获批准的数据需求清单中没有第 " + form.lineNo() + " 项"));
        PolicyProfile profile = profiles.of(scenario.getJurisdiction());
        Instant now = clock.instant();
        Instant due = calendar.deadline(now, profile.dataQualityFixWorkingDays());
        QualityIssue issue = repository.save(new QualityIssue(
                scenario.getId(),
                line.lineNo(),
                line.resourceCode(),
                line.providerGroup(),
                scenario.getJurisdiction(),
                scenario.getCreditCode(),
                form.description().trim(),
                actor.username(),
                now,
                reminderBefore(due, now),
                due));
        timeline.record(
                Subjects.qualityIssue(issue.getId()),
                "提出数据质量问题",
                "「" + line.resourceName() + "」（" + line.providerName() + "），须于 " + DAY.format(dueDay(issue))
                        + " 前处理并反馈（" + profile.dataQualityFixWorkingDays() + "个工作日）",
                actor.label(),
                "quality-raised:" + issue.getId());
        return issue;
    }

    @Transactional
    public void startedAs(QualityIssue issue, String processInstanceId) {
        issue.startedAs(processInstanceId);
        repository.save(issue);
    }

    /** Records that the provider was reminded; false when it had been already (a repeated delivery). */
    @Transactional
    public boolean reminded(long id) {
        QualityIssue issue = get(id);
        boolean changed = issue.reminded(clock.instant());
        if (changed) {
            repository.save(issue);
        }
        return changed;
    }

    /** Marks the issue overdue and escalated; false when it had been already (a repeated delivery). */
    @Transactional
    public boolean escalated(long id) {
        QualityIssue issue = get(id);
        boolean changed = issue.escalated(clock.instant());
        if (changed) {
            repository.save(issue);
        }
        return changed;
    }

    /** CAT-06: the provider's answer, recorded once. */
    @Transactional
    public void answer(long id, QualityResolution resolution, String answer, String by) {
        QualityIssue issue = get(id);
        if (issue.answered(resolution, answer, by, clock.instant())) {
            repository.save(issue);
        }
    }

    /** An issue whose due time was counted again, with the times it had before. */
    public record Rescheduled(QualityIssue issue, Instant dueAtBefore, Instant remindAtBefore) {}

    /**
     * Open issues whose period ran through {@code year}, counted again from when they were raised once the year's
     * schedule is entered (while it was not, their due time was provisional). Returns those whose times moved.
     */
    @Transactional
    public List<Rescheduled> recount(int year) {
        List<Rescheduled> moved = new java.util.ArrayList<>();
        for (QualityIssue issue : repository.findByStatus(QualityIssueStatus.OPEN)) {
            LocalDate raised = issue.getRaisedAt().atZone(Clocks.BEIJING).toLocalDate();
            if (raised.getYear() > year || dueDay(issue).getYear() < year) {
                continue;
            }
            Instant due = calendar.deadline(issue.getRaisedAt(), workingDays(issue));
            if (due.equals(issue.getDueAt())) {
                continue;
            }
            Rescheduled before = new Rescheduled(issue, issue.getDueAt(), issue.getRemindAt());
            issue.rescheduled(due, reminderBefore(due, clock.instant()));
            repository.save(issue);
            timeline.record(
                    Subjects.qualityIssue(issue.getId()),
                    "期限重新计算",
                    year + " 年节假日安排已录入，处理期限调整为 " + DAY.format(dueDay(issue)) + "（" + workingDays(issue) + "个工作日）",
                    "系统",
                    "quality-recount:" + issue.getId() + ":" + dueDay(issue));
            moved.add(before);
        }
        return moved;
    }

    public QualityIssue get(long id) {
        return repository.findById(id).orElseThrow(() -> Problem.notFound("数据质量问题 " + id + " 不存在"));
    }

    /** The issue as its operator may see it; another operator's is not found. */
    public QualityIssue ownIssue(long id, Actor actor) {
        QualityIssue issue = get(id);
        if (!issue.getCreditCode().equals(actor.creditCode())) {
            throw Problem.notFound("数据质量问题 " + id + " 不存在");
        }
        return issue;
    }

    public List<QualityIssue> ofOperator(String creditCode) {
        return repository.findByCreditCodeOrderByRaisedAtDesc(creditCode);
    }

    /** The issues raised against one provider unit's data, newest first. */
    public List<QualityIssue> ofProviderGroup(String providerGroup) {
        return repository.findByProviderGroupOrderByRaisedAtDesc(providerGroup);
    }

    public Scenario scenarioOf(QualityIssue issue) {
        return scenarios.get(issue.getScenarioId());
    }

    public ScenarioLine lineOf(QualityIssue issue) {
        return scenarios.lines(issue.getScenarioId()).stream()
                .filter(l -> l.lineNo() == issue.getLineNo())
                .findFirst()
                .orElseThrow();
    }

    public int workingDays(QualityIssue issue) {
        return profiles.of(issue.getJurisdiction()).dataQualityFixWorkingDays();
    }

    public static LocalDate dueDay(QualityIssue issue) {
        return issue.getDueAt().atZone(Clocks.BEIJING).toLocalDate();
    }

    /** Working days the answer came after the due day; 0 when in time. */
    public int workingDaysLate(QualityIssue issue) {
        if (!issue.answeredLate()) {
            return 0;
        }
        return Math.max(
                1,
                calendar.workingDaysUntil(
                        dueDay(issue),
                        issue.getAnsweredAt().atZone(Clocks.BEIJING).toLocalDate()));
    }

    /** The facts the provider decides on, and the times the model's timers wait for. */
    public Map<String, Object> facts(QualityIssue issue) {
        Scenario scenario = scenarioOf(issue);
        ScenarioLine line = lineOf(issue);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("issueId", issue.getId());
        facts.put("scenarioId", scenario.getId());
        facts.put("jurisdiction", issue.getJurisdiction());
        facts.put("operatorCreditCode", issue.getCreditCode());
        facts.put("companyName", scenario.getCompanyName());
        facts.put("scenarioName", scenario.getName());
        facts.put("dataLine", line.describe());
        facts.put("providerGroup", issue.getProviderGroup());
        facts.put("providerName", line.providerName());
        facts.put("issueDescription", limit(issue.getDescription()));
        facts.put(
                "raisedAt",
                MINUTE.format(issue.getRaisedAt().atZone(Clocks.BEIJING)) + "（" + issue.getRaisedBy() + "）");
        facts.put("fixWorkingDays", workingDays(issue));
        facts.put("dueDay", DAY.format(dueDay(issue)) + "（收到后 " + workingDays(issue) + " 个工作日内处理完善并反馈，CAT-06）");
        facts.put("remindAt", Date.from(issue.getRemindAt()));
        facts.put("dueAt", Date.from(issue.getDueAt()));
        return facts;
    }

    /** 09:00 of the working day before the due day; at once when that has passed already. */
    private Instant reminderBefore(Instant due, Instant now) {
        LocalDate day = due.atZone(Clocks.BEIJING).toLocalDate().minusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        Instant remind = day.atTime(REMINDER_TIME).atZone(Clocks.BEIJING).toInstant();
        return remind.isAfter(now) ? remind : now;
    }

    /** String process variables hold at most 4000 characters. */
    private static String limit(String text) {
        return text.length() <= 3900 ? text : text.substring(0, 3900) + "…（全文见问题描述）";
    }
}
