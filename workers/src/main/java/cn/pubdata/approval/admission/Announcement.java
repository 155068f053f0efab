package cn.pubdata.approval.admission;

import java.time.Instant;
import java.time.LocalDate;
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

    @Id
    private Long id;

    private String jurisdiction;
    private String title;
    private Mode authorizationMode;
    private String scope;
    private String conditions;
    private String criteria;
    private LocalDate opensOn;
    private LocalDate deadline;
    private Instant publishedAt;

    @MappedCollection(idColumn = "announcement_id")
    private Set<ScopeResource> resources;

    Announcement() {}

    Announcement(
            String jurisdiction,
            String title,
            Mode mode,
            String scope,
            String conditions,
            String criteria,
            LocalDate opensOn,
            LocalDate deadline,
            Instant publishedAt,
            Set<ScopeResource> resources) {
        this.jurisdiction = jurisdiction;
        this.title = title;
        this.authorizationMode = mode;
        this.scope = scope;
        this.conditions = conditions;
        this.criteria = criteria;
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

    public String getCriteria() {
        return criteria;
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
