package cn.pubdata.approval.publication;

import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.product.Products;
import cn.pubdata.approval.scenario.Scenarios;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the platform publishes for everyone, without login: the operation catalog (运营目录) of each jurisdiction. */
@RestController
@RequestMapping("/api/catalog")
class OperationCatalogController {

    record PublishedLine(String resourceName, String providerName, String fields, String usage, String frequency) {}

    record PublishedScenario(
            long id,
            String name,
            String companyName,
            String domain,
            String purpose,
            Instant publishedAt,
            List<PublishedLine> lines) {}

    record OperationCatalog(
            String jurisdiction,
            String name,
            Instant updatedAt,
            List<CatalogResource> resources,
            List<PublishedScenario> scenarios,
            List<CatalogResources.ReferenceProduct> firstBatchProducts) {}

    record ListedProduct(
            long id,
            String name,
            String companyName,
            String category,
            String purpose,
            String price,
            String registration,
            Instant listedAt,
            List<String> resources) {}

    private final CatalogResources resources;
    private final Scenarios scenarios;
    private final Products products;
    private final PolicyProfiles profiles;

    OperationCatalogController(
            CatalogResources resources, Scenarios scenarios, Products products, PolicyProfiles profiles) {
        this.resources = resources;
        this.scenarios = scenarios;
        this.products = products;
        this.profiles = profiles;
    }

    /** DSC-02, DSC-03: the products and services listed in a jurisdiction, each with its price clearly marked. */
    @GetMapping("/products")
    List<ListedProduct> products(@RequestParam String jurisdiction) {
        return products.listed(profiles.of(jurisdiction).code()).stream()
                .map(p -> new ListedProduct(
                        p.getId(),
                        p.getName(),
                        p.getCompanyName(),
                        p.getKind().label(),
                        p.getPurpose().label(),
                        Products.priceText(p),
                        p.getRegistrationPlatform() + " " + p.getRegistrationNo(),
                        p.getListedAt(),
                        products.resources(p.getId()).stream()
                                .map(CatalogResource::name)
                                .toList()))
                .toList();
    }

    /**
     * CAT-05: the operation catalog as published: the resources that may be operated, the approved scenarios with
     * their approved lists, and the first-batch products the seeds name (CAT-16). Computed from the current records, so
     * always current.
     */
    @GetMapping("/operation")
    OperationCatalog operation(@RequestParam String jurisdiction) {
        PolicyProfile profile = profiles.of(jurisdiction);
        List<CatalogResource> open = resources.ofJurisdiction(profile.code()).stream()
                .filter(r -> !r.prohibited())
                .toList();
        List<PublishedScenario> published = scenarios.published(profile.code()).stream()
                .map(s -> new PublishedScenario(
                        s.getId(),
                        s.getName(),
                        s.getCompanyName(),
                        s.getDomain(),
                        s.getPurpose().label(),
                        s.getPublishedAt(),
                        scenarios.approvedLines(s.getId()).stream()
                                .map(l -> new PublishedLine(
                                        l.resourceName(),
                                        l.providerName(),
                                        l.fields(),
                                        l.usage().label(),
                                        l.frequency().label()))
                                .toList()))
                .toList();
        Instant updated = Stream.concat(
                        resources.lastChange(profile.code()).stream(),
                        published.stream().map(PublishedScenario::publishedAt))
                .max(Comparator.naturalOrder())
                .orElse(null);
        return new OperationCatalog(
                profile.code(), profile.name(), updated, open, published, resources.referenceProducts(profile.code()));
    }
}
