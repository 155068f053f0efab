package cn.pubdata.approval.admission;

import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.Validation;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Announcements {

    private final AnnouncementRepository repository;
    private final CatalogResources catalog;
    private final PolicyProfiles profiles;
    private final Validation validation;
    private final Clock clock;

    public Announcements(
            AnnouncementRepository repository,
            CatalogResources catalog,
            PolicyProfiles profiles,
            Validation validation,
            Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.profiles = profiles;
        this.validation = validation;
        this.clock = clock;
    }

    /** ADM-01: an announcement states mode, scope, conditions and criteria; CAT-01: no prohibited resource in scope. */
    @Transactional
    public Announcement publish(AnnouncementForm form) {
        if (form == null) {
            throw Problem.invalid("请填写通告内容", List.of());
        }
        List<Problem.FieldError> errors = new ArrayList<>(validation.errors(form));
        if (form.jurisdiction() != null && !form.jurisdiction().isBlank() && !profiles.exists(form.jurisdiction())) {
            errors.add(new Problem.FieldError(
                    "jurisdiction", "未知的辖区 '" + form.jurisdiction() + "'，可选：" + String.join("、", profiles.codes())));
        }
        if (form.deadline() != null && form.opensOn() != null && form.deadline().isBefore(form.opensOn())) {
            errors.add(new Problem.FieldError("deadline", "申报截止日期不能早于受理开始日期"));
        }
        if (form.deadline() != null && form.deadline().isBefore(LocalDate.now(clock.withZone(Clocks.BEIJING)))) {
            errors.add(new Problem.FieldError("deadline", "申报截止日期已过，无法发布"));
        }
        for (String code :
                form.resourceCodes() == null ? List.<String>of() : new LinkedHashSet<>(form.resourceCodes())) {
            CatalogResource r = catalog.find(code).orElse(null);
            if (r == null) {
                errors.add(new Problem.FieldError("resourceCodes", "目录中没有数据资源 '" + code + "'"));
            } else if (r.prohibited()) {
                errors.add(new Problem.FieldError("resourceCodes", "「" + r.name() + "」属于禁止开放的公共数据，不得纳入授权运营（CAT-01）"));
            } else if (form.jurisdiction() != null && !r.jurisdiction().equals(form.jurisdiction())) {
                errors.add(new Problem.FieldError(
                        "resourceCodes",
                        "「" + r.name() + "」是" + profiles.of(r.jurisdiction()).name() + "的数据资源，不能纳入本辖区的通告"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("通告内容有误，请按提示修改", errors);
        }
        return repository.save(new Announcement(
                form.jurisdiction(),
                form.title().trim(),
                form.authorizationMode(),
                form.scope().trim(),
                form.conditions().trim(),
                form.criteria().stream().map(String::trim).toList(),
                form.opensOn(),
                form.deadline(),
                clock.instant(),
                form.resourceCodes().stream()
                        .distinct()
                        .map(Announcement.ScopeResource::new)
                        .collect(Collectors.toSet())));
    }

    public Announcement get(long id) {
        return repository.findById(id).orElseThrow(() -> Problem.notFound("准入通告 " + id + " 不存在"));
    }

    public List<Announcement> open() {
        return repository.findOpenOn(LocalDate.now(clock.withZone(Clocks.BEIJING)));
    }
}
