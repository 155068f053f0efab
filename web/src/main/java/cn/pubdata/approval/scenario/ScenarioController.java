package cn.pubdata.approval.scenario;

import cn.pubdata.approval.common.Actor;
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

/** 一场景一审核 through the portal: submit, follow, supplement, withdraw. */
@RestController
@RequestMapping("/api/scenarios")
class ScenarioController {

    record Withdrawal(String reason) {}

    private final ScenarioSubmission submission;
    private final Scenarios scenarios;
    private final ScenariosForProducts forProducts;
    private final ScenarioProgress progress;
    private final CurrentUser user;

    ScenarioController(
            ScenarioSubmission submission,
            Scenarios scenarios,
            ScenariosForProducts forProducts,
            ScenarioProgress progress,
            CurrentUser user) {
        this.submission = submission;
        this.forProducts = forProducts;
        this.scenarios = scenarios;
        this.progress = progress;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<ScenarioView> submit(@RequestBody ScenarioForm form) {
        Scenario scenario = submission.submit(form, user.actor());
        return ResponseEntity.created(URI.create("/api/scenarios/" + scenario.getId()))
                .body(ScenarioView.of(scenario, scenarios.lines(scenario.getId())));
    }

    /** An operator's own scenarios; a reviewer names the company. */
    @GetMapping
    List<ScenarioView> list(@RequestParam(required = false) String creditCode) {
        String company = user.isOperator() ? user.creditCode() : creditCode;
        if (company == null || company.isBlank()) {
            throw Problem.invalid("creditCode", "请指明运营机构的统一社会信用代码");
        }
        return scenarios.ofOperator(company).stream()
                .map(s -> ScenarioView.of(s, scenarios.lines(s.getId())))
                .toList();
    }

    /**
     * The approved scenarios the caller may submit a data product under: an operator's own, a developer's operators'
     * where the operator reviews its developers' products (003).
     */
    @GetMapping("/open-for-products")
    List<ScenarioView> openForProducts() {
        return forProducts.openTo(user.actor()).stream()
                .map(s -> ScenarioView.of(s, scenarios.lines(s.getId())))
                .toList();
    }

    /** A developer reads its operator's approved scenario to submit a product under it; nothing else of it. */
    @GetMapping("/{id}")
    ScenarioView one(@PathVariable long id) {
        Scenario scenario = scenarios.get(id);
        if (forProducts.developerAccess(scenario, user.actor()).isEmpty()) {
            visible(id);
        }
        return ScenarioView.of(scenario, scenarios.lines(id));
    }

    @GetMapping("/{id}/progress")
    ScenarioProgress.Progress progress(@PathVariable long id) {
        visible(id);
        return progress.of(id);
    }

    @PostMapping("/{id}/supplement")
    ScenarioView supplement(@PathVariable long id, @RequestBody ScenarioForm form) {
        visible(id);
        Scenario scenario = submission.supplement(id, form, user.actor());
        return ScenarioView.of(scenario, scenarios.lines(id));
    }

    @PostMapping("/{id}/withdraw")
    ScenarioView withdraw(@PathVariable long id, @RequestBody Withdrawal withdrawal) {
        visible(id);
        submission.withdraw(id, withdrawal == null ? null : withdrawal.reason(), user.actor());
        return ScenarioView.of(scenarios.get(id), scenarios.lines(id));
    }

    /** Another operator's scenario answers 404, like one that does not exist; a proposing unit sees its proposal. */
    private Scenario visible(long id) {
        Scenario scenario = scenarios.get(id);
        Actor actor = user.actor();
        boolean proposer = scenario.getProposerGroup() != null && actor.groups().contains(scenario.getProposerGroup());
        if (!proposer) {
            user.requireOwn(scenario.getCreditCode(), "场景 " + id + " 不存在");
        }
        return scenario;
    }
}
