package cn.pubdata.approval.engine;

import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.reminder.TaskReminders;
import java.util.LinkedHashSet;
import java.util.Set;
import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Permission;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resource;
import org.operaton.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What each Keycloak group may do in the engine, granted idempotently at start. Reviewers use Tasklist (the engine
 * grants each task to its candidate groups by itself); Cockpit is for managers; Admin for operaton-admin, which the
 * identity plugin makes the engine's administrators; the workers' service account runs external tasks and may do nothing else.
 */
@Component
class EngineGrants {

    static final String WORKERS = "service-account-approval-workers";

    private final AuthorizationService authorizations;
    private final PolicyProfiles profiles;
    private final CatalogResources catalog;

    EngineGrants(AuthorizationService authorizations, PolicyProfiles profiles, CatalogResources catalog) {
        this.authorizations = authorizations;
        this.profiles = profiles;
        this.catalog = catalog;
    }

    @EventListener(ApplicationReadyEvent.class)
    void grant() {
        Set<String> reviewers = new LinkedHashSet<>(
                Set.of("authority-reviewer", "pricing-officer", "expert", "manager", "province-authority"));
        profiles.all().forEach(p -> reviewers.addAll(p.coordinationGroups()));
        // a jurisdiction's managers are told of its overdue tasks and may look at them in Tasklist
        profiles.codes().forEach(code -> reviewers.add(TaskReminders.managerGroup(code)));
        reviewers.addAll(catalog.allProviderGroups());
        for (String group : reviewers) {
            group(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            group(group, Resources.FILTER, "*", Permissions.READ);
            group(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        }
        group("manager", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        group(
                "manager",
                Resources.PROCESS_DEFINITION,
                "*",
                Permissions.READ,
                Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE);
        group("manager", Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        group("manager", Resources.TASK, "*", Permissions.READ);
        group("manager", Resources.DEPLOYMENT, "*", Permissions.READ);
        group("manager", Resources.DECISION_DEFINITION, "*", Permissions.READ);
        // fetch and lock reads and updates the instance; completing, failing and BPMN errors update it
        user(WORKERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ, Permissions.UPDATE);
        revoke(WORKERS, Resources.PROCESS_DEFINITION, "*");
    }

    private void group(String groupId, Resource resource, String resourceId, Permission... permissions) {
        if (authorizations
                        .createAuthorizationQuery()
                        .groupIdIn(groupId)
                        .resourceType(resource)
                        .resourceId(resourceId)
                        .count()
                > 0) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        save(grant, resource, resourceId, permissions);
    }

    /** Exactly these permissions, also where an earlier release granted the user more. */
    private void user(String userId, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = authorizations
                .createAuthorizationQuery()
                .userIdIn(userId)
                .resourceType(resource)
                .resourceId(resourceId)
                .list()
                .stream()
                .findFirst()
                .orElseGet(() -> authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT));
        grant.setUserId(userId);
        grant.setPermissions(new Permission[] {Permissions.NONE});
        save(grant, resource, resourceId, permissions);
    }

    private void revoke(String userId, Resource resource, String resourceId) {
        authorizations
                .createAuthorizationQuery()
                .userIdIn(userId)
                .resourceType(resource)
                .resourceId(resourceId)
                .list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }

    private void save(Authorization grant, Resource resource, String resourceId, Permission... permissions) {
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission p : permissions) {
            grant.addPermission(p);
        }
        authorizations.saveAuthorization(grant);
    }
}
