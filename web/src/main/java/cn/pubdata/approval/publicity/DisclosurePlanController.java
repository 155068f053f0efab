package cn.pubdata.approval.publicity;

import cn.pubdata.approval.disclosure.DisclosurePlans;
import cn.pubdata.approval.identity.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's disclosure plan (DSC-01, DSC-06): it adds the items its operation plan names (what, how often,
 * through which channel), changes them, and records each disclosure; the public site shows them with overdue ones marked.
 */
@RestController
@RequestMapping("/api/disclosure-plan")
class DisclosurePlanController {

    record ItemRequest(Long agreementId, String item, Integer frequencyMonths, String channel) {}

    record DisclosureRequest(Long itemId, LocalDate disclosedOn, String content) {}

    private final DisclosurePlans plans;
    private final CurrentUser user;

    DisclosurePlanController(DisclosurePlans plans, CurrentUser user) {
        this.plans = plans;
        this.user = user;
    }

    /** The operator's own plan items, in every jurisdiction it operates in. */
    @GetMapping
    List<DisclosurePlans.PlanItem> mine() {
        String own = user.creditCode();
        return plans.ofCompany(own);
    }

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    DisclosurePlans.PlanItem addItem(@RequestBody ItemRequest request) {
        return plans.addItem(
                request.agreementId() == null ? -1 : request.agreementId(),
                user.creditCode(),
                request.item(),
                request.frequencyMonths(),
                request.channel(),
                user.actor().label());
    }

    @PutMapping("/items/{id}")
    DisclosurePlans.PlanItem updateItem(@PathVariable long id, @RequestBody ItemRequest request) {
        return plans.updateItem(
                id,
                user.creditCode(),
                request.item(),
                request.frequencyMonths(),
                request.channel(),
                user.actor().label());
    }

    @PostMapping("/disclosures")
    @ResponseStatus(HttpStatus.CREATED)
    DisclosurePlans.PlanItem disclose(@RequestBody DisclosureRequest request) {
        return plans.disclose(
                request.itemId() == null ? -1 : request.itemId(),
                user.creditCode(),
                request.disclosedOn(),
                request.content(),
                user.actor().label());
    }
}
