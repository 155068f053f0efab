package cn.pubdata.approval.policy;

import cn.pubdata.approval.identity.CurrentUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy profiles as the settings page shows them: each setting with the rules it follows, its value and the
 * clause it cites, the current version and every earlier one; the authority's edits, each a new version.
 */
@RestController
@RequestMapping("/api/policy/profiles")
class PolicyProfileController {

    record ProfileSummary(String code, String name, String seed, int version) {}

    record Setting(
            String key,
            String label,
            String rules,
            String kind,
            List<String> choices,
            Object value,
            String clause,
            boolean strictest) {}

    record ProfileView(
            String code,
            String name,
            String seed,
            int version,
            String versionLabel,
            List<Setting> settings,
            List<PolicyProfiles.Version> versions) {}

    record EditRequest(Map<String, Object> settings, String reason) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PolicyProfiles profiles;
    private final CurrentUser user;

    PolicyProfileController(PolicyProfiles profiles, CurrentUser user) {
        this.profiles = profiles;
        this.user = user;
    }

    @GetMapping
    List<ProfileSummary> all() {
        return profiles.all().stream()
                .map(p -> new ProfileSummary(p.code(), p.name(), p.seed(), p.version()))
                .toList();
    }

    @GetMapping("/{code}")
    ProfileView one(@PathVariable String code) {
        return view(profiles.of(code));
    }

    @GetMapping("/{code}/versions/{version}")
    ProfileView version(@PathVariable String code, @PathVariable int version) {
        return view(profiles.of(code, version));
    }

    @PutMapping("/{code}")
    ProfileView edit(@PathVariable String code, @RequestBody EditRequest request) {
        return view(profiles.update(
                code,
                request == null ? null : request.settings(),
                request == null ? null : request.reason(),
                user.actor().label()));
    }

    private ProfileView view(PolicyProfile profile) {
        ObjectNode values = JSON.valueToTree(profile);
        List<Setting> settings = Arrays.stream(ProfileSetting.values())
                .map(s -> new Setting(
                        s.key(),
                        s.label(),
                        s.rules(),
                        s.kind(),
                        s.choices(),
                        JSON.convertValue(values.get(s.key()), Object.class),
                        profile.clauses() == null ? null : profile.clauses().get(s.key()),
                        profile.strictest().contains(s.key())))
                .toList();
        return new ProfileView(
                profile.code(),
                profile.name(),
                profile.seed(),
                profile.version(),
                profile.versionLabel(),
                settings,
                profiles.versions(profile.code()));
    }
}
