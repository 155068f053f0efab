package cn.pubdata.approval.developer;

import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.Validation;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Developer onboarding (开发利用主体入驻): a developer company applies to join an operator's platform under the
 * operator's consented rules (DEV-02) with its declaration (DEV-04); the operator, not the authority, decides (DEV-05);
 * the development-and-use agreement comes before any access (DEV-06), then each staff member's filing and
 * confidentiality agreement (DEV-08), and only then access, to sampled and desensitised data (DEV-09).
 */
@Service
public class Developers {

    private final JdbcClient jdbc;
    private final PartnerRulesBook rules;
    private final Agreements agreements;
    private final AgreementStates states;
    private final PolicyProfiles profiles;
    private final Validation validation;
    private final Timeline timeline;
    private final Clock clock;

    public Developers(
            JdbcClient jdbc,
            PartnerRulesBook rules,
            Agreements agreements,
            AgreementStates states,
            PolicyProfiles profiles,
            Validation validation,
            Timeline timeline,
            Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.agreements = agreements;
        this.states = states;
        this.profiles = profiles;
        this.validation = validation;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * A developer company applies to an operator whose partner rules are in force; nothing is written when refused.
     * The caller starts the application's process in the same transaction.
     */
    @Transactional
    public DeveloperApplication apply(DeveloperApplicationForm form, Actor actor, String companyName) {
        if (actor.kind() != Actor.Kind.PARTNER) {
            throw Problem.invalid("applicant", "入驻申请由开发利用主体（开发商）的账号提交");
        }
        validation.check(form, "入驻申请不完整，请按提示补充");
        if (form.operatorCreditCode().equals(actor.creditCode())) {
            throw Problem.invalid("operatorCreditCode", "运营机构自身人员无需申请入驻，请选择其他运营机构");
        }
        String where = profiles.of(form.jurisdiction()).name();
        Agreement agreement = agreements
                .latest(form.operatorCreditCode(), form.jurisdiction())
                .orElseThrow(() -> Problem.invalid("operatorCreditCode", "该单位不是" + where + "的授权运营机构，请重新选择"));
        states.refusalOfAnything(agreement).ifPresent(refusal -> {
            throw Problem.conflict("该运营机构目前不能接受入驻：" + refusal);
        });
        // DEV-02: the operator's onboarding rules take effect only after the authority consents
        PartnerRules inForce = rules.inForce(form.operatorCreditCode(), form.jurisdiction())
                .orElseThrow(
                        () -> Problem.invalid("operatorCreditCode", "该运营机构的开发利用主体入驻规则尚未经数据主管部门同意，暂不接受入驻申请（DEV-02）"));
        List<Problem.FieldError> errors = new ArrayList<>();
        // DEV-04: no network or data security incident in the last 3 years
        if (!form.noIncidentDeclared()) {
            errors.add(new Problem.FieldError("noIncidentDeclared", "近3年发生过网络安全、数据安全事件的单位不符合入驻条件（DEV-04）；如未发生，请勾选声明"));
        }
        if (active(form.operatorCreditCode(), actor.creditCode()).isPresent()) {
            errors.add(new Problem.FieldError("operatorCreditCode", "贵单位已有向该运营机构的入驻申请在办理或已入驻，不能重复申请"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("入驻申请有误，请按提示修改", errors);
        }
        long id = jdbc.sql("""
                        insert into approval.developer_application (rules_id, jurisdiction, operator_credit_code,
                            operator_name, developer_credit_code, developer_name, capability, no_incident_declared,
                            submitted_by, submitted_at, status)
                        values (:rules, :j, :op, :opName, :dev, :devName, :capability, true, :by, :at, 'IN_REVIEW')
                        returning id""")
                .param("rules", inForce.id())
                .param("j", form.jurisdiction())
                .param("op", form.operatorCreditCode())
                .param("opName", agreements.operatorName(agreement))
                .param("dev", actor.creditCode())
                .param("devName", companyName == null || companyName.isBlank() ? actor.creditCode() : companyName)
                .param("capability", form.capability().trim())
                .param("by", actor.username())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        int position = 1;
        for (DeveloperApplicationForm.StaffMember member : form.staff()) {
            jdbc.sql("""
                            insert into approval.developer_staff (application_id, position, name, id_number_tail, duty)
                            values (:app, :pos, :name, :tail, :duty)""")
                    .param("app", id)
                    .param("pos", position++)
                    .param("name", member.name().trim())
                    .param("tail", member.idNumberTail().toUpperCase())
                    .param("duty", member.duty().trim())
                    .update();
        }
        timeline.record(
                Subjects.developerApplication(id),
                "申请入驻运营平台",
                "向" + agreements.operatorName(agreement) + "申请入驻，参与开发人员 "
                        + form.staff().size() + " 名",
                actor.label(),
                "developer-applied:" + id);
        return get(id);
    }

    /**
     * APL-02: an upheld appeal against a refusal: the same application, its staff included, goes to the operator's
     * review again as a new application linked to the refused one. The caller starts its process.
     */
    @Transactional
    public DeveloperApplication reopenForAppeal(long refusedId, long appealId) {
        DeveloperApplication refused = get(refusedId);
        long id = jdbc.sql("""
                        insert into approval.developer_application (rules_id, jurisdiction, operator_credit_code,
                            operator_name, developer_credit_code, developer_name, capability, no_incident_declared,
                            submitted_by, submitted_at, status, appeal_of)
                        select rules_id, jurisdiction, operator_credit_code, operator_name, developer_credit_code,
                            developer_name, capability, no_incident_declared, submitted_by, :at, 'IN_REVIEW', id
                        from approval.developer_application where id = :refused returning id""")
                .param("at", Timestamp.from(clock.instant()))
                .param("refused", refusedId)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into approval.developer_staff (application_id, position, name, id_number_tail, duty)
                        select :id, position, name, id_number_tail, duty from approval.developer_staff
                        where application_id = :refused""").param("id", id).param("refused", refusedId).update();
        timeline.record(
                Subjects.developerApplication(id),
                "申诉成立，重新审核",
                "原申请 " + Subjects.developerApplication(refusedId) + " 经申诉（" + Subjects.appeal(appealId) + "）重新交运营机构审核",
                "数据主管部门",
                "developer-reopened:" + appealId);
        return get(id);
    }

    /** The application an upheld appeal re-opened, if any. */
    public Optional<DeveloperApplication> reopenedFrom(long refusedId) {
        return jdbc.sql("select * from approval.developer_application where appeal_of = :id")
                .param("id", refusedId)
                .query(Developers::map)
                .optional();
    }

    /** DEV-10: a data-provider unit recommends a partner to an authorized operator. */
    @Transactional
    public Recommendation recommend(RecommendationForm form, Actor actor) {
        String group = actor.groups().stream()
                .filter(g -> g.startsWith("provider-"))
                .sorted()
                .findFirst()
                .orElseThrow(() -> Problem.invalid("recommender", "合伙人由数据提供单位推荐"));
        validation.check(form, "推荐不完整，请按提示补充");
        if (agreements.latest(form.operatorCreditCode(), form.jurisdiction()).isEmpty()) {
            throw Problem.invalid(
                    "operatorCreditCode",
                    "该单位不是" + profiles.of(form.jurisdiction()).name() + "的授权运营机构，请重新选择");
        }
        long id = jdbc.sql("""
                        insert into approval.developer_recommendation (jurisdiction, operator_credit_code,
                            developer_credit_code, developer_name, reason, provider_group, recommended_by, recommended_at)
                        values (:j, :op, :dev, :name, :reason, :group, :by, :at) returning id""")
                .param("j", form.jurisdiction())
                .param("op", form.operatorCreditCode())
                .param("dev", form.developerCreditCode().trim())
                .param("name", form.developerName().trim())
                .param("reason", form.reason().trim())
                .param("group", group)
                .param("by", actor.username())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return jdbc.sql("select * from approval.developer_recommendation where id = :id")
                .param("id", id)
                .query(Developers::recommendation)
                .single();
    }

    /** DEV-10: the provider units' recommendations of this developer to this operator, shown on its application. */
    public List<Recommendation> recommendationsFor(DeveloperApplication application) {
        return jdbc.sql("""
                        select * from approval.developer_recommendation
                        where operator_credit_code = :op and developer_credit_code = :dev order by id""")
                .param("op", application.operatorCreditCode())
                .param("dev", application.developerCreditCode())
                .query(Developers::recommendation)
                .list();
    }

    @Transactional
    public void startedAs(long id, String processInstanceId) {
        jdbc.sql("update approval.developer_application set process_instance_id = :pid where id = :id")
                .param("pid", processInstanceId)
                .param("id", id)
                .update();
    }

    /** DEV-05: the operator the developer applied to decides, nobody else; the reason is required. */
    @Transactional
    public DeveloperApplication decide(long id, DeveloperDecision decision, Actor actor) {
        DeveloperApplication application = get(id);
        if (actor.kind() != Actor.Kind.OPERATOR) {
            throw Problem.invalid("decider", "入驻申请由申请入驻的运营机构审核决定，数据主管部门和其他单位不作决定（DEV-05）");
        }
        if (!application.operatorCreditCode().equals(actor.creditCode())) {
            throw Problem.notFound("入驻申请 " + id + " 不存在");
        }
        requireStatus(application, DeveloperApplication.Status.IN_REVIEW, "入驻申请已有决定");
        List<Problem.FieldError> errors = new ArrayList<>();
        if (decision == null || decision.approve() == null) {
            errors.add(new Problem.FieldError("approve", "请选择同意或不同意入驻"));
        }
        if (decision == null || decision.reason() == null || decision.reason().isBlank()) {
            errors.add(new Problem.FieldError("reason", "请写明审核意见和理由"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("审核决定不完整，请按提示补充", errors);
        }
        jdbc.sql("""
                        update approval.developer_application set status = :status, decision_reason = :reason,
                            decided_by = :by, decided_at = :at where id = :id""")
                .param("status", decision.approve() ? "APPROVED" : "REFUSED")
                .param("reason", decision.reason().trim())
                .param("by", actor.username())
                .param("at", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        timeline.record(
                Subjects.developerApplication(id),
                decision.approve() ? "运营机构同意入驻" : "运营机构不同意入驻",
                decision.reason().trim(),
                actor.label(),
                "developer-decided:" + id);
        return get(id);
    }

    /** DEV-06: the development-and-use agreement, signed after approval and before any access. */
    @Transactional
    public DeveloperApplication recordAgreement(long id, DevelopmentAgreement agreement, Actor actor) {
        DeveloperApplication application = ownAsOperator(id, actor);
        requireStatus(application, DeveloperApplication.Status.APPROVED, "当前不需要登记开发利用协议");
        List<Problem.FieldError> errors = new ArrayList<>();
        if (agreement == null
                || agreement.agreementNo() == null
                || agreement.agreementNo().isBlank()) {
            errors.add(new Problem.FieldError("agreementNo", "请填写开发利用协议编号"));
        }
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BEIJING));
        if (agreement == null
                || agreement.signedOn() == null
                || agreement.signedOn().isAfter(today)) {
            errors.add(new Problem.FieldError("signedOn", "请填写协议签订日期（不晚于今天 " + today + "）"));
        }
        if (agreement == null
                || agreement.endsOn() == null
                || !agreement.endsOn().isAfter(today)) {
            errors.add(new Problem.FieldError("endsOn", "请填写协议到期日（应晚于今天 " + today + "）"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("开发利用协议信息有误，请按提示修改", errors);
        }
        jdbc.sql("""
                        update approval.developer_application set status = 'SIGNED', agreement_no = :no,
                            agreement_signed_on = :signed, agreement_ends_on = :ends where id = :id""")
                .param("no", agreement.agreementNo().trim())
                .param("signed", agreement.signedOn())
                .param("ends", agreement.endsOn())
                .param("id", id)
                .update();
        timeline.record(
                Subjects.developerApplication(id),
                "签订开发利用协议",
                "协议编号 " + agreement.agreementNo().trim() + "，" + agreement.signedOn() + " 签订，" + agreement.endsOn()
                        + " 到期",
                actor.label(),
                "developer-agreement:" + id);
        return get(id);
    }

    /**
     * DEV-08: every staff member passed identity authentication and the filing review and signed a confidentiality
     * agreement; a filing that leaves one out is refused and names them.
     */
    @Transactional
    public DeveloperApplication fileStaff(long id, StaffFiling filing, Actor actor) {
        DeveloperApplication application = ownAsOperator(id, actor);
        requireStatus(application, DeveloperApplication.Status.SIGNED, "须先签订开发利用协议，再办理人员备案（DEV-06）");
        Map<Long, StaffFiling.Filed> byId = filing == null || filing.staff() == null
                ? Map.of()
                : filing.staff().stream()
                        .filter(f -> f.staffId() != null)
                        .collect(Collectors.toMap(StaffFiling.Filed::staffId, f -> f, (a, b) -> a));
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BEIJING));
        List<Problem.FieldError> errors = new ArrayList<>();
        List<DeveloperStaff> staff = staffOf(id);
        for (DeveloperStaff member : staff) {
            StaffFiling.Filed f = byId.get(member.id());
            String field = "staff[" + (member.position() - 1) + "]";
            if (f == null || !Boolean.TRUE.equals(f.identityVerified())) {
                errors.add(new Problem.FieldError(field, member.name() + "：尚未确认通过身份认证和备案审查"));
            } else if (f.confidentialitySignedOn() == null
                    || f.confidentialitySignedOn().isAfter(today)) {
                errors.add(new Problem.FieldError(field, member.name() + "：请填写保密协议签订日期（不晚于今天）"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("每名开发人员须通过身份认证、备案审查并签订保密协议后方可开通访问（DEV-08）", errors);
        }
        Instant now = clock.instant();
        for (DeveloperStaff member : staff) {
            jdbc.sql("""
                            update approval.developer_staff set identity_verified_at = :at,
                                confidentiality_signed_on = :signed, filed_by = :by where id = :id""")
                    .param("at", Timestamp.from(now))
                    .param("signed", byId.get(member.id()).confidentialitySignedOn())
                    .param("by", actor.username())
                    .param("id", member.id())
                    .update();
        }
        jdbc.sql("update approval.developer_application set staff_filed_at = :at where id = :id")
                .param("at", Timestamp.from(now))
                .param("id", id)
                .update();
        timeline.record(
                Subjects.developerApplication(id),
                "开发人员身份认证、备案并签订保密协议",
                staff.stream().map(DeveloperStaff::name).collect(Collectors.joining("、")) + "（共 " + staff.size()
                        + " 名）",
                actor.label(),
                "developer-staff-filed:" + id);
        return get(id);
    }

    /**
     * DEV-06, DEV-08, DEV-09: opens the developer's access, to sampled and desensitised data only, once the agreement
     * is signed and every staff member filed; once, whatever the number of deliveries.
     */
    @Transactional
    public DeveloperPermission openAccess(long id) {
        DeveloperApplication application = get(id);
        if (application.agreementSignedOn() == null) {
            throw new IllegalStateException("入驻申请 " + id + " 尚未签订开发利用协议，不能开通访问（DEV-06）");
        }
        if (application.staffFiledAt() == null || staffOf(id).stream().anyMatch(s -> !s.filed())) {
            throw new IllegalStateException("入驻申请 " + id + " 的开发人员尚未全部备案并签订保密协议，不能开通访问（DEV-08）");
        }
        jdbc.sql("""
                        insert into approval.developer_permission (application_id, jurisdiction, operator_credit_code,
                            developer_credit_code, data_scope, opened_at)
                        values (:app, :j, :op, :dev, :scope, :at) on conflict (application_id) do nothing""")
                .param("app", id)
                .param("j", application.jurisdiction())
                .param("op", application.operatorCreditCode())
                .param("dev", application.developerCreditCode())
                .param("scope", DeveloperPermission.SAMPLED_DESENSITISED)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        jdbc.sql(
                        "update approval.developer_application set status = 'ACCESS_OPEN' where id = :id and status = 'SIGNED'")
                .param("id", id)
                .update();
        return permissionOf(id).orElseThrow();
    }

    /**
     * Ends the developer's onboarding and access with its reason; false when it had ended already (a repeated
     * delivery).
     */
    @Transactional
    public boolean closeAccess(long id, String reason) {
        int closed = jdbc.sql("""
                        update approval.developer_permission set closed_at = :at, close_reason = :reason
                        where application_id = :app and closed_at is null""")
                .param("at", Timestamp.from(clock.instant()))
                .param("reason", reason)
                .param("app", id)
                .update();
        int ended = jdbc.sql("""
                        update approval.developer_application set status = 'ENDED', ended_reason = :reason
                        where id = :id and status not in ('REFUSED', 'ENDED')""").param("reason", reason).param("id", id).update();
        return closed + ended > 0;
    }

    /** The operator removes one of its developers: only while its access is open. */
    public DeveloperApplication checkRemoval(long id, String reason, Actor actor) {
        DeveloperApplication application = ownAsOperator(id, actor);
        requireStatus(application, DeveloperApplication.Status.ACCESS_OPEN, "该开发利用主体没有在用的平台访问");
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "请写明移除的理由");
        }
        return application;
    }

    public DeveloperApplication get(long id) {
        return jdbc.sql("select * from approval.developer_application where id = :id")
                .param("id", id)
                .query(Developers::map)
                .optional()
                .orElseThrow(() -> Problem.notFound("入驻申请 " + id + " 不存在"));
    }

    /** The application as the developer that filed it or the operator it applied to sees it; others find nothing. */
    public DeveloperApplication visibleTo(long id, Actor actor) {
        DeveloperApplication application = get(id);
        boolean party = actor.kind() == Actor.Kind.REVIEWER
                || application.developerCreditCode().equals(actor.creditCode())
                || application.operatorCreditCode().equals(actor.creditCode());
        if (!party) {
            throw Problem.notFound("入驻申请 " + id + " 不存在");
        }
        return application;
    }

    public List<DeveloperApplication> ofDeveloper(String creditCode) {
        return jdbc.sql(
                        "select * from approval.developer_application where developer_credit_code = :c order by id desc")
                .param("c", creditCode)
                .query(Developers::map)
                .list();
    }

    public List<DeveloperApplication> ofOperator(String creditCode) {
        return jdbc.sql("select * from approval.developer_application where operator_credit_code = :c order by id desc")
                .param("c", creditCode)
                .query(Developers::map)
                .list();
    }

    /** The developer's onboarding with the operator in the jurisdiction, while its platform access is open. */
    public Optional<DeveloperApplication> withAccess(
            String operatorCreditCode, String developerCreditCode, String jurisdiction) {
        return jdbc.sql("""
                        select * from approval.developer_application where operator_credit_code = :op
                            and developer_credit_code = :dev and jurisdiction = :j and status = 'ACCESS_OPEN'
                        order by id desc limit 1""")
                .param("op", operatorCreditCode)
                .param("dev", developerCreditCode)
                .param("j", jurisdiction)
                .query(Developers::map)
                .optional();
    }

    /** The operator's developers applying or with access in the jurisdiction: an exit of the operator ends them. */
    public List<DeveloperApplication> activeAt(String operatorCreditCode, String jurisdiction) {
        return jdbc.sql("""
                        select * from approval.developer_application where operator_credit_code = :c
                            and jurisdiction = :j and status not in ('REFUSED', 'ENDED') order by id""")
                .param("c", operatorCreditCode)
                .param("j", jurisdiction)
                .query(Developers::map)
                .list();
    }

    /**
     * DEV-07: the operator's developers in the jurisdiction as the authority's reviewer of its report reads them, one
     * line each: name, credit code, where the onboarding stands, and when platform access was granted and ended.
     */
    public String reportListing(String operatorCreditCode, String jurisdiction) {
        List<DeveloperApplication> applications = jdbc.sql("""
                        select * from approval.developer_application where operator_credit_code = :c
                            and jurisdiction = :j order by id""")
                .param("c", operatorCreditCode)
                .param("j", jurisdiction)
                .query(Developers::map)
                .list();
        if (applications.isEmpty()) {
            return "（尚无开发利用主体申请入驻）";
        }
        List<String> lines = new ArrayList<>();
        for (DeveloperApplication a : applications) {
            String access = permissionOf(a.id())
                    .map(p -> "平台访问开通于 " + day(p.openedAt())
                            + (p.closedAt() == null ? "，至今有效" : "，终止于 " + day(p.closedAt())))
                    .orElse("未开通平台访问");
            lines.add((lines.size() + 1) + ". " + a.developerName() + "（统一社会信用代码 " + a.developerCreditCode() + "）："
                    + a.status().label() + "；" + access);
        }
        return String.join("\n", lines);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, Clocks.BEIJING);
    }

    public List<DeveloperStaff> staffOf(long applicationId) {
        return jdbc.sql("select * from approval.developer_staff where application_id = :app order by position")
                .param("app", applicationId)
                .query((rs, row) -> new DeveloperStaff(
                        rs.getLong("id"),
                        rs.getLong("application_id"),
                        rs.getInt("position"),
                        rs.getString("name"),
                        rs.getString("id_number_tail"),
                        rs.getString("duty"),
                        instant(rs, "identity_verified_at"),
                        rs.getObject("confidentiality_signed_on", LocalDate.class),
                        rs.getString("filed_by")))
                .list();
    }

    public Optional<DeveloperPermission> permissionOf(long applicationId) {
        return jdbc.sql("select * from approval.developer_permission where application_id = :app")
                .param("app", applicationId)
                .query((rs, row) -> new DeveloperPermission(
                        rs.getLong("id"),
                        rs.getLong("application_id"),
                        rs.getString("jurisdiction"),
                        rs.getString("operator_credit_code"),
                        rs.getString("developer_credit_code"),
                        rs.getString("data_scope"),
                        instant(rs, "opened_at"),
                        instant(rs, "closed_at"),
                        rs.getString("close_reason")))
                .optional();
    }

    /** What the operator reviews, as process variables. */
    public Map<String, Object> facts(DeveloperApplication application) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("developerApplicationId", application.id());
        facts.put("jurisdiction", application.jurisdiction());
        facts.put("operatorCreditCode", application.operatorCreditCode());
        facts.put("operatorName", application.operatorName());
        facts.put("developerCreditCode", application.developerCreditCode());
        facts.put("developerName", application.developerName());
        facts.put("staffCount", staffOf(application.id()).size());
        return facts;
    }

    private DeveloperApplication ownAsOperator(long id, Actor actor) {
        DeveloperApplication application = get(id);
        if (actor.kind() != Actor.Kind.OPERATOR
                || !application.operatorCreditCode().equals(actor.creditCode())) {
            throw Problem.notFound("入驻申请 " + id + " 不存在");
        }
        return application;
    }

    private static void requireStatus(
            DeveloperApplication application, DeveloperApplication.Status expected, String message) {
        if (application.status() != expected) {
            throw Problem.conflict(message + "（当前：" + application.status().label() + "）");
        }
    }

    private Optional<DeveloperApplication> active(String operatorCreditCode, String developerCreditCode) {
        return jdbc.sql("""
                        select * from approval.developer_application where operator_credit_code = :op
                            and developer_credit_code = :dev and status not in ('REFUSED', 'ENDED') limit 1""")
                .param("op", operatorCreditCode)
                .param("dev", developerCreditCode)
                .query(Developers::map)
                .optional();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Recommendation recommendation(ResultSet rs, int row) throws SQLException {
        return new Recommendation(
                rs.getLong("id"),
                rs.getString("jurisdiction"),
                rs.getString("operator_credit_code"),
                rs.getString("developer_credit_code"),
                rs.getString("developer_name"),
                rs.getString("reason"),
                rs.getString("provider_group"),
                rs.getString("recommended_by"),
                instant(rs, "recommended_at"));
    }

    private static DeveloperApplication map(ResultSet rs, int row) throws SQLException {
        return new DeveloperApplication(
                rs.getLong("id"),
                rs.getLong("rules_id"),
                rs.getString("jurisdiction"),
                rs.getString("operator_credit_code"),
                rs.getString("operator_name"),
                rs.getString("developer_credit_code"),
                rs.getString("developer_name"),
                rs.getString("capability"),
                rs.getBoolean("no_incident_declared"),
                rs.getString("submitted_by"),
                instant(rs, "submitted_at"),
                DeveloperApplication.Status.valueOf(rs.getString("status")),
                rs.getString("decision_reason"),
                rs.getString("decided_by"),
                instant(rs, "decided_at"),
                rs.getString("agreement_no"),
                rs.getObject("agreement_signed_on", LocalDate.class),
                rs.getObject("agreement_ends_on", LocalDate.class),
                instant(rs, "staff_filed_at"),
                rs.getString("ended_reason"),
                rs.getString("process_instance_id"));
    }
}
