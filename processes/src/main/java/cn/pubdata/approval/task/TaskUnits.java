package cn.pubdata.approval.task;

import cn.pubdata.approval.policy.PolicyProfiles;
import java.util.Objects;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The names the audit log gives a reviewer: the person from the engine's identity service (Keycloak in the
 * application), the unit from the task's candidate groups in Chinese. {@link TaskInput#actor} is static, as every task
 * listener calls it; this bean hands it the group names once the profiles are read.
 */
@Component
public class TaskUnits {

    private static volatile PolicyProfiles profiles;

    public TaskUnits(PolicyProfiles profiles) {
        TaskUnits.profiles = profiles;
    }

    static String of(DelegateTask task) {
        String groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(link -> link.getGroupId())
                .filter(Objects::nonNull)
                .sorted()
                .map(TaskUnits::groupName)
                .distinct()
                .collect(Collectors.joining("、"));
        return groups.isEmpty() ? null : groups;
    }

    static String personName(DelegateTask task, String userId) {
        try {
            User user = task.getProcessEngineServices()
                    .getIdentityService()
                    .createUserQuery()
                    .userId(userId)
                    .singleResult();
            if (user == null) {
                return userId;
            }
            String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                            + (user.getLastName() == null ? "" : user.getLastName()))
                    .trim();
            return name.isEmpty() ? userId : name;
        } catch (RuntimeException identityUnreachable) {
            // the login still names the person; a decision is never refused because the directory is slow
            return userId;
        }
    }

    private static String groupName(String groupId) {
        PolicyProfiles known = profiles;
        return known == null ? groupId : known.groupName(groupId);
    }
}
