package cn.pubdata.approval.catalog;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public data resource catalog. Reading is public; the authority maintains its jurisdiction's catalog, and a
 * provider unit grades its own resources.
 */
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    record Regrade(Integer grade, String reason) {}

    record Reclassification(String openCondition, String reason) {}

    record Unit(String code, String name) {}

    record Jurisdiction(String code, String name, List<String> priorityDomains, List<Unit> providerUnits) {}

    private final CatalogResources resources;
    private final CatalogMaintenance maintenance;
    private final PolicyProfiles profiles;
    private final CurrentUser user;

    CatalogController(
            CatalogResources resources, CatalogMaintenance maintenance, PolicyProfiles profiles, CurrentUser user) {
        this.resources = resources;
        this.maintenance = maintenance;
        this.profiles = profiles;
        this.user = user;
    }

    @GetMapping("/jurisdictions")
    List<Jurisdiction> jurisdictions() {
        return profiles.all().stream()
                .map(p -> new Jurisdiction(
                        p.code(),
                        p.name(),
                        p.priorityDomains(),
                        p.providerUnits().stream()
                                .map(u -> new Unit(u.code(), u.name()))
                                .toList()))
                .toList();
    }

    @GetMapping("/resources")
    List<CatalogResource> resources(@RequestParam(required = false) String jurisdiction) {
        return jurisdiction == null || jurisdiction.isBlank()
                ? resources.all()
                : resources.ofJurisdiction(profiles.of(jurisdiction).code());
    }

    @PostMapping("/resources")
    ResponseEntity<CatalogResource> add(@RequestBody ResourceForm form) {
        CatalogResource added = maintenance.add(form, user.actor().label());
        return ResponseEntity.created(URI.create("/api/catalog/resources/" + added.code()))
                .body(added);
    }

    /** CAT-04: the unit that provides a resource grades it; the authority may too. */
    @PutMapping("/resources/{code}/grade")
    CatalogResource regrade(@PathVariable String code, @RequestBody Regrade regrade) {
        CatalogResource resource = resources.find(code).orElseThrow(() -> Problem.notFound("目录中没有数据资源 " + code));
        if (!user.hasRole("authority-reviewer") && !user.groups().contains(resource.providerGroup())) {
            throw Problem.notFound("目录中没有本单位的数据资源 " + code);
        }
        return maintenance.regrade(
                code,
                regrade == null ? null : regrade.grade(),
                regrade == null ? null : regrade.reason(),
                user.actor().label());
    }

    @PutMapping("/resources/{code}/open-condition")
    CatalogResource reclassify(@PathVariable String code, @RequestBody Reclassification change) {
        return maintenance.reclassify(
                code,
                change == null ? null : change.openCondition(),
                change == null ? null : change.reason(),
                user.actor().label());
    }

    @GetMapping("/changes")
    List<CatalogMaintenance.Change> changes(@RequestParam String jurisdiction) {
        return maintenance.changes(profiles.of(jurisdiction).code());
    }
}
