package cn.pubdata.approval.scenario;

import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.Validation;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.review.LineConsents;
import cn.pubdata.approval.review.LineConsents.LineDecision;
import cn.pubdata.approval.scenario.ScenarioLine.Consent;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scenarios (一场景一审核): the rules a submission must meet, the consents of its providers and of the province line by
 * line, and its life until an outcome. The approved demand list is exactly what was consented to (CAT-03).
 */
@Service
public class Scenarios {

    private final ScenarioRepository repository;
    private final ScenarioLines lines;
    private final Agreements agreements;
    private final AgreementStates states;
    private final CatalogResources catalog;
    private final PolicyProfiles profiles;
    private final Validation validation;
    private final Timeline timeline;
    private final Clock clock;

    public Scenarios(
            ScenarioRepository repository,
            ScenarioLines lines,
            Agreements agreements,
            AgreementStates states,
            CatalogResources catalog,
            PolicyProfiles profiles,
            Validation validation,
            Timeline timeline,
            Clock clock) {
        this.repository = repository;
        this.lines = lines;
        this.agreements = agreements;
        this.states = states;
        this.catalog = catalog;
        this.profiles = profiles;
        this.validation = validation;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * A scenario for an operator's agreement, submitted by the operator, its partner on its behalf (SCN-01), or a
     * provider unit of the jurisdiction (SCN-11). The caller starts its process in the same transaction.
     */
    @Transactional
    public Scenario register(ScenarioForm form, Actor actor) {
        validation.check(form, "场景申请不完整，请按提示补充");
        PolicyProfile profile = profiles.of(form.jurisdiction());
        String creditCode = operatorOf(form, actor, profile);
        Agreement agreement = agreements
                .latest(creditCode, form.jurisdiction())
                .orElseThrow(
                        () -> Problem.invalid("jurisdiction", "该单位在" + profile.name() + "没有授权运营协议：须先获准入并签订协议，才能申报场景"));
        states.refusalToday(agreement, today()).ifPresent(refusal -> {
            throw Problem.conflict(refusal);
        });
        checkLines(form, form.jurisdiction(), Set.copyOf(agreements.grantedResources(agreement.id())), agreement);
        Scenario scenario = repository.save(new Scenario(
                form.jurisdiction(),
                creditCode,
                agreements.operatorName(agreement),
                agreement.id(),
                null,
                actor.username(),
                roleOf(actor),
                actor.kind() == Actor.Kind.REVIEWER ? providerGroupOf(actor, profile) : null,
                form,
                clock.instant()));
        lines.replace(scenario.getId(), form.lines(), provinceReturned(form));
        timeline.record(
                Subjects.scenario(scenario.getId()),
                "提交场景申请",
                "「" + scenario.getName() + "」，数据需求 " + form.lines().size() + " 项",
                actor.label(),
                "scenario-submitted:" + scenario.getId());
        return scenario;
    }

    /**
     * SCN-02 (004): the scenarios an admission application names are reviewed as part of the admission, each on its
     * own; their lines must lie within the resources the application asks for.
     */
    @Transactional
    public List<Scenario> registerWithinAdmission(
            long applicationId,
            String jurisdiction,
            String creditCode,
            String companyName,
            Collection<String> requestedResources,
            String submittedBy,
            List<ScenarioForm> forms) {
        forms = forms.stream()
                .map(f -> f == null ? null : f.inJurisdiction(jurisdiction))
                .toList();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            String prefix = "scenarios[" + i + "].";
            if (forms.get(i) == null) {
                errors.add(new Problem.FieldError(prefix + "name", "第" + (i + 1) + "个应用场景是空的"));
                continue;
            }
            validation
                    .errors(forms.get(i))
                    .forEach(e -> errors.add(new Problem.FieldError(prefix + e.field(), e.message())));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("应用场景不完整，请按提示补充", errors);
        }
        List<Scenario> created = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            ScenarioForm form = forms.get(i);
            try {
                checkLines(form, jurisdiction, Set.copyOf(requestedResources), null);
            } catch (Problem p) {
                String prefix = "scenarios[" + i + "].";
                throw Problem.invalid(
                        p.getMessage(),
                        p.errors().stream()
                                .map(e -> new Problem.FieldError(prefix + e.field(), e.message()))
                                .toList());
            }
            Scenario scenario = repository.save(new Scenario(
                    jurisdiction,
                    creditCode,
                    companyName,
                    null,
                    applicationId,
                    submittedBy,
                    Scenario.SubmitterRole.OPERATOR,
                    null,
                    form,
                    clock.instant()));
            lines.replace(scenario.getId(), form.lines(), provinceReturned(form));
            timeline.record(
                    Subjects.scenario(scenario.getId()),
                    "随准入申请提交场景",
                    "「" + scenario.getName() + "」，数据需求 " + form.lines().size() + " 项（一场景一清单一审核）",
                    companyName,
                    "scenario-submitted:" + scenario.getId());
            created.add(scenario);
        }
        return created;
    }

    /** 补正: the submitter replaces the scenario and its list; the same checks apply, every consent starts over. */
    @Transactional
    public Scenario supplement(long id, ScenarioForm form, Actor actor) {
        validation.check(form, "补正材料不完整，请按提示补充");
        Scenario scenario = get(id);
        if (scenario.getStatus() != ScenarioStatus.IN_REVIEW) {
            throw Problem.conflict("场景申请已结束（" + scenario.getStatus().label() + "），不能再补正");
        }
        if (!scenario.getJurisdiction().equals(form.jurisdiction())) {
            throw Problem.invalid("jurisdiction", "补正不能更换辖区");
        }
        Agreement agreement = agreements.find(scenario.getAgreementId()).orElseThrow();
        checkLines(
                form, scenario.getJurisdiction(), Set.copyOf(agreements.grantedResources(agreement.id())), agreement);
        scenario.replaceContent(form);
        repository.save(scenario);
        lines.replace(id, form.lines(), provinceReturned(form));
        return scenario;
    }

    @Transactional
    public void startedAs(Scenario scenario, String processInstanceId) {
        scenario.startedAs(processInstanceId);
        repository.save(scenario);
    }

    /**
     * SCN-04: a provider unit decides each line of its own: the lines it ticks are consented, the others refused with
     * its reason. A refused line leaves the list.
     */
    @Transactional
    public String recordProviderDecision(long id, String providerGroup, Collection<?> consented, String reason) {
        List<ScenarioLine> own = providerLines(id, providerGroup);
        Map<Integer, LineDecision> decisions = LineConsents.decide(own, consented, reason, "本单位");
        decisions.forEach((no, d) -> lines.providerDecision(id, no, consent(d), d.reason()));
        return LineConsents.summary(own, decisions);
    }

    /** SCN-09: the provincial authority consents to each line of data the province returned, or refuses it. */
    @Transactional
    public String recordProvinceDecision(long id, Collection<?> consented, String reason) {
        List<ScenarioLine> returned = provinceLines(id);
        Map<Integer, LineDecision> decisions = LineConsents.decide(returned, consented, reason, "省公共数据主管部门");
        decisions.forEach((no, d) -> lines.provinceDecision(id, no, consent(d), d.reason()));
        return LineConsents.summary(returned, decisions);
    }

    /** The boxes of one provider's own lines, as its review form lists them. */
    public List<Map<String, Object>> providerOptions(long id, String providerGroup) {
        return LineConsents.options(providerLines(id, providerGroup));
    }

    /** The boxes of the lines still standing on returned data, as the province's form lists them. */
    public List<Map<String, Object>> provinceOptions(long id) {
        return LineConsents.options(provinceLines(id));
    }

    private List<ScenarioLine> providerLines(long id, String providerGroup) {
        return lines.of(id).stream()
                .filter(l -> l.providerGroup().equals(providerGroup))
                .toList();
    }

    private List<ScenarioLine> provinceLines(long id) {
        return lines.of(id).stream()
                .filter(l -> l.provinceConsent() != null && l.standing())
                .toList();
    }

    private static Consent consent(LineDecision decision) {
        return decision.consented() ? Consent.CONSENTED : Consent.REFUSED;
    }

    /** The provider units with a line on the list, one review task each (SCN-04). */
    public List<String> providerGroups(long id) {
        return lines.of(id).stream().map(ScenarioLine::providerGroup).distinct().toList();
    }

    public boolean needsProvinceConsent(long id) {
        return lines.of(id).stream().anyMatch(l -> l.provinceConsent() != null && l.standing());
    }

    public List<ScenarioLine> lines(long id) {
        return lines.of(id);
    }

    public List<ScenarioLine> standingLines(long id) {
        return lines.of(id).stream().filter(ScenarioLine::standing).toList();
    }

    /** The approved demand list: every line its provider (and the province, where needed) consented to (CAT-03). */
    public List<ScenarioLine> approvedLines(long id) {
        return lines.of(id).stream().filter(ScenarioLine::approved).toList();
    }

    /** Records the outcome once; returns false when it had been recorded already (a repeated delivery). */
    @Transactional
    public boolean close(long id, ScenarioStatus outcome, String reason) {
        Scenario scenario = get(id);
        boolean changed = scenario.close(outcome, reason, clock.instant());
        if (changed) {
            repository.save(scenario);
        }
        return changed;
    }

    /** SCN-07: an approved scenario and its approved list are published on the platform (once). */
    @Transactional
    public boolean publish(long id) {
        Scenario scenario = get(id);
        boolean changed = scenario.publish(clock.instant());
        if (changed) {
            repository.save(scenario);
        }
        return changed;
    }

    /**
     * The scenarios an admission reviewed (SCN-02) follow its outcome: admitted, the approved ones take effect with the
     * agreement and are published with the operator; otherwise every one of them ends with the reason.
     * Returns the scenarios that took effect.
     */
    @Transactional
    public List<Scenario> admissionEnded(long applicationId, Long agreementId, String reason) {
        List<Scenario> effective = new ArrayList<>();
        for (Scenario s : repository.findByAdmissionApplicationIdOrderById(applicationId)) {
            if (agreementId != null && s.getStatus() == ScenarioStatus.APPROVED) {
                if (s.getAgreementId() == null) {
                    s.boundTo(agreementId);
                    s.publish(clock.instant());
                    repository.save(s);
                }
                effective.add(s);
            } else if (s.end(agreementId != null ? "场景未通过审核，不随准入生效" : "准入申请未获准予（" + reason + "）", clock.instant())) {
                repository.save(s);
            }
        }
        return effective;
    }

    /** The operator's scenarios of a jurisdiction whose own review still runs (not those reviewed within an admission). */
    public List<Scenario> inReviewOf(String creditCode, String jurisdiction) {
        return repository.findByCreditCodeOrderBySubmittedAtDesc(creditCode).stream()
                .filter(s -> s.getJurisdiction().equals(jurisdiction)
                        && s.getStatus() == ScenarioStatus.IN_REVIEW
                        && s.getAdmissionApplicationId() == null
                        && s.getProcessInstanceId() != null)
                .toList();
    }

    /** The operator exits: its approved scenarios of the jurisdiction end with the reason; returns those it ended. */
    @Transactional
    public List<Scenario> endApproved(String creditCode, String jurisdiction, String reason) {
        List<Scenario> ended = new ArrayList<>();
        for (Scenario s : repository.findByCreditCodeOrderBySubmittedAtDesc(creditCode)) {
            if (s.getJurisdiction().equals(jurisdiction)
                    && s.getStatus() == ScenarioStatus.APPROVED
                    && s.end(reason, clock.instant())) {
                ended.add(repository.save(s));
            }
        }
        return ended;
    }

    public List<Scenario> ofAdmission(long applicationId) {
        return repository.findByAdmissionApplicationIdOrderById(applicationId);
    }

    public Scenario get(long id) {
        return repository.findById(id).orElseThrow(() -> Problem.notFound("场景 " + id + " 不存在"));
    }

    public List<Scenario> ofOperator(String creditCode) {
        return repository.findByCreditCodeOrderBySubmittedAtDesc(creditCode);
    }

    /** The scenarios published in a jurisdiction (SCN-07), newest first. */
    public List<Scenario> published(String jurisdiction) {
        return repository
                .findByJurisdictionAndStatusOrderByPublishedAtDesc(jurisdiction, ScenarioStatus.APPROVED)
                .stream()
                .filter(s -> s.getPublishedAt() != null)
                .toList();
    }

    /** The facts reviewers decide on, as process variables their forms show. */
    public Map<String, Object> facts(Scenario scenario) {
        PolicyProfile profile = profiles.of(scenario.getJurisdiction());
        boolean priority = profile.priorityDomains().contains(scenario.getDomain());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("scenarioId", scenario.getId());
        facts.put("jurisdiction", scenario.getJurisdiction());
        facts.put("operatorCreditCode", scenario.getCreditCode());
        facts.put("companyName", scenario.getCompanyName());
        facts.put("scenarioName", scenario.getName());
        facts.put("scenarioDomain", scenario.getDomain() + (priority ? "（" + profile.name() + "重点领域）" : "（非重点领域）"));
        facts.put("scenarioPurpose", scenario.getPurpose().label());
        facts.put(
                "submitter",
                switch (scenario.getSubmitterRole()) {
                    case OPERATOR -> "运营机构 " + scenario.getSubmittedBy();
                    case PARTNER -> "合伙人 " + scenario.getSubmittedBy() + "（代运营机构申报）";
                    case PROVIDER -> profiles.groupName(scenario.getProposerGroup()) + " 提出（SCN-11）";
                });
        facts.put("constructionPlan", limit(scenario.getConstructionPlan()));
        facts.put("riskAssessment", limit(scenario.getRiskAssessment()));
        facts.put("securityMeasures", limit(scenario.getSecurityMeasures()));
        facts.put("demandList", limit(demandList(scenario.getId())));
        return facts;
    }

    /** The whole list with each line's consents so far, as the authority's forms show it. */
    public String demandList(long id) {
        return lines.of(id).stream().map(l -> l.describe() + state(l)).collect(Collectors.joining("\n"));
    }

    private static String state(ScenarioLine l) {
        if (l.suspendedReason() != null) {
            return "【已暂停：" + l.suspendedReason() + "】";
        }
        if (l.providerConsent() == Consent.REFUSED) {
            return "【提供单位不同意：" + l.providerReason() + "】";
        }
        if (l.provinceConsent() == Consent.REFUSED) {
            return "【省公共数据主管部门不同意：" + l.provinceReason() + "】";
        }
        if (l.approved()) {
            return "【已同意】";
        }
        return l.providerConsent() == Consent.CONSENTED && l.provinceConsent() == Consent.PENDING ? "【待省级同意】" : "";
    }

    private String operatorOf(ScenarioForm form, Actor actor, PolicyProfile profile) {
        return switch (actor.kind()) {
            case OPERATOR, PARTNER -> {
                if (form.operatorCreditCode() != null
                        && !form.operatorCreditCode().isBlank()
                        && !form.operatorCreditCode().equals(actor.creditCode())) {
                    throw Problem.invalid("operatorCreditCode", "只能为本单位的授权运营协议申报场景");
                }
                yield actor.creditCode();
            }
            case REVIEWER -> {
                providerGroupOf(actor, profile);
                if (form.operatorCreditCode() == null
                        || form.operatorCreditCode().isBlank()) {
                    throw Problem.invalid("operatorCreditCode", "数据提供单位提出场景时，请指明承接的运营机构（统一社会信用代码）");
                }
                yield form.operatorCreditCode().trim();
            }
            case WORKER -> throw Problem.invalid("submitter", "执行器不能申报场景");
        };
    }

    /** SCN-11: only a provider unit of the jurisdiction may propose a scenario there. */
    private static String providerGroupOf(Actor actor, PolicyProfile profile) {
        return profile.providerUnits().stream()
                .map(PolicyProfile.ProviderUnitSetting::group)
                .filter(actor.groups()::contains)
                .findFirst()
                .orElseThrow(
                        () -> Problem.invalid("jurisdiction", "只有" + profile.name() + "的数据提供单位可以提出本辖区的场景建设方案（SCN-11）"));
    }

    private static Scenario.SubmitterRole roleOf(Actor actor) {
        return switch (actor.kind()) {
            case OPERATOR -> Scenario.SubmitterRole.OPERATOR;
            case PARTNER -> Scenario.SubmitterRole.PARTNER;
            default -> Scenario.SubmitterRole.PROVIDER;
        };
    }

    /**
     * Each line names a catalog resource of the jurisdiction that is not prohibited (CAT-01) and lies within the
     * authorized scope (CAT-11); its period is valid and, under an agreement, within its term.
     */
    private void checkLines(ScenarioForm form, String jurisdiction, Set<String> scope, Agreement agreement) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        String jurisdictionName = profiles.of(jurisdiction).name();
        for (int i = 0; i < form.lines().size(); i++) {
            ScenarioForm.LineInput line = form.lines().get(i);
            String at = "lines[" + i + "]";
            CatalogResource r = catalog.find(line.resourceCode()).orElse(null);
            if (r == null) {
                errors.add(new Problem.FieldError(
                        at + ".resourceCode", "第" + (i + 1) + "项：目录中没有数据资源 '" + line.resourceCode() + "'"));
                continue;
            }
            if (r.prohibited()) {
                errors.add(new Problem.FieldError(
                        at + ".resourceCode", "第" + (i + 1) + "项：「" + r.name() + "」属于禁止开放的公共数据，不得用于授权运营（CAT-01）"));
            } else if (!r.jurisdiction().equals(jurisdiction)) {
                errors.add(new Problem.FieldError(
                        at + ".resourceCode",
                        "第" + (i + 1) + "项：「" + r.name() + "」不是" + jurisdictionName + "的数据资源，不在协议所在辖区"));
            } else if (!scope.contains(r.code())) {
                errors.add(new Problem.FieldError(
                        at + ".resourceCode",
                        "第" + (i + 1) + "项：「" + r.name() + "」不在" + (agreement == null ? "本准入申请申请的" : "授权运营协议的")
                                + "授权范围内，不得超范围使用（CAT-11）"));
            }
            if (!seen.add(r.code() + "|" + line.usage())) {
                errors.add(new Problem.FieldError(at + ".resourceCode", "第" + (i + 1) + "项：同一数据资源、同一用途重复列出"));
            }
            if (line.periodTo().isBefore(line.periodFrom())) {
                errors.add(new Problem.FieldError(at + ".periodTo", "第" + (i + 1) + "项：结束日期不能早于开始日期"));
            } else if (agreement != null && line.periodTo().isAfter(agreement.endsOn())) {
                errors.add(new Problem.FieldError(
                        at + ".periodTo", "第" + (i + 1) + "项：使用期限不能超过授权运营协议期限（至 " + agreement.endsOn() + "）"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("数据需求清单有误，请按提示修改", errors);
        }
    }

    private Set<String> provinceReturned(ScenarioForm form) {
        return catalog
                .findAll(form.lines().stream()
                        .map(ScenarioForm.LineInput::resourceCode)
                        .toList())
                .stream()
                .filter(CatalogResource::provinceReturned)
                .map(CatalogResource::code)
                .collect(Collectors.toSet());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BEIJING));
    }

    /** String process variables hold at most 4000 characters. */
    private static String limit(String text) {
        return text.length() <= 3900 ? text : text.substring(0, 3900) + "…（全文见申请材料）";
    }
}
