package cn.pubdata.approval.exit;

/** Names of the exit model that code outside it uses: process key, messages, and its element ids. */
public final class ExitProcess {

    public static final String KEY = "exit";
    public static final String MESSAGE_ORDERED = "ExitOrdered";
    public static final String MESSAGE_PLAN_FILED = "ExitPlanFiled";
    public static final String MESSAGE_DATA_DELETED = "ExitDataDeleted";
    /** Caught by the agreement-term flow: the exit is decided, the term's timers stop. */
    public static final String MESSAGE_TERM_ENDED = "AgreementTermEnded";
    /** Caught by the scenario, data-use and product models: their review ends because the operator exits. */
    public static final String MESSAGE_SCENARIO_ENDED = "ScenarioEndedByExit";

    public static final String MESSAGE_DATA_USE_ENDED = "DataUseEndedByExit";
    public static final String MESSAGE_PRODUCT_ENDED = "ProductEndedByExit";

    public static final String TASK_PROPOSE = "UserTask_ProposeTermination";
    public static final String TASK_DELIBERATE = "UserTask_Deliberate";
    public static final String TASK_DECIDE = "UserTask_DecideTermination";
    public static final String TASK_DELETE_DATA = "UserTask_DeleteData";
    public static final String TASK_CONFIRM_DELETION = "UserTask_ConfirmDeletion";
    public static final String TASK_HANDOVER = "UserTask_Handover";
    public static final String WAIT_PLAN = "ReceiveTask_AwaitPlan";
    public static final String WAIT_DELETION = "ReceiveTask_AwaitDeletion";
    public static final String TIMER_PLAN_LATE = "Boundary_PlanLate";
    public static final String TIMER_EXIT_DAY = "Catch_ExitDay";
    public static final String TIMER_EXIT_DAY_WITHOUT_PLAN = "Boundary_ExitDayWithoutPlan";
    public static final String TIMER_LOGS_KEPT = "Catch_LogsKeptUntil";

    public static final String END_EXITED = "EndEvent_Exited";
    public static final String END_NOT_TERMINATED = "EndEvent_NotTerminated";

    private ExitProcess() {}
}
