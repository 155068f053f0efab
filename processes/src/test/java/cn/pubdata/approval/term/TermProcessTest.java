package cn.pubdata.approval.term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.agreement.AgreementRenewals;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.developer.DeveloperDecision;
import cn.pubdata.approval.evaluation.Evaluation;
import cn.pubdata.approval.evaluation.EvaluationProcess;
import cn.pubdata.approval.evaluation.EvaluationReport;
import cn.pubdata.approval.evaluation.EvaluationSubmission;
import cn.pubdata.approval.evaluation.Evaluations;
import cn.pubdata.approval.exit.ExitCase;
import cn.pubdata.approval.exit.ExitProcess;
import cn.pubdata.approval.exit.ExitTrigger;
import cn.pubdata.approval.lifecycle.LifecycleTestSupport;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.permissions.PlatformPermissions;
import cn.pubdata.approval.pricing.RevenueLedger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path of agreement-term.bpmn and per profile difference of renewal: timers of months and years fired by
 * moving the engine clock, never by waiting.
 */
class TermProcessTest extends LifecycleTestSupport {

    @Autowired
    RenewalSubmission renewalSubmission;

    @Autowired
    AgreementRenewals renewals;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationSubmission evaluationSubmission;

    @Autowired
    RevenueLedger ledger;

    private static final String JDZ_CASES = "cgj-enforcement-cases";

    private LocalDate timerDay(String pid, String activityId) {
        var job = management
                .createJobQuery()
                .processInstanceId(pid)
                .activityId(activityId)
                .timers()
                .singleResult();
        return job.getDuedate().toInstant().atZone(Clocks.BEIJING).toLocalDate();
    }

