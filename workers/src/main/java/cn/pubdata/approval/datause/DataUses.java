package cn.pubdata.approval.datause;

import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.Validation;
import cn.pubdata.approval.permissions.DataAccessGrants;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.review.LineConsents;
import cn.pubdata.approval.review.LineConsents.LineDecision;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioLine.Consent;
import cn.pubdata.approval.scenario.ScenarioStatus;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-use requests (数据需求申请, SCN-08): the operator asks to use lines of its approved scenario's demand list; the
 * authority (IRS 技术审核) and each line's provider unit approve before any access is granted, and lines on data the
 * province returned need the provincial authority too (SCN-09). Access is granted for exactly the consented lines.
 */
@Service
public class DataUses {

    private final DataUseRequestRepository repository;
    private final DataUseLines lines;
    private final Scenarios scenarios;
    private final Agreements agreements;
    private final AgreementStates states;
    private final CatalogResources catalog;
    private final DataAccessGrants grants;
    private final PolicyProfiles profiles;
    private final Validation validation;
    private final Timeline timeline;
    private final Clock clock;

    public DataUses(
            DataUseRequestRepository repository,
            DataUseLines lines,
            Scenarios scenarios,
            Agreements agreements,
            AgreementStates states,
            CatalogResources catalog,
            DataAccessGrants grants,
            PolicyProfiles profiles,
            Validation validation,
            Timeline timeline,
            Clock clock) {
        this.repository = repository;
        this.lines = lines;
        this.scenarios = scenarios;
        this.agreements = agreements;
        this.states = states;
        this.catalog = catalog;
        this.grants = grants;
        this.profiles = profiles;
        this.validation = validation;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * SCN-08: a request by the operator, or its partner on its behalf, under one of its own approved scenarios, for
     * lines of the scenario's approved demand list, within each line's period and the agreement's term. Another
     * operator's scenario is not found. Nothing is written when the request is refused. The caller starts its process
     * in the same transaction.
     */
    @Transactional
    public DataUseRequest register(DataUseForm form, Actor actor) {
        if (actor.kind() != Actor.Kind.OPERATOR && actor.kind() != Actor.Kind.PARTNER) {
            throw Problem.invalid("requester", "只有运营机构或其合伙人可以提出数据需求申请");
        }
        validation.check(form, "数据需求申请不完整，请按提示补充");
        Scenario scenario = ownScenario(form.scenarioId(), actor);
        if (scenario.getStatus() != ScenarioStatus.APPROVED) {
            throw Problem.conflict(
                    "场景「" + scenario.getName() + "」" + scenario.getStatus().label() + "，只有审核通过的场景才能提出数据需求申请");
        }
        if (scenario.getAgreementId() == null) {
            throw Problem.conflict("场景「" + scenario.getName() + "」随准入申请审核，须在签订授权运营协议后才能提出数据需求申请");
        }
        Agreement agreement = agreements.find(scenario.getAgreementId()).orElseThrow();
        states.refusalToday(agreement, today()).ifPresent(refusal -> {
            throw Problem.conflict(refusal);
        });
        List<ScenarioLine> chosen = checkLines(form, scenario, agreement);
        DataUseRequest request = repository.save(new DataUseRequest(
                scenario.getId(),
                scenario.getJurisdiction(),
                scenario.getCreditCode(),
                actor.username(),
                actor.kind() == Actor.Kind.PARTNER
                        ? DataUseRequest.RequesterRole.PARTNER
                        : DataUseRequest.RequesterRole.OPERATOR,
                form,
                clock.instant()));
        lines.insert(request.getId(), chosen);
        timeline.record(
                Subjects.dataUse(request.getId()),
                "提交数据需求申请",
                "场景「" + scenario.getName() + "」，数据需求 " + chosen.size() + " 项，使用期限 " + form.periodFrom() + " 至 "
                        + form.periodTo(),
                actor.label(),
                "data-use-submitted:" + request.getId());
        return request;
    }

    @Transactional
    public void startedAs(DataUseRequest request, String processInstanceId) {
        request.startedAs(processInstanceId);
        repository.save(request);
    }

    public DataUseRequest get(long id) {
        return repository.findById(id).orElseThrow(() -> Problem.notFound("数据需求申请 " + id + " 不存在"));
    }

    /** The request as its operator (or the operator's partner) may see it; another operator's is not found. */
    public DataUseRequest ownRequest(long id, Actor actor) {
        DataUseRequest request = get(id);
        if (!request.getCreditCode().equals(actor.creditCode())) {
            throw Problem.notFound("数据需求申请 " + id + " 不存在");
        }
        return request;
    }

    public List<DataUseRequest> ofOperator(String creditCode) {
        return repository.findByCreditCodeOrderBySubmittedAtDesc(creditCode);
    }

    /**
     * The requests whose flow may still be running: those in review, and the refused ones that may still wait out their
     * appeal period (003). An exit ends both.
     */
    public List<DataUseRequest> withFlowPossiblyRunningOf(String creditCode, String jurisdiction) {
        return repository.findByCreditCodeOrderBySubmittedAtDesc(creditCode).stream()
                .filter(r -> r.getJurisdiction().equals(jurisdiction)
                        && (r.getStatus() == DataUseStatus.IN_REVIEW || r.getStatus() == DataUseStatus.REFUSED)
                        && r.getProcessInstanceId() != null)
                .toList();
    }

    public List<DataUseRequest> ofScenario(long scenarioId) {
        return repository.findByScenarioIdOrderBySubmittedAtDesc(scenarioId);
    }

    public List<DataUseLine> lines(long id) {
        return lines.of(id);
    }

    public Scenario scenarioOf(DataUseRequest request) {
        return scenarios.get(request.getScenarioId());
    }

    /** SCN-08: a provider unit decides each of its own lines: ticked ones consented, the others refused with its reason. */
    @Transactional
    public String recordProviderDecision(long id, String providerGroup, Collection<?> consented, String reason) {
        List<DataUseLine> own = ownLines(id, providerGroup);
        Map<Integer, LineDecision> decisions = LineConsents.decide(own, consented, reason, "本单位");
        decisions.forEach((no, d) -> lines.providerDecision(id, no, consent(d), d.reason()));
        return LineConsents.summary(own, decisions);
    }

    /** SCN-09: the provincial authority consents to each line on data the province returned, or refuses it. */
    @Transactional
    public String recordProvinceDecision(long id, Collection<?> consented, String reason) {
        List<DataUseLine> returned = provinceLines(id);
        Map<Integer, LineDecision> decisions = LineConsents.decide(returned, consented, reason, "省公共数据主管部门");
        decisions.forEach((no, d) -> lines.provinceDecision(id, no, consent(d), d.reason()));
        return LineConsents.summary(returned, decisions);
    }

    /** The boxes of one provider's own lines, as its review form lists them: it sees no other unit's lines. */
    public List<Map<String, Object>> providerOptions(long id, String providerGroup) {
        return LineConsents.options(ownLines(id, providerGroup));
    }

    /** The boxes of the lines on returned data that their providers consented to, as the province's form lists them. */
    public List<Map<String, Object>> provinceOptions(long id) {
        return LineConsents.options(provinceLines(id));
    }

    private List<DataUseLine> provinceLines(long id) {
        return lines.of(id).stream().filter(DataUseLine::awaitsProvince).toList();
    }

    private static Consent consent(LineDecision decision) {
        return decision.consented() ? Consent.CONSENTED : Consent.REFUSED;
    }

    /** The provider units with a line in the request, one review task each. */
    public List<String> providerGroups(long id) {
        return lines.of(id).stream().map(DataUseLine::providerGroup).distinct().toList();
    }

    /** SCN-09: whether a line its provider consented to is on returned data and awaits the province. */
    public boolean needsProvinceConsent(long id) {
        return lines.of(id).stream().anyMatch(DataUseLine::awaitsProvince);
    }

    /** Whether any line is still standing: nobody refused it. */
    public boolean linesLeft(long id) {
        return lines.of(id).stream().anyMatch(DataUseLine::standing);
    }

    /** The lines every party consented to. */
    public List<DataUseLine> consentedLines(long id) {
        return lines.of(id).stream().filter(DataUseLine::consented).toList();
    }

    /**
     * SCN-08: grants access on the platform for exactly the consented lines whose resources may still be authorized
     * (CAT-01); granting again changes nothing. Returns the lines granted, none when nothing is left to grant.
     */
    @Transactional
    public List<DataUseLine> grantAccess(long id) {
        DataUseRequest request = get(id);
        List<DataUseLine> consented = consentedLines(id);
        Map<String, CatalogResource> resources =
                catalog
                        .findAll(consented.stream()
                                .map(DataUseLine::resourceCode)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(CatalogResource::code, Function.identity()));
        List<DataUseLine> granted = consented.stream()
                .filter(l -> !resources.get(l.resourceCode()).prohibited())
                .toList();
        grants.grant(
                id,
                request.getCreditCode(),
                granted.stream().map(DataUseLine::resourceCode).distinct().toList(),
                clock.instant());
        return granted;
    }

    /**
     * APL-02: an upheld appeal re-runs the review in the refused request's own instance, which still waits: the request
     * is in review again and every line waits for its reviewers again.
     */
    @Transactional
    public void reviewAgain(long id, String appealSubject, String word) {
        DataUseRequest request = get(id);
        if (request.reopen()) {
            repository.save(request);
            lines.reviewAgain(id);
            timeline.record(
                    Subjects.dataUse(id),
                    word + "成立，重新审核",
                    "经" + word + "（" + appealSubject + "）重新进行IRS技术审核和数据提供单位审核",
                    "数据主管部门",
                    "data-use-reopened:" + appealSubject);
        }
    }

    /**
     * APL-02 APL-04: an upheld appeal or objection on a request whose review has ended: the contested lines are reviewed
     * again as a new request linked to the refused one, with its purpose and period. The caller starts its process.
     */
    @Transactional
    public DataUseRequest registerAgain(long refusedId, List<Integer> lineNos, String appealSubject, String word) {
        DataUseRequest refused = get(refusedId);
        Scenario scenario = scenarios.get(refused.getScenarioId());
        List<ScenarioLine> chosen = scenarios.lines(scenario.getId()).stream()
                .filter(l -> lineNos.contains(l.lineNo()))
                .toList();
        DataUseRequest again = repository.save(DataUseRequest.reviewedAgain(
                refused,
                new DataUseForm(
                        scenario.getId(),
                        refused.getPurpose(),
                        refused.getPeriodFrom(),
                        refused.getPeriodTo(),
                        lineNos),
                clock.instant()));
        lines.insert(again.getId(), chosen);
        timeline.record(
                Subjects.dataUse(again.getId()),
                word + "成立，重新审核",
                "原申请 " + Subjects.dataUse(refusedId) + " 经" + word + "（" + appealSubject + "）重新审核，数据需求 " + chosen.size()
                        + " 项",
                "数据主管部门",
                "data-use-again:" + appealSubject);
        return again;
    }

    /** The request an upheld appeal or objection re-opened from the refused one, if any. */
    public java.util.Optional<DataUseRequest> reviewedAgainFrom(long refusedId) {
        return repository.findByAppealOf(refusedId);
    }

    /** Records the outcome once; returns false when it had been recorded already (a repeated delivery). */
    @Transactional
    public boolean close(long id, DataUseStatus outcome, String reason) {
        DataUseRequest request = get(id);
        boolean changed = request.close(outcome, reason, clock.instant());
        if (changed) {
            repository.save(request);
        }
        return changed;
    }

    /** The facts every reviewer decides on, as process variables their forms show; no line is among them. */
    public Map<String, Object> facts(DataUseRequest request) {
        Scenario scenario = scenarios.get(request.getScenarioId());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("requestId", request.getId());
        facts.put("scenarioId", scenario.getId());
        facts.put("jurisdiction", request.getJurisdiction());
        facts.put("jurisdictionName", profiles.of(request.getJurisdiction()).name());
        facts.put("operatorCreditCode", request.getCreditCode());
        facts.put("companyName", scenario.getCompanyName());
        facts.put("scenarioName", scenario.getName());
        facts.put("scenarioDomain", scenario.getDomain());
        facts.put("scenarioPurpose", scenario.getPurpose().label());
        facts.put("usePurpose", limit(request.getPurpose()));
        facts.put("usePeriod", request.getPeriodFrom() + " 至 " + request.getPeriodTo());
        facts.put(
                "requester",
                (request.getRequesterRole() == DataUseRequest.RequesterRole.PARTNER ? "合伙人 " : "运营机构 ")
                        + request.getRequestedBy()
                        + (request.getRequesterRole() == DataUseRequest.RequesterRole.PARTNER ? "（代运营机构申请）" : ""));
        return facts;
    }

    /** Every line of the request with its provider, as the authority's form shows it. */
    public String requestedList(long id) {
        return limit(lines.of(id).stream().map(DataUseLine::describe).collect(Collectors.joining("\n")));
    }

    private List<DataUseLine> ownLines(long id, String providerGroup) {
        return lines.of(id).stream()
                .filter(l -> l.providerGroup().equals(providerGroup))
                .toList();
    }

    /** The operator's own scenario; another operator's answers exactly like one that does not exist. */
    private Scenario ownScenario(long scenarioId, Actor actor) {
        Scenario scenario = scenarios.get(scenarioId);
        if (!scenario.getCreditCode().equals(actor.creditCode())) {
            throw Problem.notFound("场景 " + scenarioId + " 不存在");
        }
        return scenario;
    }

    /**
     * Each chosen line is on the scenario's approved list (consented, not suspended since: CAT-03, CAT-01), chosen once;
     * the period is valid, starts no earlier than today and lies within each chosen line's period and the agreement's
     * term (CAT-11).
     */
    private List<ScenarioLine> checkLines(DataUseForm form, Scenario scenario, Agreement agreement) {
        Map<Integer, ScenarioLine> all = scenarios.lines(scenario.getId()).stream()
                .collect(Collectors.toMap(ScenarioLine::lineNo, Function.identity()));
        List<Problem.FieldError> errors = new ArrayList<>();
        List<ScenarioLine> chosen = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < form.lineNos().size(); i++) {
            Integer no = form.lineNos().get(i);
            String at = "lineNos[" + i + "]";
            ScenarioLine line = no == null ? null : all.get(no);
            if (line == null) {
                errors.add(new Problem.FieldError(
                        at, "第" + (i + 1) + "项：场景「" + scenario.getName() + "」的数据需求清单中没有第 " + no + " 项"));
            } else if (!line.approved()) {
                errors.add(new Problem.FieldError(
                        at,
                        "第" + (i + 1) + "项：「" + line.resourceName() + "」"
                                + (line.suspendedReason() != null ? "已暂停使用" : "未获同意")
                                + "，不在场景获批准的数据需求清单中，不得申请使用（CAT-03）"));
            } else if (!seen.add(no)) {
                errors.add(new Problem.FieldError(at, "第" + (i + 1) + "项：同一项数据需求重复选择"));
            } else {
                chosen.add(line);
            }
        }
        LocalDate from = form.periodFrom();
        LocalDate to = form.periodTo();
        if (to.isBefore(from)) {
            errors.add(new Problem.FieldError("periodTo", "结束日期不能早于开始日期"));
        } else {
            if (from.isBefore(today())) {
                errors.add(new Problem.FieldError("periodFrom", "开始日期不能早于今天（" + today() + "）"));
            }
            if (from.isBefore(agreement.startsOn())) {
                errors.add(new Problem.FieldError("periodFrom", "使用期限不能早于授权运营协议生效日（" + agreement.startsOn() + "）"));
            }
            if (to.isAfter(agreement.endsOn())) {
                errors.add(new Problem.FieldError("periodTo", "使用期限不能超过授权运营协议期限（至 " + agreement.endsOn() + "）"));
            }
            for (ScenarioLine line : chosen) {
                String within = "使用期限须在第 " + line.lineNo() + " 项「" + line.resourceName() + "」获批准的期限内（"
                        + line.periodFrom() + " 至 " + line.periodTo() + "）";
                if (from.isBefore(line.periodFrom())) {
                    errors.add(new Problem.FieldError("periodFrom", within));
                }
                if (to.isAfter(line.periodTo())) {
                    errors.add(new Problem.FieldError("periodTo", within));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("数据需求申请有误，请按提示修改", errors);
        }
        return chosen;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BEIJING));
    }

    /** String process variables hold at most 4000 characters. */
    private static String limit(String text) {
        return text.length() <= 3900 ? text : text.substring(0, 3900) + "…（全文见申请）";
    }
}
