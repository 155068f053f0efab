package cn.pubdata.approval.catalog;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.Validation;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authority keeps its jurisdiction's catalog current: adds resources, regrades them, reclassifies their
 * open condition. Every change is recorded with who, when and why. The provider units come from the profiles.
 */
@Service
public class CatalogMaintenance {

    /** One entry of the catalog's own timeline. */
    public record Change(String resourceCode, Instant at, String actor, String what, String reason) {}

    private final JdbcClient jdbc;
    private final CatalogResources catalog;
    private final PolicyProfiles profiles;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public CatalogMaintenance(
            JdbcClient jdbc,
            CatalogResources catalog,
            PolicyProfiles profiles,
            Validation validation,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.profiles = profiles;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    /** Every jurisdiction's provider units as its profile names them; a renamed unit keeps its code and group. */
    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void syncProviderUnits() {
        for (PolicyProfile profile : profiles.all()) {
            for (PolicyProfile.ProviderUnitSetting unit : profile.providerUnits()) {
                jdbc.sql("""
                        insert into approval.provider_unit (code, name, group_id, jurisdiction) values (:code, :name, :group, :j)
                        on conflict (code) do update set name = excluded.name, group_id = excluded.group_id,
                            jurisdiction = excluded.jurisdiction""")
                        .param("code", unit.code())
                        .param("name", unit.name())
                        .param("group", unit.group())
                        .param("j", profile.code())
                        .update();
            }
        }
    }

    @Transactional
    public CatalogResource add(ResourceForm form, String actor) {
        validation.check(form, "数据资源信息有误，请按提示修改");
        PolicyProfile profile = profiles.of(form.jurisdiction());
        if (profile.providerUnits().stream().noneMatch(u -> u.code().equals(form.providerCode()))) {
            throw Problem.invalid(
                    "providerCode",
                    "「" + form.providerCode() + "」不是" + profile.name() + "的数据提供单位，可选："
                            + String.join(
                                    "、",
                                    profile.providerUnits().stream()
                                            .map(u -> u.code() + "（" + u.name() + "）")
                                            .toList()));
        }
        if (catalog.find(form.code()).isPresent()) {
            throw Problem.conflict("目录中已有编码为 " + form.code() + " 的数据资源");
        }
        jdbc.sql("""
                insert into approval.catalog_resource
                    (code, provider_code, name, open_condition, jurisdiction, grade, province_returned, description, updated_at)
                values (:code, :provider, :name, :open, :j, :grade, :returned, :description, :at)""")
                .param("code", form.code())
                .param("provider", form.providerCode())
                .param("name", form.name().trim())
                .param("open", form.openCondition())
                .param("j", form.jurisdiction())
                .param("grade", form.grade())
                .param("returned", form.provinceReturned())
                .param("description", form.description())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        change(
                form.code(),
                actor,
                "新增数据资源「" + form.name().trim() + "」（" + CatalogResource.openConditionLabel(form.openCondition()) + "，"
                        + form.grade() + "级" + (form.provinceReturned() ? "，省回流数据" : "") + "）",
                null);
        return catalog.find(form.code()).orElseThrow();
    }

    @Transactional
    public CatalogResource regrade(String code, Integer grade, String reason, String actor) {
        CatalogResource resource = existing(code);
        if (grade == null || grade < 1 || grade > 4) {
            throw Problem.invalid("grade", "数据分级为1至4级");
        }
        String why = requireReason(reason);
        if (grade == resource.grade()) {
            return resource;
        }
        update(code, "grade = :value", grade);
        change(code, actor, "分级调整：" + resource.grade() + "级 → " + grade + "级", why);
        return catalog.find(code).orElseThrow();
    }

    /**
     * Changes a resource's open condition. Reclassified as 禁止开放, it may never be authorized again (CAT-01): the
     * features that use it withdraw it in this transaction ({@link ResourceProhibited}).
     */
    @Transactional
    public CatalogResource reclassify(String code, String openCondition, String reason, String actor) {
        CatalogResource resource = existing(code);
        if (openCondition == null
                || !List.of("OPEN", "CONDITIONAL", "PROHIBITED").contains(openCondition)) {
            throw Problem.invalid("openCondition", "开放条件只能是 OPEN（无条件开放）、CONDITIONAL（有条件开放）或 PROHIBITED（禁止开放）");
        }
        String why = requireReason(reason);
        if (openCondition.equals(resource.openCondition())) {
            return resource;
        }
        update(code, "open_condition = :value", openCondition);
        change(
                code,
                actor,
                "开放条件调整：" + CatalogResource.openConditionLabel(resource.openCondition()) + " → "
                        + CatalogResource.openConditionLabel(openCondition),
                why);
        if (openCondition.equals("PROHIBITED")) {
            events.publishEvent(new ResourceProhibited(code, resource.name(), resource.jurisdiction(), why));
        }
        return catalog.find(code).orElseThrow();
    }

    public List<Change> changes(String jurisdiction) {
        return jdbc.sql("""
                select c.resource_code, c.at, c.actor, c.what, c.reason from approval.catalog_change c
                join approval.catalog_resource r on r.code = c.resource_code
                where r.jurisdiction = :j order by c.at desc, c.id desc""")
                .param("j", jurisdiction)
                .query((rs, n) -> new Change(
                        rs.getString("resource_code"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("what"),
                        rs.getString("reason")))
                .list();
    }

    private CatalogResource existing(String code) {
        return catalog.find(code).orElseThrow(() -> Problem.notFound("目录中没有数据资源 " + code));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "请写明调整的理由和依据");
        }
        return reason.trim();
    }

    private void update(String code, String assignment, Object value) {
        jdbc.sql("update approval.catalog_resource set " + assignment + ", updated_at = :at where code = :code")
                .param("value", value)
                .param("at", Timestamp.from(clock.instant()))
                .param("code", code)
                .update();
    }

    private void change(String code, String actor, String what, String reason) {
        jdbc.sql("""
                insert into approval.catalog_change (resource_code, at, actor, what, reason)
                values (:code, :at, :actor, :what, :reason)""")
                .param("code", code)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("what", what)
                .param("reason", reason)
                .update();
    }
}
