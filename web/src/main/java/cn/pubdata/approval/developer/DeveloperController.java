package cn.pubdata.approval.developer;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Developer onboarding: the operator's partner rules for the authority's consent, provider units' recommendations,
 * a developer company's application and its progress, the operator's decision, agreement, staff filing and removal.
 */
@RestController
@RequestMapping("/api/developers")
class DeveloperController {

    record RemovalRequest(String reason) {}

    private final PartnerRulesSubmission rulesSubmission;
    private final PartnerRulesBook rules;
    private final DeveloperSubmission submission;
    private final Developers developers;
    private final DeveloperProgress progress;
    private final CurrentUser user;

    DeveloperController(
            PartnerRulesSubmission rulesSubmission,
            PartnerRulesBook rules,
            DeveloperSubmission submission,
            Developers developers,
            DeveloperProgress progress,
            CurrentUser user) {
        this.rulesSubmission = rulesSubmission;
        this.rules = rules;
        this.submission = submission;
        this.developers = developers;
        this.progress = progress;
        this.user = user;
    }

    @PostMapping("/rules")
    ResponseEntity<PartnerRules> submitRules(@RequestBody PartnerRulesForm form) {
        PartnerRules submitted = rulesSubmission.submit(form, user.actor());
        return ResponseEntity.created(URI.create("/api/developers/rules/" + submitted.id()))
                .body(submitted);
    }

    /** The operator's own rules; a reviewer names the operator. */
    @GetMapping("/rules")
    List<PartnerRules> rules(@RequestParam(required = false) String creditCode) {
        return rules.ofOperator(company(creditCode));
    }

    /** The operators whose rules are in force: where a developer may apply. */
    @GetMapping("/operators")
    List<PartnerRules> openOperators() {
        return rules.allInForce();
    }

    @PostMapping("/recommendations")
    ResponseEntity<Recommendation> recommend(@RequestBody RecommendationForm form) {
        Recommendation recommendation = developers.recommend(form, user.actor());
        return ResponseEntity.status(201).body(recommendation);
    }

    @PostMapping("/applications")
    ResponseEntity<DeveloperApplication> apply(@RequestBody DeveloperApplicationForm form) {
        DeveloperApplication applied = submission.apply(form, user.actor(), user.companyName());
        return ResponseEntity.created(URI.create("/api/developers/applications/" + applied.id()))
                .body(applied);
    }

    /** A developer's own applications, and the applications to an operator; a reviewer names the operator. */
    @GetMapping("/applications")
    List<DeveloperApplication> applications(@RequestParam(required = false) String creditCode) {
        if (user.hasRole("developer")) {
            return developers.ofDeveloper(user.creditCode());
        }
        return developers.ofOperator(company(creditCode));
    }

    @GetMapping("/applications/{id}/progress")
    DeveloperProgress.Progress progress(@PathVariable long id) {
        developers.visibleTo(id, user.actor());
        return progress.of(id);
    }

    @PostMapping("/applications/{id}/decision")
    DeveloperApplication decide(@PathVariable long id, @RequestBody DeveloperDecision decision) {
        return submission.decide(id, decision, user.actor());
    }

    @PostMapping("/applications/{id}/agreement")
    DeveloperApplication agreement(@PathVariable long id, @RequestBody DevelopmentAgreement agreement) {
        return submission.recordAgreement(id, agreement, user.actor());
    }

    @PostMapping("/applications/{id}/staff-filing")
    DeveloperApplication fileStaff(@PathVariable long id, @RequestBody StaffFiling filing) {
        return submission.fileStaff(id, filing, user.actor());
    }

    @PostMapping("/applications/{id}/removal")
    DeveloperApplication remove(@PathVariable long id, @RequestBody RemovalRequest request) {
        return submission.remove(id, request == null ? null : request.reason(), user.actor());
    }

    private String company(String creditCode) {
        String company = user.isOperator() ? user.creditCode() : creditCode;
        if (company == null || company.isBlank()) {
            throw Problem.invalid("creditCode", "请指明运营机构的统一社会信用代码");
        }
        return company;
    }
}
