package cn.pubdata.approval.appeal;

/** Names of the appeal model that code outside it uses. */
public final class AppealProcess {

    public static final String KEY = "appeal";
    public static final String TASK_DECIDE = "UserTask_DecideAppeal";
    public static final String TASK_DECIDE_OBJECTION = "UserTask_DecideObjection";
    public static final String WAIT_MATERIAL = "ReceiveTask_AwaitMaterial";
    public static final String MESSAGE_MATERIAL_FILED = "AppealMaterialFiled";
    public static final String END_UPHELD = "EndEvent_Upheld";
    public static final String END_DISMISSED = "EndEvent_Dismissed";

    private AppealProcess() {}
}
