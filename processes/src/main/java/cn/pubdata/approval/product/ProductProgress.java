package cn.pubdata.approval.product;

import cn.pubdata.approval.admission.AdmissionProcess;
import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Where a product review stands: its status, what is due by when (in working days), what the operator must do now,
 * the steps still to do, and its timeline.
 */
@Service
public class ProductProgress {

    public record DueItem(
            String taskId, String step, String responsible, Instant due, LocalDate dueDay, int workingDaysLeft) {}

    public record Progress(
            long productId,
            String productName,
            String companyName,
            ProductStatus status,
            String statusLabel,
            String outcomeReason,
            String operatorAction,
            List<DueItem> due,
            List<String> stepsToDo,
            List<TimelineEntry> timeline) {}

    private final Products products;
    private final Timeline timeline;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final WorkingDayCalendar calendar;
    private final PolicyProfiles profiles;
    private final Clock clock;

    public ProductProgress(
            Products products,
            Timeline timeline,
            RuntimeService runtime,
            TaskService tasks,
            HistoryService history,
            WorkingDayCalendar calendar,
            PolicyProfiles profiles,
            Clock clock) {
        this.products = products;
        this.timeline = timeline;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.calendar = calendar;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The progress as the operator (or its partner) sees it: another company's product is not found. */
    public Progress of(long productId, Actor actor) {
        products.getOf(productId, actor);
        return of(productId);
    }

    public Progress of(long productId) {
        Product product = products.get(productId);
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BEIJING));
        List<DueItem> due = new ArrayList<>();
        List<String> stepsToDo = new ArrayList<>();
        String action = null;
        String pid = product.getProcessInstanceId();
        if (product.getStatus() == ProductStatus.IN_REVIEW
                && pid != null
                && runtime.createProcessInstanceQuery().processInstanceId(pid).count() > 0) {
            for (Task task : tasks.createTaskQuery()
                    .processInstanceId(pid)
                    .orderByDueDate()
                    .asc()
                    .list()) {
                due.add(item(task.getId(), task.getName(), responsible(task), task.getDueDate(), today));
            }
            stepsToDo = stepsToDo(product, pid);
            if (AdmissionProcess.waitsFor(runtime, pid, ProductProcess.MESSAGE_SUPPLEMENT_SUBMITTED)) {
                DueItem item = item(
                        null,
                        "提交补正材料",
                        product.getCompanyName(),
                        (Date) runtime.getVariable(pid, "supplementDue"),
                        today);
                due.add(0, item);
                action = "请于 " + item.dueDay() + "（还有 " + item.workingDaysLeft() + " 个工作日）前提交补正材料。补正要求："
                        + runtime.getVariable(pid, "securityReason");
            } else {
                action = "审核中，您暂无需操作。";
            }
        }
        return new Progress(
                product.getId(),
                product.getName(),
                product.getCompanyName(),
                product.getStatus(),
                product.getStatus().label(),
                product.getStatus() == ProductStatus.DELISTED
                        ? product.getDelistingReason()
                        : product.getOutcomeReason(),
                action,
                due,
                stepsToDo,
                timeline.of(Subjects.product(productId)));
    }

    /** The steps of this product's review, in order, that have not been completed yet (the current one included). */
    private List<String> stepsToDo(Product product, String pid) {
        PolicyProfile profile = profiles.of(product.getJurisdiction());
        Map<String, String> plan = new LinkedHashMap<>();
        plan.put(ProductProcess.FILE_COMPLIANCE_REVIEW, "出域合规审核报备案");
        if (!profile.productReviewByOperator()) {
            if (Boolean.TRUE.equals(runtime.getVariable(pid, "expertConsulted"))) {
                plan.put(ProductProcess.TASK_EXPERT_REVIEW, "专家咨询委员会评审");
            }
            plan.put(ProductProcess.TASK_SECURITY_REVIEW, "合规安全审核");
        }
        if (product.getPurpose() == Purpose.INDUSTRY && profile.priceCeilings()) {
            plan.put(ProductProcess.TASK_PRICE_CHECK, "价格审核（上限收费标准）");
        }
        plan.put(ProductProcess.TASK_REGISTER, "登记备案（" + profile.productRegistration() + "）");
        plan.put(ProductProcess.LIST_PRODUCT, "列入数据产品和服务清单（上架）");
        plan.put(ProductProcess.PUBLISH_PRODUCT, "向社会公示产品及收费标准");
        Set<String> active = Set.copyOf(runtime.getActiveActivityIds(pid));
        Set<String> finished =
                history.createHistoricActivityInstanceQuery().processInstanceId(pid).finished().list().stream()
                        .map(HistoricActivityInstance::getActivityId)
                        .collect(Collectors.toSet());
        // the expert review and a 补正 lead back to the security review
        boolean reviewAgain =
                active.contains(ProductProcess.TASK_EXPERT_REVIEW) || active.contains(ProductProcess.WAIT_SUPPLEMENT);
        return plan.entrySet().stream()
                .filter(step -> active.contains(step.getKey())
                        || !finished.contains(step.getKey())
                        || reviewAgain && step.getKey().equals(ProductProcess.TASK_SECURITY_REVIEW))
                .map(Map.Entry::getValue)
                .toList();
    }

    private DueItem item(String taskId, String step, String responsible, Date due, LocalDate today) {
        if (due == null) {
            return new DueItem(taskId, step, responsible, null, null, 0);
        }
        LocalDate day = due.toInstant().atZone(Clocks.BEIJING).toLocalDate();
        return new DueItem(taskId, step, responsible, due.toInstant(), day, calendar.workingDaysUntil(today, day));
    }

    private String responsible(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(g -> g != null)
                .map(profiles::groupName)
                .collect(Collectors.joining("、"));
    }
}
