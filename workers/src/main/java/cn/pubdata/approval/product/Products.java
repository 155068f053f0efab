package cn.pubdata.approval.product;

import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.Validation;
import cn.pubdata.approval.developer.DeveloperApplication;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.pricing.Pricing;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioStatus;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.scenario.ScenariosForProducts;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data products and services (数据产品和服务): the rules a submission must meet, each step's record, and the operator's
 * product list. A product serves one approved scenario and uses only resources of its approved demand list.
 */
@Service
public class Products {

    private final ProductRepository repository;
    private final ProductDetails details;
    private final Scenarios scenarios;
    private final Agreements agreements;
    private final AgreementStates states;
    private final CatalogResources catalog;
    private final Pricing pricing;
    private final PolicyProfiles profiles;
    private final ScenariosForProducts scenariosForProducts;
    private final Validation validation;
    private final Timeline timeline;
    private final Clock clock;

    public Products(
            ProductRepository repository,
            ProductDetails details,
            Scenarios scenarios,
            Agreements agreements,
            AgreementStates states,
            CatalogResources catalog,
            Pricing pricing,
            PolicyProfiles profiles,
            ScenariosForProducts scenariosForProducts,
            Validation validation,
            Timeline timeline,
            Clock clock) {
        this.repository = repository;
        this.details = details;
        this.scenarios = scenarios;
        this.agreements = agreements;
        this.states = states;
        this.catalog = catalog;
        this.pricing = pricing;
        this.profiles = profiles;
        this.scenariosForProducts = scenariosForProducts;
        this.validation = validation;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * A product of one of the operator's approved scenarios, submitted by the operator or its partner on its behalf.
     * Nothing is written when it is refused. The caller starts its process in the same transaction.
     */
    @Transactional
    public Product register(ProductForm form, Actor actor) {
        validation.check(form, "数据产品申报不完整，请按提示补充");
        Scenario scenario = scenarioOf(form.scenarioId(), actor);
        check(form, scenario);
        Product submitted = new Product(
                scenario.getId(),
                scenario.getJurisdiction(),
                scenario.getCreditCode(),
                scenario.getCompanyName(),
                actor.username(),
                actor.kind() == Actor.Kind.PARTNER ? Product.SubmitterRole.PARTNER : Product.SubmitterRole.OPERATOR,
                form,
                clock.instant());
        developerOf(scenario, actor)
                .ifPresent(d -> submitted.submittedByDeveloper(d.developerCreditCode(), d.developerName()));
        Product product = repository.save(submitted);
        details.replace(product.getId(), distinct(form.resources()), form.costItems());
        timeline.record(
                Subjects.product(product.getId()),
                "提交数据产品申报",
                "「" + product.getName() + "」（" + product.getKind().label() + "），依托场景「" + scenario.getName() + "」",
                actor.label(),
                "product-submitted:" + product.getId());
        return product;
    }

    /** 补正: the submitter replaces the product's content; the same checks apply. */
    @Transactional
    public Product supplement(long id, ProductForm form, Actor actor) {
        validation.check(form, "补正材料不完整，请按提示补充");
        Product product = getOf(id, actor);
        if (product.getStatus() != ProductStatus.IN_REVIEW) {
            throw Problem.conflict("数据产品申报已结束（" + product.getStatus().label() + "），不能再补正");
        }
        if (!product.getScenarioId().equals(form.scenarioId())) {
            throw Problem.invalid("scenarioId", "补正不能更换依托的应用场景");
        }
        check(form, scenarioOf(form.scenarioId(), actor));
        product.replaceContent(form);
        repository.save(product);
        details.replace(id, distinct(form.resources()), form.costItems());
        return product;
    }

    @Transactional
    public void startedAs(Product product, String processInstanceId) {
        product.startedAs(processInstanceId);
        repository.save(product);
    }

    public Product get(long id) {
        return repository.findById(id).orElseThrow(() -> Problem.notFound("数据产品 " + id + " 不存在"));
    }

    /** The product, as its operator (or the operator's partner) may see it: another company's is not found. */
    public Product getOf(long id, Actor actor) {
        Product product = get(id);
        if ((actor.kind() == Actor.Kind.OPERATOR || actor.kind() == Actor.Kind.PARTNER)
                && !product.getCreditCode().equals(actor.creditCode())
                && !actor.creditCode().equals(product.getDeveloperCreditCode())) {
            throw Problem.notFound("数据产品 " + id + " 不存在");
        }
        return product;
    }

    /** Every product the operator submitted, newest first, whatever its status. */
    public List<Product> ofOperator(String creditCode) {
        return repository.findByCreditCodeOrderBySubmittedAtDesc(creditCode);
    }

    /** PRD-08: the operator's list of products and services it provides, by scenario, as listed. */
    public List<Product> productList(String creditCode) {
        return repository.findByCreditCodeAndStatusOrderByScenarioIdAscListedAtAsc(creditCode, ProductStatus.LISTED);
    }

    /** The products listed in a jurisdiction, newest first: what the public product list shows with its prices. */
    public List<Product> listed(String jurisdiction) {
        return repository.findByJurisdictionAndStatusOrderByListedAtDesc(jurisdiction, ProductStatus.LISTED);
    }

    public List<Product> ofScenario(long scenarioId) {
        return repository.findByScenarioIdOrderBySubmittedAt(scenarioId);
    }

    /** The catalog resources the product uses. */
    public List<CatalogResource> resources(long id) {
        return catalog.findAll(details.resources(id));
    }

    /** PRC-08: the costs the operator bears for the product, per year. */
    public List<ProductCost> costs(long id) {
        return details.costs(id);
    }

    public BigDecimal totalYearlyCost(long id) {
        return total(costs(id));
    }

    private static BigDecimal total(List<ProductCost> costs) {
        return costs.stream().map(ProductCost::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the price check shows: total yearly cost, unit cost, margin, and the ceiling of its category if any. */
    public Pricing.Assessment pricing(long id) {
        Product p = get(id);
        return pricing.assess(
                p.getJurisdiction(),
                p.getCreditCode(),
                p.getKind(),
                totalYearlyCost(id),
                p.getExpectedYearlyVolume(),
                p.getFeeYuan());
    }

    /** The resources of the product reclassified as 禁止开放 since it was submitted (CAT-01). */
    public List<CatalogResource> prohibitedResources(long id) {
        return resources(id).stream().filter(CatalogResource::prohibited).toList();
    }

    /**
     * PRD-02: the operator's compliance review is filed with the authority under a filing number. A repeated call
     * keeps the first number.
     */
    @Transactional
    public String recordFiling(long id) {
        Product product = get(id);
        String no = "CPBA" + product.getSubmittedAt().atZone(Clocks.BEIJING).getYear() + "-"
                + String.format("%06d", product.getId());
        if (product.filed(no, clock.instant())) {
            repository.save(product);
        }
        return product.getFilingNo();
    }

    /** PRD-07: the registration number the product got on the jurisdiction's registration platform. */
    @Transactional
    public void recordRegistration(long id, String registrationNo, String platform) {
        Product product = get(id);
        product.registered(registrationNo, platform, clock.instant());
        repository.save(product);
    }

    /** PRD-08: the product enters the operator's product list, once. */
    @Transactional
    public boolean list(long id) {
        Product product = get(id);
        boolean changed = product.list(clock.instant());
        if (changed) {
            repository.save(product);
        }
        return changed;
    }

    /** Records the outcome of a review once; returns false when it had been recorded already (a repeated delivery). */
    @Transactional
    public boolean close(long id, ProductStatus outcome, String reason) {
        Product product = get(id);
        boolean changed = product.close(outcome, reason, clock.instant());
        if (changed) {
            repository.save(product);
        }
        return changed;
    }

    /** CAT-01: every listed product using the resource leaves the list; returns the products delisted. */
    @Transactional
    public List<Product> delistUsing(String resourceCode, String reason) {
        List<Product> delisted = new ArrayList<>();
        for (Product p : repository.findUsing(resourceCode, ProductStatus.LISTED.name())) {
            if (p.delist(reason, clock.instant())) {
                delisted.add(repository.save(p));
            }
        }
        return delisted;
    }

    /** The operator's products of a jurisdiction still in review. */
    public List<Product> inReviewOf(String creditCode, String jurisdiction) {
        return repository.findByCreditCodeOrderBySubmittedAtDesc(creditCode).stream()
                .filter(p -> p.getJurisdiction().equals(jurisdiction)
                        && p.getStatus() == ProductStatus.IN_REVIEW
                        && p.getProcessInstanceId() != null)
                .toList();
    }

    /** The operator exits: every product it lists in the jurisdiction leaves the list; returns those delisted. */
    @Transactional
    public List<Product> delistOperator(String creditCode, String jurisdiction, String reason) {
        List<Product> delisted = new ArrayList<>();
        for (Product p :
                repository.findByCreditCodeAndStatusOrderByScenarioIdAscListedAtAsc(creditCode, ProductStatus.LISTED)) {
            if (p.getJurisdiction().equals(jurisdiction) && p.delist(reason, clock.instant())) {
                delisted.add(repository.save(p));
            }
        }
        return delisted;
    }

    public List<Product> inReviewUsing(String resourceCode) {
        return repository.findUsing(resourceCode, ProductStatus.IN_REVIEW.name());
    }

    /** The price as the public and the reviewers read it: "0.50 元/次", or free for public welfare (PRC-01). */
    public static String priceText(Product p) {
        if (p.getPurpose() == Purpose.PUBLIC_WELFARE) {
            return "免费（用于公共治理、公益事业）";
        }
        return Pricing.yuan(p.getFeeYuan()) + "/" + p.getFeeUnit();
    }

    /** The facts reviewers decide on, as process variables their forms show. */
    public Map<String, Object> facts(Product product) {
        PolicyProfile profile = profiles.of(product.getJurisdiction());
        Scenario scenario = scenarios.get(product.getScenarioId());
        long id = product.getId();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("productId", id);
        facts.put("scenarioId", scenario.getId());
        facts.put("jurisdiction", product.getJurisdiction());
        facts.put("jurisdictionName", profile.name());
        facts.put("operatorCreditCode", product.getCreditCode());
        facts.put("companyName", product.getCompanyName());
        facts.put("scenarioName", scenario.getName() + "（" + scenario.getDomain() + "）");
        facts.put("productName", product.getName());
        facts.put("productKind", product.getKind().label());
        facts.put("productPurpose", product.getPurpose().label());
        facts.put("purposeCode", product.getPurpose().name());
        facts.put(
                "submitter",
                switch (product.getSubmitterRole()) {
                    case OPERATOR -> "运营机构 " + product.getSubmittedBy();
                    case PARTNER ->
                        product.getDeveloperCreditCode() == null
                                ? "合伙人 " + product.getSubmittedBy() + "（代运营机构申报）"
                                : "开发利用主体 " + product.getDeveloperName() + "（" + product.getDeveloperCreditCode() + "）";
                });
        facts.put("submittedByDeveloper", product.getDeveloperCreditCode() != null);
        facts.put("description", limit(product.getDescription()));
        facts.put("developmentPlan", limit(product.getDevelopmentPlan()));
        facts.put("aiBased", product.isAiBased());
        facts.put("aiAssessment", product.isAiBased() ? limit(product.getAiAssessment()) : "不涉及人工智能模型");
        facts.put(
                "resources",
                limit(resources(id).stream()
                        .map(r -> r.name() + "（" + r.providerName() + "，"
                                + CatalogResource.openConditionLabel(r.openCondition()) + "）")
                        .collect(Collectors.joining("\n"))));
        facts.put("deliverable", limit(product.getDeliverable()));
        facts.put("price", priceText(product));
        facts.put("expectedYearlyVolume", product.getExpectedYearlyVolume() + " " + product.getFeeUnit() + "/年");
        List<ProductCost> costs = costs(id);
        facts.put(
                "costs",
                limit(costs.stream().map(ProductCost::describe).collect(Collectors.joining("\n")) + "\n合计："
                        + Pricing.yuan(total(costs)) + "/年"));
        facts.put(
                "complianceReview",
                limit(product.getComplianceReview() + "\n（审核人：" + product.getComplianceReviewer() + "）"));
        facts.put("reviewByOperator", profile.productReviewByOperator());
        facts.put(
                "feeReviewedWithProduct",
                product.getPurpose() == Purpose.INDUSTRY
                        && !profile.priceCeilings()
                        && product.getFeeYuan().signum() > 0);
        facts.put("registrationPlatform", profile.productRegistration());
        return facts;
    }

    private Scenario scenarioOf(long scenarioId, Actor actor) {
        if (actor.kind() != Actor.Kind.OPERATOR && actor.kind() != Actor.Kind.PARTNER) {
            throw Problem.invalid("submitter", "数据产品和服务由运营机构（或其合伙人代为）申报");
        }
        Scenario scenario = scenarios.get(scenarioId);
        if (!scenario.getCreditCode().equals(actor.creditCode())
                && developerOf(scenario, actor).isEmpty()) {
            // another operator's scenario is not shown at all
            throw Problem.notFound("场景 " + scenarioId + " 不存在");
        }
        return scenario;
    }

    /** 003: a developer with open platform access submits under its operator's scenario (PRD-02). */
    private Optional<DeveloperApplication> developerOf(Scenario scenario, Actor actor) {
        return scenariosForProducts.developerAccess(scenario, actor);
    }

    /** The products a developer submitted under its operators' scenarios, newest first. */
    public List<Product> ofDeveloper(String creditCode) {
        return repository.findByDeveloperCreditCodeOrderBySubmittedAtDesc(creditCode);
    }

    /**
     * PRD-02 (003): the operator's out-of-domain compliance review of a product its developer submitted: passed with
     * its conclusion (which is then filed with the authority) or refused with the reason. Once per review.
     */
    @Transactional
    public Product recordOperatorReview(long id, ProductOperatorReview review, Actor actor) {
        Product product = get(id);
        if (actor.kind() != Actor.Kind.OPERATOR) {
            throw Problem.invalid("reviewer", "开发利用主体申报的数据产品由其入驻的运营机构进行出域合规审核（PRD-02）");
        }
        if (!product.getCreditCode().equals(actor.creditCode()) || product.getDeveloperCreditCode() == null) {
            throw Problem.notFound("数据产品 " + id + " 不存在");
        }
        if (product.getStatus() != ProductStatus.IN_REVIEW || product.getOperatorReviewPassed() != null) {
            throw Problem.conflict(
                    "该数据产品当前不在运营机构出域合规审核环节（" + product.getStatus().label() + "）");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (review == null || review.pass() == null) {
            errors.add(new Problem.FieldError("pass", "请选择出域合规审核通过或不通过"));
        }
        if (review == null || review.reason() == null || review.reason().isBlank()) {
            errors.add(new Problem.FieldError("reason", "请写明审核结论（不通过时写明理由，开发利用主体可据此申诉）"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("出域合规审核结论不完整，请按提示补充", errors);
        }
        product.operatorReviewed(review.pass(), review.reason().trim(), actor.username(), clock.instant());
        repository.save(product);
        timeline.record(
                Subjects.product(id),
                review.pass() ? "运营机构出域合规审核通过" : "运营机构出域合规审核不通过",
                review.reason().trim(),
                actor.label(),
                "operator-review:" + id + ":" + java.util.UUID.randomUUID());
        return product;
    }

    /** APL-02: an upheld appeal reopens the refused product while its review still waits: the operator reviews again. */
    @Transactional
    public void reviewAgain(long id, String appealSubject) {
        Product product = get(id);
        if (product.reopen()) {
            repository.save(product);
            timeline.record(
                    Subjects.product(id),
                    "申诉成立，重新审核",
                    "经申诉（" + appealSubject + "）由运营机构重新进行出域合规审核",
                    "数据主管部门",
                    "product-reopened:" + appealSubject);
        }
    }

    /**
     * APL-02: an upheld appeal after the refused product's review ended: the product is reviewed again as a new
     * product review linked to the refused one, with the same content. The caller starts its process.
     */
    @Transactional
    public Product registerAgain(long refusedId, String appealSubject) {
        Product refused = get(refusedId);
        ProductForm form = new ProductForm(
                refused.getScenarioId(),
                refused.getName(),
                refused.getKind(),
                refused.getDescription(),
                resources(refusedId).stream().map(CatalogResource::code).toList(),
                refused.getDevelopmentPlan(),
                refused.isAiBased(),
                refused.getAiAssessment(),
                refused.getPurpose(),
                refused.getDeliverable(),
                false,
                costs(refusedId).stream()
                        .map(c -> new ProductForm.CostItemInput(c.item(), c.amountYuan(), c.note()))
                        .toList(),
                refused.getExpectedYearlyVolume(),
                refused.getFeeYuan(),
                refused.getFeeUnit(),
                refused.getComplianceReview(),
                refused.getComplianceReviewer());
        Product again = repository.save(Product.reviewedAgain(refused, form, clock.instant()));
        details.replace(again.getId(), form.resources(), form.costItems());
        timeline.record(
                Subjects.product(again.getId()),
                "申诉成立，重新审核",
                "原申报 " + Subjects.product(refusedId) + " 经申诉（" + appealSubject + "）由运营机构重新进行出域合规审核",
                "数据主管部门",
                "product-again:" + appealSubject);
        return again;
    }

    /** The product review an upheld appeal started again from the refused one, if any. */
    public Optional<Product> reviewedAgainFrom(long refusedId) {
        return repository.findByAppealOf(refusedId);
    }

    /**
     * The rules of a submission, each answered at its field: an approved scenario in effect under an agreement that
     * still admits submissions; resources of the scenario's approved list (CAT-11); no raw public data delivered
     * (PRD-06); an AI model's security assessment where it is AI-based (PRD-10); a free product for public welfare
     * (PRC-01) and, where ceilings apply, a fee under the category's ceiling (PRC-05).
     */
    private void check(ProductForm form, Scenario scenario) {
        if (scenario.getStatus() != ScenarioStatus.APPROVED || scenario.getAgreementId() == null) {
            throw Problem.invalid(
                    "scenarioId",
                    "场景「" + scenario.getName() + "」"
                            + (scenario.getStatus() == ScenarioStatus.APPROVED
                                    ? "尚未随准入生效"
                                    : "目前" + scenario.getStatus().label())
                            + "：数据产品和服务须依托审核通过的应用场景");
        }
        Agreement agreement = agreements.find(scenario.getAgreementId()).orElseThrow();
        states.refusalToday(agreement, today()).ifPresent(refusal -> {
            throw Problem.conflict(refusal);
        });
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, ScenarioLine> approved = scenarios.approvedLines(scenario.getId()).stream()
                .collect(Collectors.toMap(ScenarioLine::resourceCode, Function.identity(), (a, b) -> a));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < form.resources().size(); i++) {
            String code = form.resources().get(i) == null
                    ? ""
                    : form.resources().get(i).trim();
            String at = "resources[" + i + "]";
            CatalogResource r = code.isEmpty() ? null : catalog.find(code).orElse(null);
            if (code.isEmpty()) {
                errors.add(new Problem.FieldError(at, "第" + (i + 1) + "项：请选择数据资源"));
            } else if (r == null) {
                errors.add(new Problem.FieldError(at, "第" + (i + 1) + "项：目录中没有数据资源 '" + code + "'"));
            } else if (r.prohibited()) {
                errors.add(
                        new Problem.FieldError(at, "第" + (i + 1) + "项：「" + r.name() + "」属于禁止开放的公共数据，不得用于数据产品（CAT-01）"));
            } else if (!approved.containsKey(code)) {
                errors.add(new Problem.FieldError(
                        at,
                        "第" + (i + 1) + "项：「" + r.name() + "」不在场景「" + scenario.getName()
                                + "」获同意的数据需求清单内，不得超范围使用（CAT-11）"));
            } else if (!seen.add(code)) {
                errors.add(new Problem.FieldError(at, "第" + (i + 1) + "项：「" + r.name() + "」重复列出"));
            }
        }
        if (form.rawData()) {
            errors.add(new Problem.FieldError("rawData", "数据产品和服务不得直接提供原始公共数据：原始数据不出域、数据可用不可见，请改为交付加工后的结果（PRD-06）"));
        }
        if (form.aiBased()
                && (form.aiAssessment() == null || form.aiAssessment().isBlank())) {
            errors.add(new Problem.FieldError("aiAssessment", "基于人工智能模型的产品须提交模型安全评估，覆盖模型本身及人工智能带来的新的安全和伦理风险（PRD-10）"));
        }
        for (int i = 0; i < form.costItems().size(); i++) {
            ProductForm.CostItemInput cost = form.costItems().get(i);
            if (cost.item() == CostItem.OTHER
                    && (cost.note() == null || cost.note().isBlank())) {
                errors.add(new Problem.FieldError("costItems[" + i + "].note", "第" + (i + 1) + "项成本为“其他”，请写明是什么成本"));
            }
        }
        pricing.feeRefusal(
                        scenario.getJurisdiction(),
                        scenario.getCreditCode(),
                        form.kind(),
                        form.purpose(),
                        form.feeYuan())
                .ifPresent(refusal -> errors.add(new Problem.FieldError("feeYuan", refusal)));
        if (!errors.isEmpty()) {
            throw Problem.invalid("数据产品申报有误，请按提示修改：" + errors.get(0).message(), errors);
        }
    }

    private static List<String> distinct(List<String> codes) {
        return codes.stream().map(String::trim).distinct().toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BEIJING));
    }

    /** String process variables hold at most 4000 characters. */
    private static String limit(String text) {
        return text.length() <= 3900 ? text : text.substring(0, 3900) + "…（全文见申报材料）";
    }
}
