package cn.pubdata.approval.product;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.optional;
import static cn.pubdata.approval.task.TaskInput.required;
import static cn.pubdata.approval.task.TaskInput.signer;

import cn.pubdata.approval.calendar.Deadlines;
import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.policy.ScenarioSettings;
import cn.pubdata.approval.pricing.PriceCeilings;
import cn.pubdata.approval.pricing.Pricing;
import cn.pubdata.approval.review.ReviewOpinions;
import cn.pubdata.approval.task.InvalidDecision;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks each product decision when a reviewer completes a task and records it through the product's and the pricing
 * services. A decision that breaks a rule is refused with a message the reviewer can act on, the task stays open and
 * nothing is recorded.
 */
@Component("productDecisions")
public class ProductDecisions implements TaskListener {

    static final String SECURITY_STEP = "合规安全审核";
    static final String EXPERT_STEP = "专家评审";
    static final String PRICE_STEP = "价格审核";

    private final Products products;
    private final PriceCeilings ceilings;
    private final ReviewOpinions opinions;
    private final Timeline timeline;
    private final PolicyProfiles profiles;
    private final Deadlines deadlines;

    public ProductDecisions(
            Products products,
            PriceCeilings ceilings,
            ReviewOpinions opinions,
            Timeline timeline,
            PolicyProfiles profiles,
            Deadlines deadlines) {
        this.products = products;
        this.ceilings = ceilings;
        this.opinions = opinions;
        this.timeline = timeline;
        this.profiles = profiles;
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution process = task.getExecution().getProcessInstance();
        long productId = ((Number) task.getVariable("productId")).longValue();
        String entry = switch (task.getTaskDefinitionKey()) {
            case ProductProcess.TASK_SECURITY_REVIEW -> securityReview(task, process, productId);
            case ProductProcess.TASK_EXPERT_REVIEW -> expert(task, process, productId);
            case ProductProcess.TASK_PRICE_CHECK -> priceCheck(task, productId);
            case ProductProcess.TASK_REGISTER -> register(task, productId);
            default -> throw new IllegalStateException("no decision rules for task " + task.getTaskDefinitionKey());
        };
        int cut = entry.indexOf('\n');
        timeline.record(
                Subjects.product(productId),
                cut < 0 ? entry : entry.substring(0, cut),
                cut < 0 ? null : entry.substring(cut + 1),
                signer(task),
                "task:" + task.getId());
    }

    /**
     * PRD-01 PRD-03 PRD-04: the authority reviews the product, its development plan, its resources and what it
     * delivers; it may ask for a 补正 (bounded as a scenario's), consult the experts once (PRD-05), or decide. A fee
     * reviewed with the product must be confirmed to follow the price policies (PRC-07).
     */
    private String securityReview(DelegateTask task, DelegateExecution process, long productId) {
        String decision =
                choice(task, "securityDecision", Set.of("approve", "supplement", "reject", "expert"), "请选择合规安全审核结论");
        switch (decision) {
            case "expert" -> {
                PolicyProfile profile = profiles.of((String) task.getVariable("jurisdiction"));
                if (!profile.expertCommittee()) {
                    throw new InvalidDecision(profile.name() + "未设专家咨询委员会，请作出审核结论");
                }
                if (Boolean.TRUE.equals(process.getVariable("expertConsulted"))) {
                    throw new InvalidDecision("已征询过专家咨询委员会的意见，请作出审核结论");
                }
                process.setVariable("expertConsulted", true);
                return SECURITY_STEP + "：提请专家咨询委员会评审";
            }
            case "approve" -> {
                List<CatalogResource> prohibited = products.prohibitedResources(productId);
                if (!prohibited.isEmpty()) {
                    throw new InvalidDecision("产品使用的数据资源"
                            + prohibited.stream().map(r -> "「" + r.name() + "」").collect(Collectors.joining("、"))
                            + "已被列为禁止开放的公共数据，不能通过（CAT-01），请选择不予通过");
                }
                if (Boolean.TRUE.equals(task.getVariable("feeReviewedWithProduct"))
                        && !Boolean.TRUE.equals(task.getVariable("feeCompliant"))) {
                    throw new InvalidDecision("该产品的收费标准随产品审核：请确认其符合国家、省价格管理政策和收费标准（PRC-07），否则请退回补正或不予通过");
                }
            }
            case "supplement" -> {
                ScenarioSettings settings = profiles.scenario();
                int rounds = task.getVariable("supplementRounds") instanceof Number n ? n.intValue() : 0;
                if (rounds >= settings.maxSupplementRounds()) {
                    throw new InvalidDecision("已退回补正 " + rounds + " 次，达到上限（" + settings.maxSupplementRounds()
                            + " 次），不能再退回；请选择“通过”或“不予通过”");
                }
                required(task, "securityReason", "退回补正时请写明需要补正的内容");
                process.setVariable("supplementRounds", rounds + 1);
                deadlines.set(process, "supplementDue", settings.supplementWorkingDays());
            }
            default -> required(task, "securityReason", "不予通过时请写明理由");
        }
        String reason = optional(task, "securityReason");
        opinions.record(
                new ReviewOpinions.Opinion(
                        Subjects.product(productId),
                        task.getId(),
                        SECURITY_STEP,
                        "authority-reviewer",
                        actor(task),
                        decision,
                        reason),
                List.of());
        String label = switch (decision) {
            case "approve" -> "通过";
            case "supplement" -> "退回补正（第 " + process.getVariable("supplementRounds") + " 次）";
            default -> "不予通过";
        };
        return SECURITY_STEP + "：" + label + (reason == null ? "" : "\n" + reason);
    }

