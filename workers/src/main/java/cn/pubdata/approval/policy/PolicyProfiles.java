package cn.pubdata.approval.policy;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.UnitNames;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The jurisdictions this system serves and their policy profiles, as versioned data. {@code policy/profiles.yaml} is
 * the release's version 1 of each profile; the authority edits a profile through {@link #update}, which adds a version.
 * {@link #of(String)} answers the current version; a running flow keeps the version it started with and reads it with
 * {@link #of(String, int)}. A setting a later release adds and a stored version lacks takes the release's value.
 * Without a database (unit tests) the profiles are the release's, all in version 1.
 */
@Component
public class PolicyProfiles implements UnitNames {

    private record File(
            Map<String, String> groups,
            Map<String, ObjectNode> profiles,
            ScenarioSettings scenario,
            AdmissionSettings admission) {}

    /** One version of a profile as the settings page lists it. */
    public record Version(
            String jurisdiction, int version, String changed, String reason, String changedBy, Instant changedAt) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);

    private final Map<String, ObjectNode> released = new LinkedHashMap<>();
    private final Map<String, PolicyProfile> cache = new ConcurrentHashMap<>();
    private final Map<String, String> groupNames;
    private final AdmissionSettings admission;
    private final ScenarioSettings scenario;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Timeline audit;

    /** The release's profiles only, every one in version 1 (unit tests). */
    public PolicyProfiles() {
        this(null, Clock.systemUTC(), null);
    }

    @Autowired
    public PolicyProfiles(JdbcClient jdbc, Clock clock, Timeline audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = PolicyProfiles.class.getResourceAsStream("/policy/profiles.yaml")) {
            File file = yaml.readValue(in, File.class);
            file.profiles().forEach((code, node) -> {
                node.put("code", code);
                node.put("version", 1);
                released.put(code, node);
                toProfile(node); // a release whose profile does not read fails at start, not at first use
            });
            this.groupNames = Map.copyOf(file.groups());
            this.admission = file.admission();
            this.scenario = file.scenario();
        } catch (IOException e) {
            throw new UncheckedIOException("policy/profiles.yaml cannot be read", e);
        }
    }

    /** The current version of a jurisdiction's profile. */
    public PolicyProfile of(String jurisdiction) {
        requireKnown(jurisdiction);
        return of(jurisdiction, currentVersion(jurisdiction));
    }

    /** One version of a profile, as a running flow that started with it reads it. */
    public PolicyProfile of(String jurisdiction, int version) {
        requireKnown(jurisdiction);
        return cache.computeIfAbsent(jurisdiction + "#" + version, key -> load(jurisdiction, version));
    }

    /** The version of the profile a flow of the jurisdiction starts with now. */
    public int currentVersion(String jurisdiction) {
        requireKnown(jurisdiction);
        if (jdbc == null) {
            return 1;
        }
        int current = jdbc.sql(
                        "select coalesce(max(version), 0) from approval.policy_profile_version where jurisdiction = :j")
                .param("j", jurisdiction)
                .query(Integer.class)
                .single();
        if (current > 0) {
            return current;
        }
        jdbc.sql("""
                insert into approval.policy_profile_version (jurisdiction, version, settings, changed, reason, changed_by, changed_at)
                values (:j, 1, :settings, null, '随版本发布的初始配置（policy/profiles.yaml）', '系统', :at)
                on conflict do nothing""")
                .param("j", jurisdiction)
                .param("settings", released.get(jurisdiction).toString())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return 1;
    }

    /**
     * The authority changes settings of a profile: a new version with the whole profile, what changed and why. Only
     * the settings the settings page lists may change; each is checked like the release's values. Nothing is written
     * when a value is refused.
     */
    @Transactional
    public PolicyProfile update(String jurisdiction, Map<String, Object> changes, String reason, String actor) {
        requireKnown(jurisdiction);
        if (jdbc == null) {
            throw new IllegalStateException("profiles are read-only without a database");
        }
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "请写明修改依据（文件、条款或会议纪要）");
        }
        if (changes == null || changes.isEmpty()) {
            throw Problem.invalid("settings", "没有要修改的配置项");
        }
        int current = currentVersion(jurisdiction);
        jdbc.sql(
                        "select version from approval.policy_profile_version where jurisdiction = :j and version = :v for update")
                .param("j", jurisdiction)
                .param("v", current)
                .query(Integer.class)
                .single();
        ObjectNode node = stored(jurisdiction, current).deepCopy();
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Optional<ProfileSetting> setting = ProfileSetting.find(change.getKey());
            if (setting.isEmpty()) {
                errors.add(new Problem.FieldError("settings." + change.getKey(), "「" + change.getKey() + "」不是可修改的配置项"));
                continue;
            }
            String problem = setting.get().check(change.getValue());
            if (problem != null) {
                errors.add(new Problem.FieldError(
                        "settings." + change.getKey(), setting.get().label() + "：" + problem));
                continue;
            }
            String before = String.valueOf(node.get(change.getKey()));
            node.set(change.getKey(), JSON.valueToTree(change.getValue()));
            String after = String.valueOf(node.get(change.getKey()));
            if (!before.equals(after)) {
                changed.add(setting.get().label() + "：" + before + " → " + after);
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("配置有误，请按提示修改", errors);
        }
        if (changed.isEmpty()) {
            throw Problem.invalid("settings", "所填的值与当前第 " + current + " 版相同，没有新版本");
        }
        node.put("version", current + 1);
        try {
            toProfile(node);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("settings", "配置无法生效：" + e.getMessage());
        }
        jdbc.sql("""
                insert into approval.policy_profile_version (jurisdiction, version, settings, changed, reason, changed_by, changed_at)
                values (:j, :v, :settings, :changed, :reason, :by, :at)""")
                .param("j", jurisdiction)
                .param("v", current + 1)
                .param("settings", node.toString())
                .param("changed", String.join("\n", changed))
                .param("reason", reason.trim())
                .param("by", actor)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        audit.record(
                Subjects.policyProfile(jurisdiction),
                "修改政策配置，形成第 " + (current + 1) + " 版",
                String.join("\n", changed) + "\n依据：" + reason.trim(),
                actor,
                "policy-version:" + jurisdiction + ":" + (current + 1));
        return of(jurisdiction, current + 1);
    }

    /** Every version of a profile, newest first. */
    public List<Version> versions(String jurisdiction) {
        requireKnown(jurisdiction);
        if (jdbc == null) {
            return List.of(new Version(jurisdiction, 1, null, "随版本发布的初始配置（policy/profiles.yaml）", "系统", null));
        }
        currentVersion(jurisdiction);
        return jdbc.sql("""
                select jurisdiction, version, changed, reason, changed_by, changed_at
                from approval.policy_profile_version where jurisdiction = :j order by version desc""")
                .param("j", jurisdiction)
                .query((rs, n) -> new Version(
                        rs.getString("jurisdiction"),
                        rs.getInt("version"),
                        rs.getString("changed"),
                        rs.getString("reason"),
                        rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    public boolean exists(String jurisdiction) {
        return released.containsKey(jurisdiction);
    }

    /** The current version of every profile. */
    public Collection<PolicyProfile> all() {
        return codes().stream().map(this::of).toList();
    }

    public List<String> codes() {
        return new ArrayList<>(released.keySet());
    }

    public AdmissionSettings admission() {
        return admission;
    }

    public ScenarioSettings scenario() {
        return scenario;
    }

    /** The jurisdiction whose profile lists the provider unit of this group, if any. */
    public Optional<PolicyProfile> ofProviderGroup(String groupId) {
        return all().stream()
                .filter(p -> p.providerUnits().stream().anyMatch(u -> u.group().equals(groupId)))
                .findFirst();
    }

    /** The Chinese name of a group: a provider unit of a profile, or one of the other groups of policy/profiles.yaml. */
    @Override
    public String groupName(String groupId) {
        for (String code : released.keySet()) {
            for (PolicyProfile.ProviderUnitSetting u :
                    toProfile(released.get(code)).providerUnits()) {
                if (u.group().equals(groupId)) {
                    return u.name();
                }
            }
        }
        return groupNames.getOrDefault(groupId, groupId);
    }

    private void requireKnown(String jurisdiction) {
        if (!released.containsKey(jurisdiction)) {
            throw Problem.invalid("jurisdiction", "未知的辖区 '" + jurisdiction + "'，可选：" + String.join("、", codes()));
        }
    }

    private PolicyProfile load(String jurisdiction, int version) {
        return toProfile(stored(jurisdiction, version));
    }

    /** A stored version over the release's values: a setting the version lacks takes the release's value. */
    private ObjectNode stored(String jurisdiction, int version) {
        ObjectNode node = released.get(jurisdiction).deepCopy();
        if (jdbc == null) {
            if (version != 1) {
                throw Problem.notFound(jurisdiction + " 政策配置第 " + version + " 版不存在");
            }
            return node;
        }
        String settings = jdbc.sql(
                        "select settings from approval.policy_profile_version where jurisdiction = :j and version = :v")
                .param("j", jurisdiction)
                .param("v", version)
                .query(String.class)
                .optional()
                .orElseThrow(() -> Problem.notFound(jurisdiction + " 政策配置第 " + version + " 版不存在"));
        try {
            // a setting a later release dropped is ignored; one it added keeps the release's value
            JSON.readTree(settings).properties().forEach(field -> {
                if (node.has(field.getKey())) {
                    node.set(field.getKey(), field.getValue());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node.put("code", jurisdiction);
        node.put("version", version);
        return node;
    }

    private static PolicyProfile toProfile(ObjectNode node) {
        try {
            return JSON.treeToValue(node, PolicyProfile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
