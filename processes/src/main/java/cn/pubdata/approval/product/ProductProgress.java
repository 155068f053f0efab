package cn.pubdata.approval.product;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Service;

/**
 * Where a product review stands: its status, what is due by when (in working days), what the operator must do now,
 * the steps still to do, and its timeline.
 */
@Service
public class ProductProgress {

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
    private final HistoryService history;
    private final PolicyProfiles profiles;
    private final OpenSteps steps;

    public ProductProgress(
            Products products,
            Timeline timeline,
            RuntimeService runtime,
            HistoryService history,
            PolicyProfiles profiles,
            OpenSteps steps) {
        this.products = products;
        this.timeline = timeline;
        this.runtime = runtime;
        this.history = history;
        this.profiles = profiles;
        this.steps = steps;
    }

    /** The progress as the operator (or its partner) sees it: another company's product is not found. */
    public Progress of(long productId, Actor actor) {
        products.getOf(productId, actor);
        return of(productId);
    }

    public Progress of(long productId) {
        Product product = products.get(productId);
        List<DueItem> due = new ArrayList<>();
        List<String> stepsToDo = new ArrayList<>();
        String action = null;
        String pid = product.getProcessInstanceId();
        if (product.getStatus() == ProductStatus.IN_REVIEW && steps.running(pid)) {
            due.addAll(steps.openTasks(pid));
            stepsToDo = stepsToDo(product, pid);
            if (steps.waitsFor(pid, ProductProcess.MESSAGE_SUPPLEMENT_SUBMITTED)) {
                DueItem item = steps.item(
                        null, "提交补正材料", product.getCompanyName(), (Date) runtime.getVariable(pid, "supplementDue"));
                due.add(0, item);
                action = "请于 " + item.dueDay() + "（还有 " + item.workingDaysLeft() + " 个工作日）前提交补正材料。补正要求："
                        + runtime.getVariable(pid, "securityReason");
            } else if (steps.waitsFor(pid, ProductProcess.MESSAGE_OPERATOR_REVIEWED)) {
                action = "开发利用主体申报的数据产品，待运营机构" + product.getCompanyName() + "在本页进行出域合规审核（PRD-02）。";
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
        if (product.getDeveloperCreditCode() != null) {
            plan.put(ProductProcess.WAIT_OPERATOR_REVIEW, "运营机构出域合规审核");
        }
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
}
