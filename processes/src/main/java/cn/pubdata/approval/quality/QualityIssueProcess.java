package cn.pubdata.approval.quality;

/** Names of the data-quality issue model that code outside it uses: process key and its element ids. */
public final class QualityIssueProcess {

    public static final String KEY = "data-quality-issue";

    public static final String TASK_ANSWER_ISSUE = "UserTask_AnswerIssue";
    public static final String TIMER_REMINDER = "Boundary_Reminder";
    public static final String TIMER_DUE_DATE_PASSED = "Boundary_DueDatePassed";

    public static final String END_ANSWERED = "EndEvent_Answered";

    private QualityIssueProcess() {}
}
