package cn.pubdata.approval.scenario;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.developer.DeveloperApplication;
import cn.pubdata.approval.developer.Developers;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The approved scenarios a company may submit a data product under: an operator's own, and in 003 its developers'
 * too, where their platform access is open and the operator itself does the out-of-domain compliance review (PRD-02).
 */
@Service
public class ScenariosForProducts {

    private final Scenarios scenarios;
    private final Developers developers;
    private final PolicyProfiles profiles;

    public ScenariosForProducts(Scenarios scenarios, Developers developers, PolicyProfiles profiles) {
        this.scenarios = scenarios;
        this.developers = developers;
        this.profiles = profiles;
    }

    public List<Scenario> openTo(Actor actor) {
        if (actor.kind() == Actor.Kind.OPERATOR) {
            return scenarios.ofOperator(actor.creditCode()).stream()
                    .filter(ScenariosForProducts::inEffect)
                    .toList();
        }
        if (actor.kind() != Actor.Kind.PARTNER) {
            return List.of();
        }
        Set<Long> listed = new HashSet<>();
        return developers.ofDeveloper(actor.creditCode()).stream()
                .filter(d -> d.status() == DeveloperApplication.Status.ACCESS_OPEN)
                .filter(d -> profiles.of(d.jurisdiction()).productReviewByOperator())
                .flatMap(d -> scenarios.ofOperator(d.operatorCreditCode()).stream()
                        .filter(s -> s.getJurisdiction().equals(d.jurisdiction())))
                .filter(ScenariosForProducts::inEffect)
                .filter(s -> listed.add(s.getId()))
                .toList();
    }

    /** The developer's onboarding that lets it submit under another company's scenario, if there is one. */
    public Optional<DeveloperApplication> developerAccess(Scenario scenario, Actor actor) {
        if (actor.kind() != Actor.Kind.PARTNER
                || scenario.getCreditCode().equals(actor.creditCode())
                || !profiles.of(scenario.getJurisdiction()).productReviewByOperator()) {
            return Optional.empty();
        }
        return developers.withAccess(scenario.getCreditCode(), actor.creditCode(), scenario.getJurisdiction());
    }

    private static boolean inEffect(Scenario scenario) {
        return scenario.getStatus() == ScenarioStatus.APPROVED && scenario.getAgreementId() != null;
    }
}
