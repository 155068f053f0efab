package cn.pubdata.approval.policy;

import cn.pubdata.approval.common.Problem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The jurisdictions this system serves, read from {@code policy/profiles.yaml}. */
@Component
public class PolicyProfiles {

    private record File(
            Map<String, String> groups,
            Map<String, PolicyProfile> profiles,
            ScenarioSettings scenario,
            AdmissionSettings admission) {}

    private final Map<String, PolicyProfile> profiles = new LinkedHashMap<>();
    private final Map<String, String> groupNames;
    private final AdmissionSettings admission;
    private final ScenarioSettings scenario;

    public PolicyProfiles() {
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = PolicyProfiles.class.getResourceAsStream("/policy/profiles.yaml")) {
            File file = yaml.readValue(in, File.class);
            file.profiles().forEach((code, p) -> profiles.put(code, p.withCode(code)));
            this.groupNames = Map.copyOf(file.groups());
            this.admission = file.admission();
            this.scenario = file.scenario();
        } catch (IOException e) {
            throw new UncheckedIOException("policy/profiles.yaml cannot be read", e);
        }
    }

    public PolicyProfile of(String jurisdiction) {
        PolicyProfile p = profiles.get(jurisdiction);
        if (p == null) {
            throw Problem.invalid("jurisdiction", "未知的辖区 '" + jurisdiction + "'，可选：" + String.join("、", codes()));
        }
        return p;
    }

    public boolean exists(String jurisdiction) {
        return profiles.containsKey(jurisdiction);
    }

    public Collection<PolicyProfile> all() {
        return profiles.values();
    }

    public List<String> codes() {
        return new ArrayList<>(profiles.keySet());
    }

    public AdmissionSettings admission() {
        return admission;
    }

    public ScenarioSettings scenario() {
        return scenario;
    }

    /** The jurisdiction whose profile lists the provider unit of this group, if any. */
    public java.util.Optional<PolicyProfile> ofProviderGroup(String groupId) {
        return profiles.values().stream()
                .filter(p -> p.providerUnits().stream().anyMatch(u -> u.group().equals(groupId)))
                .findFirst();
    }

    /** The Chinese name of a group: a provider unit of a profile, or one of the other groups of policy/profiles.yaml. */
    public String groupName(String groupId) {
        for (PolicyProfile p : profiles.values()) {
            for (PolicyProfile.ProviderUnitSetting u : p.providerUnits()) {
                if (u.group().equals(groupId)) {
                    return u.name();
                }
            }
        }
        return groupNames.getOrDefault(groupId, groupId);
    }
}
