package cn.pubdata.approval.agreement;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.identity.CurrentUser;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own agreements with the scope each authorizes: what its scenarios may ask for (CAT-11). */
@RestController
@RequestMapping("/api/agreements")
class AgreementController {

    record View(
            long id,
            String agreementNo,
            String jurisdiction,
            String jurisdictionName,
            LocalDate signedOn,
            LocalDate endsOn,
            String refusal,
            List<String> priorityDomains,
            List<CatalogResource> grantedResources) {}

    private final Agreements agreements;
    private final AgreementStates states;
    private final CatalogResources catalog;
    private final PolicyProfiles profiles;
    private final CurrentUser user;
    private final Clock clock;

    AgreementController(
            Agreements agreements,
            AgreementStates states,
            CatalogResources catalog,
            PolicyProfiles profiles,
            CurrentUser user,
            Clock clock) {
        this.agreements = agreements;
        this.states = states;
        this.catalog = catalog;
        this.profiles = profiles;
        this.user = user;
        this.clock = clock;
    }

    @GetMapping
    List<View> mine() {
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BEIJING));
        return agreements.ofOperator(user.creditCode()).stream()
                .map(a -> view(a, today))
                .toList();
    }

    private View view(Agreement a, LocalDate today) {
        return new View(
                a.id(),
                a.agreementNo(),
                a.jurisdiction(),
                profiles.of(a.jurisdiction()).name(),
                a.signedOn(),
                a.endsOn(),
                states.refusalToday(a, today).orElse(null),
                profiles.of(a.jurisdiction()).priorityDomains(),
                catalog.findAll(agreements.grantedResources(a.id())).stream()
                        .filter(r -> !r.prohibited())
                        .toList());
    }
}