    /** PRD-05 ROLE-05: the experts advise; the authority decides. */
    private String expert(DelegateTask task, DelegateExecution process, long productId) {
        String recommendation = choice(task, "expertRecommendation", Set.of("approve", "reject"), "请选择评审建议");
        String opinion = required(task, "expertOpinion", "请填写评审意见");
        String advice = recommendation.equals("approve") ? "建议通过" : "不建议通过";
        opinions.record(
                new ReviewOpinions.Opinion(
                        Subjects.product(productId),
                        task.getId(),
                        EXPERT_STEP,
                        "expert",
                        actor(task),
                        recommendation,
                        opinion),
                List.of());
        Object summary = process.getVariable("reviewSummary");
        String line = "专家咨询委员会：" + advice + "（" + opinion + "）";
        process.setVariable(
                "reviewSummary", summary == null || summary.toString().isBlank() ? line : summary + "\n" + line);
        return EXPERT_STEP + "：" + advice + "\n" + opinion;
    }

    /**
     * PRC-04 PRC-05: the price authority checks an industry fee against the ceiling of its category; where none is set
     * yet, it sets one here, within the operator's maximum allowed revenue. A fee above the ceiling cannot pass.
     */
    private String priceCheck(DelegateTask task, long productId) {
        String decision = choice(task, "priceDecision", Set.of("approve", "reject"), "请选择价格审核结论");
        String reason = required(task, "priceReason", "请写明价格审核意见：通过时写明核定依据，不通过时写明理由");
        Product product = products.get(productId);
        BigDecimal ceiling = decimal(task, "ceilingYuan");
        if (ceiling != null) {
            try {
                ceilings.set(
                        product.getJurisdiction(),
                        product.getCreditCode(),
                        product.getKind(),
                        ceiling,
                        required(task, "ceilingBasis", "核定上限收费标准时请写明核定依据（PRC-04）"),
                        Actor.reviewer(actor(task), Set.of(PriceCeilings.PRICING_OFFICER)));
            } catch (Problem p) {
                throw new InvalidDecision(p.getMessage());
            }
        }
        Pricing.Assessment assessment = products.pricing(productId);
        if (decision.equals("approve")) {
            if (assessment.ceiling() == null) {
                throw new InvalidDecision(
                        "尚未核定该运营机构「" + product.getKind().label() + "」类产品的上限收费标准：请在本任务中核定（须在最高准许收入以内，PRC-04），再作审核结论");
            }
            if (!assessment.withinCeiling()) {
                throw new InvalidDecision("收费标准 " + Pricing.yuan(assessment.fee()) + " 高于「"
                        + product.getKind().label() + "」类上限收费标准 "
                        + Pricing.yuan(assessment.ceiling().ceilingYuan()) + "，不能通过（PRC-05）");
            }
        }
        String computation = "年度成本 " + Pricing.yuan(assessment.totalYearlyCost()) + "，单位成本 "
                + Pricing.yuan(assessment.unitCost()) + "，收费标准 " + Products.priceText(product) + "，利润率 "
                + assessment.marginText() + "，上限收费标准 "
                + (assessment.ceiling() == null
                        ? "未核定"
                        : Pricing.yuan(assessment.ceiling().ceilingYuan()));
        opinions.record(
                new ReviewOpinions.Opinion(
                        Subjects.product(productId),
                        task.getId(),
                        PRICE_STEP,
                        PriceCeilings.PRICING_OFFICER,
                        actor(task),
                        decision,
                        reason + "\n" + computation),
                List.of());
        return PRICE_STEP + "：" + (decision.equals("approve") ? "通过" : "不予通过") + "\n" + reason + "\n" + computation;
    }

    /** PRD-07: the authority registers the product on the jurisdiction's platform and enters its number. */
    private String register(DelegateTask task, long productId) {
        String no = required(task, "registrationNo", "请填写登记备案号");
        if (no.length() > 60) {
            throw new InvalidDecision("登记备案号不超过60个字符");
        }
        String platform = profiles.of(products.get(productId).getJurisdiction()).productRegistration();
        products.recordRegistration(productId, no, platform);
        return "登记备案：" + platform + "，登记号 " + no;
    }

    /** A decimal a form's number field sent (a Long, a Double or text), or null where it is empty. */
    private static BigDecimal decimal(DelegateTask task, String name) {
        Object v = task.getVariable(name);
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        try {
            return v instanceof Number n
                    ? new BigDecimal(n.toString())
                    : new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new InvalidDecision("「" + v + "」不是有效的金额");
        }
    }
}
