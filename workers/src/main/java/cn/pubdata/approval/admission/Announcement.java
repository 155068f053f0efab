package cn.pubdata.approval.admission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** 准入通告 (ADM-01): mode, scope, conditions, criteria and the application period. */
@Table(schema = "approval", name = "announcement")
public class Announcement {

    public enum Mode {
        WHOLE,
        DOMAIN,
        INDIVIDUAL
    }

    @Table(schema = "approval", name = "announcement_resource")
    public record ScopeResource(String resourceCode) {}

    /** ADM-07: one review criterion; reviewers judge each one. */
    @Table(schema = "approval", name = "announcement_criterion")
    public record Criterion(int criterionNo, String criterion) {}

    @Id
    private Long id;

    private String jurisdiction;
    private String title;
    private Mode authorizationMode;
    private String scope;
    private String conditions;
    private LocalDate opensOn;
    private LocalDate deadline;
    private Instant publishedAt;

    @MappedCollection(idColumn = "announcement_id")
    private Set<ScopeResource> resources;

    @MappedCollection(idColumn = "announcement_id")
    private Set<Criterion> criteria;

    Announcement() {}

    Announcement(
            String jurisdiction,
            String title,
            Mode mode,
            String scope,
            String conditions,
            List<String> criteria,
            LocalDate opensOn,
            LocalDate deadline,
            Instant publishedAt,
            Set<ScopeResource> resources) {
        this.jurisdiction = jurisdiction;
        this.title = title;
        this.authorizationMode = mode;
        this.scope = scope;
        this.conditions = conditions;
        this.criteria = new java.util.HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            this.criteria.add(new Criterion(i + 1, criteria.get(i)));
        }
        this.opensOn = opensOn;
        this.deadline = deadline;
        this.publishedAt = publishedAt;
        this.resources = resources;
    }

    /** ADM-02: applications are accepted only within the announced period (Beijing dates, both ends included). */
    public boolean accepts(LocalDate today) {
        return !today.isBefore(opensOn) && !today.isAfter(deadline);
    }

    public boolean covers(String resourceCode) {
        return resources.stream().anyMatch(r -> r.resourceCode().equals(resourceCode));
    }

    public Long getId() {
        return id;
    }

    public String getJurisdiction() {
        return jurisdiction;
    }

    public String getTitle() {
        return title;
    }

    public Mode getAuthorizationMode() {
        return authorizationMode;
    }

    public String getScope() {
        return scope;
    }

    public String getConditions() {
        return conditions;
    }

    /** The review criteria in the order the announcement lists them (ADM-07). */
    public List<String> criteria() {
        return criteria.stream()
                .sorted(Comparator.comparingInt(Criterion::criterionNo))
                .map(Criterion::criterion)
                .toList();
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Set<ScopeResource> getResources() {
        return resources;
    }
}