    @Test
    @Enforces({"ADM-19", "ADM-20", "ADM-15"})
    void chizhouRenewalAppliedInTimeIsReviewedAndReSignedAndTheTermGoesOn() {
        beijingTime(LocalDateTime.of(2026, 3, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州续期公司", CZ_CASES);
        long agreementId = agreementOf(op).id();
        String term = termOf(op);
        LocalDate start = agreementOf(op).startsOn();
        LocalDate expiry = start.plusYears(3);
        assertThat(agreementOf(op).endsOn()).isEqualTo(expiry.minusDays(1));
        // the reminder 4 months before expiry; the last day to apply is 3 months before
        assertThat(timerDay(term, TermProcess.TIMER_RENEWAL_NOTICE)).isEqualTo(expiry.minusMonths(4));
        assertThat(timerDay(term, TermProcess.TIMER_EXPIRY)).isEqualTo(expiry);
        fireTimerAt(term, TermProcess.TIMER_RENEWAL_NOTICE);
        assertThat(awaitNotice(op, "【协议即将期满】").body())
                .contains(expiry.minusDays(1) + " 期满", "请在 " + expiry.minusMonths(3) + " 前", "续期申请");
        assertThat(awaitNotice(Notifications.group("authority-reviewer"), "【协议即将期满】池州续期公司")
                        .body())
                .contains("续期申请，经审核同意后续签");

        renewalSubmission.apply(agreementId, "继续开展普惠金融场景运营", operatorOf(op));
        assertThatThrownBy(() -> renewalSubmission.apply(agreementId, "再次", operatorOf(op)))
                .hasMessageContaining("正在审核中");
        var review = taskOf(term, TermProcess.TASK_REVIEW_RENEWAL, "authority-reviewer");
        assertThat(taskService.getVariable(review.getId(), "renewalReasonText")).isEqualTo("继续开展普惠金融场景运营");
        decide(term, TermProcess.TASK_REVIEW_RENEWAL, "authority-reviewer", Map.of("renewalDecision", "approve"));
        decide(
                term,
                TermProcess.TASK_RESIGN,
                "authority-reviewer",
                Map.of("newAgreementNo", "CZ-XQ-2028-01", "resignedOn", today().toString()));
        // ADM-15: re-signed for 3 years from the day after the old end
        awaitNotice(op, "【已续签】");
        assertThat(agreementOf(op).endsOn()).isEqualTo(expiry.plusYears(3).minusDays(1));
        assertThat(renewals.ofAgreement(agreementId)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("RESIGNED");
            assertThat(r.newAgreementNo()).isEqualTo("CZ-XQ-2028-01");
        });
        // the term goes on with the new dates: the old scope's timer is still there until the loop has passed
        awaitPassed(term, "EndEvent_Renewed");
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> management
                                .createJobQuery()
                                .processInstanceId(term)
                                .activityId(TermProcess.TIMER_EXPIRY)
                                .count()
                        == 1);
        assertThat(timerDay(term, TermProcess.TIMER_EXPIRY)).isEqualTo(expiry.plusYears(3));
        assertThat(timerDay(term, TermProcess.TIMER_RENEWAL_NOTICE))
                .isEqualTo(expiry.plusYears(3).minusMonths(4));
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);
    }

    @Test
    @Enforces({"ADM-19", "EXIT-01", "EXIT-03"})
    void chizhouLateRenewalIsRefusedAndWithoutRenewalTheExitAtExpiryBeginsWithItsPlanDue() {
        beijingTime(LocalDateTime.of(2026, 3, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州逾期续期公司", CZ_FUND);
        long agreementId = agreementOf(op).id();
        String term = termOf(op);
        LocalDate expiry = agreementOf(op).endsOn().plusDays(1);
        fireTimerAt(term, TermProcess.TIMER_RENEWAL_NOTICE);
        beijingTime(expiry.minusMonths(3).plusDays(1).atTime(9, 0));
        assertThatThrownBy(() -> renewalSubmission.apply(agreementId, "继续运营", operatorOf(op)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT))
                .hasMessageContaining("须在协议期满 3 个月前提出（" + expiry.minusMonths(3) + " 前）")
                .hasMessageContaining("ADM-19");
        assertThat(renewals.ofAgreement(agreementId)).isEmpty();

        fireTimerAt(term, TermProcess.TIMER_RENEWAL_DEADLINE);
        ExitCase exit = exits.running(agreementId).orElseThrow();
        assertThat(exit.trigger()).isEqualTo(ExitTrigger.EXPIRY);
        assertThat(exit.exitDate()).isEqualTo(expiry);
        assertThat(exit.planDue()).isEqualTo(expiry.minusMonths(3));
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITING);
        // the exit ends the term (no more evaluations or reminders) and waits for the plan
        assertThat(awaitEnd(term)).isEqualTo(TermProcess.END_ENDED_BY_EXIT);
        awaitMessage(exit.processInstanceId(), ExitProcess.MESSAGE_PLAN_FILED);
        fireTimerAt(exit.processInstanceId(), ExitProcess.TIMER_PLAN_LATE);
        awaitPassed(exit.processInstanceId(), "EndEvent_PlanLateNotified");
        assertThat(awaitNotice(Notifications.group("authority-reviewer"), "【退出方案逾期】池州逾期续期公司")
                        .body())
                .contains(expiry.minusMonths(3).toString());
        exitSubmission.filePlan(exit.id(), "数据移交与用户告知安排", List.of(), operatorOf(op));
        awaitActivity(exit.processInstanceId(), ExitProcess.TIMER_EXIT_DAY);
        assertThat(permissionOf(op))
                .as("the operator operates until expiry")
                .isEqualTo(PlatformPermissions.Status.OPEN);
        fireTimerAt(exit.processInstanceId(), ExitProcess.TIMER_EXIT_DAY);
        awaitMessage(exit.processInstanceId(), ExitProcess.MESSAGE_DATA_DELETED);
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.CLOSED);
    }

    /** Path: renewal applied in time, refused at its review (EndEvent_RenewalRefused); the deadline then begins the exit. */
    @Test
    @Enforces({"ADM-20"})
    void chizhouRenewalRefusedAtItsReviewIsToldToTheOperatorAndTheDeadlineThenBeginsTheExit() {
        beijingTime(LocalDateTime.of(2026, 3, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州不予续期公司", CZ_CASES);
        long agreementId = agreementOf(op).id();
        LocalDate expiry = agreementOf(op).endsOn().plusDays(1);
        String term = termAfterRenewalNotice(op);

        renewalSubmission.apply(agreementId, "继续开展城市治理场景运营", operatorOf(op));
        assertThatThrownBy(() -> decide(
                        term,
                        TermProcess.TASK_REVIEW_RENEWAL,
                        "authority-reviewer",
                        Map.of("renewalDecision", "refuse")))
                .hasMessageContaining("不予续期时请写明理由");
        decide(
                term,
                TermProcess.TASK_REVIEW_RENEWAL,
                "authority-reviewer",
                Map.of("renewalDecision", "refuse", "renewalReason", "年度评估未通过，经营目标未达成"));
        assertThat(awaitNotice(op, "【不予续期】授权运营协议 " + agreementOf(op).agreementNo())
                        .body())
                .contains("续期申请未获同意", "理由：年度评估未通过，经营目标未达成", "协议于 " + expiry.minusDays(1) + " 期满后，将按程序退出");
        awaitPassed(term, "EndEvent_RenewalRefused");
        assertThat(passedActivities(term)).doesNotContain(TermProcess.TASK_RESIGN, "EndEvent_Renewed");
        assertThat(renewals.ofAgreement(agreementId)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("REFUSED");
            assertThat(r.decisionReason()).isEqualTo("年度评估未通过，经营目标未达成");
            assertThat(r.newEndsOn()).isNull();
        });
        assertThat(titles(cn.pubdata.approval.timeline.Subjects.agreement(agreementId)))
                .contains("提出续期申请", "不予续期");
        // the agreement runs on unchanged until the deadline: same end, still operating, permissions open
        assertThat(agreementOf(op).endsOn()).isEqualTo(expiry.minusDays(1));
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.OPEN);
        assertThat(timerDay(term, TermProcess.TIMER_EXPIRY)).isEqualTo(expiry);

        // no renewal pending at the deadline: the exit at expiry begins with its plan due
        fireTimerAt(term, TermProcess.TIMER_RENEWAL_DEADLINE);
        assertThat(awaitEnd(term)).isEqualTo(TermProcess.END_ENDED_BY_EXIT);
        assertThat(passedActivities(term)).contains("EndEvent_ExitPlanned").doesNotContain("EndEvent_RenewalPending");
        ExitCase exit = exits.ofAgreement(agreementId).get(0);
        assertThat(exit.trigger()).isEqualTo(ExitTrigger.EXPIRY);
        assertThat(exit.planDue()).isEqualTo(expiry.minusMonths(3));
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITING);
    }

    /** Path: the renewal deadline passes while the application is still reviewed (EndEvent_RenewalPending): no exit. */
    @Test
    @Enforces({"ADM-19"})
    void chizhouRenewalDeadlinePassingWhileTheApplicationIsReviewedStartsNoExit() {
        beijingTime(LocalDateTime.of(2026, 3, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州续期审核中公司", CZ_FUND);
        long agreementId = agreementOf(op).id();
        LocalDate expiry = agreementOf(op).endsOn().plusDays(1);
        String term = termAfterRenewalNotice(op);
        renewalSubmission.apply(agreementId, "继续开展公积金场景运营", operatorOf(op));
        taskOf(term, TermProcess.TASK_REVIEW_RENEWAL, "authority-reviewer");

        fireTimerAt(term, TermProcess.TIMER_RENEWAL_DEADLINE);
        awaitPassed(term, "EndEvent_RenewalPending");
        assertThat(passedActivities(term)).doesNotContain("ThrowEvent_PlanExit", "EndEvent_ExitPlanned");
        assertThat(exits.ofAgreement(agreementId)).isEmpty();
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.OPEN);
        assertThat(renewals.open(agreementId))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo("IN_REVIEW"));
        assertThat(noticesOf(op)).noneMatch(n -> n.title().startsWith("【退出程序开始】"));
        // the review goes on after the deadline, and the term still waits for its expiry
        taskOf(term, TermProcess.TASK_REVIEW_RENEWAL, "authority-reviewer");
        assertThat(timerDay(term, TermProcess.TIMER_EXPIRY)).isEqualTo(expiry);
        // a second application is refused as late now
        assertThatThrownBy(() -> renewalSubmission.apply(agreementId, "再次申请", operatorOf(op)))
                .hasMessageContaining("ADM-19");
    }

    /**
     * Path of 002's "new application after expiry" (NEW_ADMISSION_AFTER_EXPIRY): reminded at 3 months (EndEvent_Reminded),
     * no renewal application and no renewal deadline, the exit at expiry (EndEvent_ExitAtExpiry), then a new admission.
     */
    @Test
    @Enforces({"ADM-20", "EXIT-01"})
    void jingdezhenKnowsOnlyANewApplicationAfterExpiryAndTheOperatorExitsAtExpiry() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("jingdezhen", "景德镇期满重新申请公司", JDZ_CASES);
        long agreementId = agreementOf(op).id();
        String term = termOf(op);
        LocalDate expiry = agreementOf(op).endsOn().plusDays(1);
        assertThat(timerDay(term, TermProcess.TIMER_RENEWAL_NOTICE)).isEqualTo(expiry.minusMonths(3));
        assertThatThrownBy(() -> renewalSubmission.apply(agreementId, "继续运营", operatorOf(op)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT))
                .hasMessageContaining("需继续运营的应在期满后按照规定重新申请，不设续期申请（ADM-20）");
        assertThat(renewals.ofAgreement(agreementId)).isEmpty();

        fireTimerAt(term, TermProcess.TIMER_RENEWAL_NOTICE);
        assertThat(awaitNotice(op, "【协议即将期满】" + expiry.minusDays(1) + " 期满").body())
                .contains("将于 " + expiry.minusDays(1) + " 期满", "协议期满后运营机构应当退出授权运营活动；需继续运营的，应在期满后按照规定重新申请。")
                .doesNotContain("续期申请");
        assertThat(awaitNotice(Notifications.group("authority-reviewer"), "【协议即将期满】景德镇期满重新申请公司")
                        .body())
                .contains("（期满后按规定重新申请）");
        awaitPassed(term, "EndEvent_Reminded");
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(term)
                        .activityId(TermProcess.TIMER_RENEWAL_DEADLINE)
                        .count())
                .as("no renewal deadline in 002")
                .isZero();
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);

        fireTimerAt(term, TermProcess.TIMER_EXPIRY);
        assertThat(awaitEnd(term)).isEqualTo(TermProcess.END_EXIT_AT_EXPIRY);
        assertThat(passedActivities(term)).doesNotContain("ServiceTask_Superseded");
        ExitCase exit = exits.ofAgreement(agreementId).get(0);
        assertThat(exit.trigger()).isEqualTo(ExitTrigger.EXPIRY);
        assertThat(exit.reason()).contains(expiry.minusDays(1) + " 期满，未续期");
        assertThat(exit.planDue()).as("002 asks no exit plan ahead").isNull();
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITING);

        // after expiry the operator applies again as a new applicant, and a new agreement begins
        AdmissionApplication again = admittedAs(op.getCreditCode(), 0, "jingdezhen", op.getCompanyName(), JDZ_CASES);
        assertThat(agreementOf(again).id()).isGreaterThan(agreementId);
        assertThat(agreementOf(again).startsOn()).isAfterOrEqualTo(expiry);
        assertThat(stateOf(again)).isEqualTo(AgreementState.OPERATING);
        assertThat(permissionOf(again)).isEqualTo(PlatformPermissions.Status.OPEN);
    }

    @Test
    @Enforces({"ADM-20", "EXIT-01"})
    void xianningHasNoRenewalAndTheOperatorExitsAtExpiry() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁期满退出公司", XN_VISITORS);
        String term = termOf(op);
        assertThatThrownBy(() -> renewalSubmission.apply(agreementOf(op).id(), "继续运营", operatorOf(op)))
                .hasMessageContaining("未设续期")
                .hasMessageContaining("ADM-20");
        LocalDate expiry = agreementOf(op).endsOn().plusDays(1);
        assertThat(timerDay(term, TermProcess.TIMER_RENEWAL_NOTICE)).isEqualTo(expiry.minusMonths(3));
        fireTimerAt(term, TermProcess.TIMER_EXPIRY);
        assertThat(awaitEnd(term)).isEqualTo(TermProcess.END_EXIT_AT_EXPIRY);
        ExitCase exit = exits.ofAgreement(agreementOf(op).id()).get(0);
        assertThat(exit.trigger()).isEqualTo(ExitTrigger.EXPIRY);
        assertThat(exit.reason()).contains(expiry.minusDays(1) + " 期满，未续期");
        // no decision at expiry, no plan in 003, no deletion: permissions closed, then the handover
        taskOf(exit.processInstanceId(), ExitProcess.TASK_HANDOVER, "authority-reviewer");
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.CLOSED);
        assertThat(passedActivities(exit.processInstanceId()))
                .doesNotContain(ExitProcess.TASK_DECIDE, ExitProcess.WAIT_PLAN, ExitProcess.TASK_DELETE_DATA);
    }

    @Test
    @Enforces({"ADM-19", "ADM-20"})
    void xinchangRenewsThroughANewAdmissionInTimeAndTheNewAgreementTakesOverAtExpiry() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌重新申请公司", XC_BUS);
        String term = termOf(op);
        assertThatThrownBy(() -> renewalSubmission.apply(agreementOf(op).id(), "续期", operatorOf(op)))
                .hasMessageContaining("按程序重新申请（完整准入流程）");
        // ADM-19: the new application is late after 3 months before expiry
        LocalDate lastDay = agreementOf(op).endsOn().plusDays(1).minusMonths(3);
        beijingTime(lastDay.plusDays(7).atTime(9, 0));
        var late = announcement("xinchang", XC_BUS);
        assertThatThrownBy(() -> submission.submit(form(
                        late,
                        op.getCreditCode(),
                        op.getCompanyName(),
                        List.of(XC_BUS),
                        List.of(scenario("再申请场景", "交通运输", XC_BUS)))))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::message)
                                .singleElement()
                                .satisfies(m -> assertThat(m).contains(lastDay + " 前", "已逾期，不予受理（ADM-19）")));
        // in time: admitted again, a new agreement
        beijingTime(lastDay.minusDays(20).atTime(9, 0));
        AdmissionApplication again = admittedAs(op.getCreditCode(), 0, "xinchang", op.getCompanyName(), XC_BUS);
        assertThat(agreementOf(again).id()).isGreaterThan(agreementOf(op).id());
        fireTimerAt(term, TermProcess.TIMER_EXPIRY);
        assertThat(awaitEnd(term)).isEqualTo(TermProcess.END_SUPERSEDED);
        assertThat(stateOf(op)).isEqualTo(AgreementState.SUPERSEDED);
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.CLOSED);
        assertThat(stateOf(again)).isEqualTo(AgreementState.OPERATING);
        assertThat(permissionOf(again)).isEqualTo(PlatformPermissions.Status.OPEN);
        assertThat(exits.ofAgreement(agreementOf(op).id())).isEmpty();
    }

    @Test
    @Enforces({"EVAL-04"})
    void xianningEvaluatesAtTheCadenceItsProfileSets() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        profiles.update("xianning", Map.of("evaluationEveryMonths", 6), "测试：评估周期设为每 6 个月", "test");
        try {
            AdmissionApplication op = admitted("xianning", "咸宁定期评估公司", XN_VISITORS);
            String term = termOf(op);
            LocalDate start = agreementOf(op).startsOn();
            assertThat(timerDay(term, TermProcess.TIMER_NEXT_EVALUATION)).isEqualTo(start.plusMonths(6));
            fireTimerAt(term, TermProcess.TIMER_NEXT_EVALUATION);
            assertThat(evaluations.ofAgreement(agreementOf(op).id()))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.periodFrom()).isEqualTo(start);
                        assertThat(e.periodTo()).isEqualTo(start.plusMonths(6).minusDays(1));
                    });
            assertThat(timerDay(term, TermProcess.TIMER_NEXT_EVALUATION)).isEqualTo(start.plusMonths(12));
        } finally {
            profiles.update("xianning", Map.of("evaluationEveryMonths", 12), "测试后恢复", "test");
        }
    }

    @Test
    @Enforces({"ADM-16", "EVAL-02", "EVAL-08"})
    void xinchangTrialEndsThenTheFirstFullYearAndTheFirstHalfYearBringTheirReports() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        AdmissionApplication op = admittedAs(nextCreditCode(), 6, "xinchang", "新昌试运营公司", XC_CLINICS);
        String term = termOf(op);
        assertThat(stateOf(op)).isEqualTo(AgreementState.TRIAL);
        fireTimerAt(term, TermProcess.TIMER_TRIAL_ENDS);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> stateOf(op) == AgreementState.OPERATING);
        assertThat(states.history(agreementOf(op).id()))
                .extracting(c -> c.to())
                .containsExactly(AgreementState.TRIAL, AgreementState.OPERATING);

        fireTimerAt(term, TermProcess.TIMER_NEXT_SECURITY_REPORT);
        fireTimerAt(term, TermProcess.TIMER_NEXT_EVALUATION);
        List<Evaluation> started = evaluations.ofAgreement(agreementOf(op).id());
        LocalDate start = agreementOf(op).startsOn();
        assertThat(started)
                .extracting(Evaluation::kind, Evaluation::periodFrom, Evaluation::periodTo)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                Evaluation.Kind.SECURITY,
                                start,
                                start.plusMonths(6).minusDays(1)),
                        org.assertj.core.groups.Tuple.tuple(
                                Evaluation.Kind.ANNUAL,
                                start,
                                start.plusYears(1).minusDays(1)));
        // the loops wait for the next period
        assertThat(timerDay(term, TermProcess.TIMER_NEXT_SECURITY_REPORT)).isEqualTo(start.plusMonths(12));
        assertThat(timerDay(term, TermProcess.TIMER_NEXT_EVALUATION)).isEqualTo(start.plusYears(2));
    }

    @Test
    @Enforces({"DEV-07"})
    void xianningOperatorReportsOnItsDevelopersEachYearAndTheAuthorityReviewsIt() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁开发主体报告公司", XN_VISITORS);
        // one developer onboarded with platform access, another refused, as the developer flow leaves them
        Actor working = developerWithAccess(op, "报告期开发公司");
        LocalDate accessOpened = today();
        Actor refused = developerNamed("报告期被拒公司");
        long refusal = developerApplication(op, refused, "报告期被拒公司");
        developers.decide(refusal, new DeveloperDecision(false, "能力不足"), operatorOf(op));
        String term = termOf(op);
        LocalDate start = agreementOf(op).startsOn();
        // DEV-07: the profile's cadence (12 months in 咸宁, a versioned setting)
        assertThat(profiles.of("xianning").developerReportMonths()).isEqualTo(12);
        assertThat(timerDay(term, TermProcess.TIMER_NEXT_DEVELOPER_REPORT)).isEqualTo(start.plusMonths(12));
        fireTimerAt(term, TermProcess.TIMER_NEXT_DEVELOPER_REPORT);
        Evaluation report = org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(
                        () -> evaluations.ofAgreement(agreementOf(op).id()).stream()
                                .filter(e -> e.kind() == Evaluation.Kind.DEVELOPERS)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(report.periodFrom()).isEqualTo(start);
        assertThat(report.periodTo()).isEqualTo(start.plusMonths(12).minusDays(1));
        // the loop waits for the next period
        assertThat(timerDay(term, TermProcess.TIMER_NEXT_DEVELOPER_REPORT)).isEqualTo(start.plusMonths(24));
        assertThat(awaitNotice(op, "【请提交开发利用主体情况报告】").body()).contains("开发利用主体情况报告，包括开发利用主体的入驻和退出、数据使用和安全情况（DEV-07）");

        String pid = report.processInstanceId();
        awaitMessage(pid, EvaluationProcess.MESSAGE_REPORT_FILED);
        assertThatThrownBy(() -> evaluationSubmission.fileReport(
                        report.id(),
                        new EvaluationReport(null, null, null, " ", null, null, null, null, null, List.of()),
                        operatorOf(op)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("security", "incidentCount"));
        evaluationSubmission.fileReport(
                report.id(),
                new EvaluationReport(
                        null, null, null, "新入驻开发利用主体 2 家，退出 1 家；均使用抽样脱敏数据", null, null, null, 0, null, List.of()),
                operatorOf(op));
        var task = taskOf(pid, EvaluationProcess.TASK_REVIEW_DEVELOPER_REPORT, "authority-reviewer");
        assertThat(taskService.getVariable(task.getId(), "reportSummary").toString())
                .contains("开发利用主体情况：新入驻开发利用主体 2 家，退出 1 家", "开发利用主体安全事件 0 起");
        // DEV-07: the reviewer sees which developers the report is about, read-only, one line each
        assertThat(taskService.getVariable(task.getId(), "developerListing"))
                .isEqualTo("1. 报告期开发公司（统一社会信用代码 " + working.creditCode() + "）：已开通平台访问（抽样、脱敏数据）；平台访问开通于 "
                        + accessOpened + "，至今有效\n"
                        + "2. 报告期被拒公司（统一社会信用代码 " + refused.creditCode() + "）：运营机构未同意入驻；未开通平台访问");
        decide(
                pid,
                EvaluationProcess.TASK_REVIEW_DEVELOPER_REPORT,
                "authority-reviewer",
                Map.of("developerRemarks", "已审阅，请继续落实开发利用主体的安全管理"));
        assertThat(awaitEnd(pid)).isEqualTo(EvaluationProcess.END_DEVELOPER_REPORT_REVIEWED);
        assertThat(evaluations.get(report.id()).result()).isEqualTo(Evaluation.Result.NOTED);
        assertThat(awaitNotice(op, "【开发利用主体情况报告：").body()).contains("已审阅，请继续落实开发利用主体的安全管理");
    }

    @Test
    @Enforces({"EVAL-01", "PRC-03"})
    void chizhouEvaluatesEachYearAtItsStartAndReEvaluatesTheCapEachYear() {
        beijingTime(LocalDateTime.of(2026, 3, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州定期事项公司", CZ_ENTERPRISES);
        long agreementId = agreementOf(op).id();
        String term = termOf(op);
        assertThat(timerDay(term, TermProcess.TIMER_NEXT_EVALUATION)).isEqualTo(LocalDate.of(2027, 1, 1));
        fireTimerAt(term, TermProcess.TIMER_NEXT_EVALUATION);
        assertThat(evaluations.ofAgreement(agreementId)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Evaluation.Kind.ANNUAL);
            assertThat(e.periodFrom()).isEqualTo(agreementOf(op).startsOn());
            assertThat(e.periodTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        });
        assertThat(timerDay(term, TermProcess.TIMER_NEXT_EVALUATION)).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(term)
                        .activityId(TermProcess.TIMER_NEXT_SECURITY_REPORT)
                        .count())
                .as("001 has no semi-annual security report")
                .isZero();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(term)
                        .activityId(TermProcess.TIMER_NEXT_DEVELOPER_REPORT)
                        .count())
                .as("DEV-07's report on developers is 003's")
                .isZero();
        awaitPassed(term, TermProcess.END_NO_DEVELOPER_REPORTS);

        fireTimerAt(term, TermProcess.TIMER_NEXT_CAP_REVIEW);
        var task = taskOf(term, TermProcess.TASK_REVIEW_REVENUE_CAP, "pricing-officer");
        LocalDate start = agreementOf(op).startsOn();
        assertThat(taskService.getVariable(task.getId(), "nextPeriodFrom"))
                .isEqualTo(start.plusYears(1).toString());
        decide(
                term,
                TermProcess.TASK_REVIEW_REVENUE_CAP,
                "pricing-officer",
                Map.of("maxAllowedRevenueWan", 1500, "revenueCapBasis", "业务量增长，成本加合理利润"));
        assertThat(ledger.caps(agreementId))
                .extracting(RevenueLedger.Cap::effectiveFrom)
                .containsExactly(start, start.plusYears(1));
        assertThat(ledger.capOn(agreementId, LocalDate.of(2027, 6, 1)).orElseThrow())
                .isEqualByComparingTo("15000000");
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> management
                                .createJobQuery()
                                .processInstanceId(term)
                                .activityId(TermProcess.TIMER_NEXT_CAP_REVIEW)
                                .count()
                        == 1);
        assertThat(timerDay(term, TermProcess.TIMER_NEXT_CAP_REVIEW)).isEqualTo(start.plusYears(2));
    }
}
