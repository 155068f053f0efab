package cn.pubdata.approval.developer;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.Validation;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' partner rules (DEV-01, DEV-02): an authorized operator submits its partner conditions and its
 * developers' onboarding, management and exit rules; they take effect only when the authority consents. The rules
 * consented last are the ones in force.
 */
@Service
public class PartnerRulesBook {

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final PolicyProfiles profiles;
    private final Validation validation;
    private final Timeline timeline;
    private final Clock clock;

    public PartnerRulesBook(
            JdbcClient jdbc,
            Agreements agreements,
            PolicyProfiles profiles,
            Validation validation,
            Timeline timeline,
            Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.profiles = profiles;
        this.validation = validation;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** DEV-01, DEV-02: stores the operator's rules as submitted; the caller starts the authority's consent. */
    @Transactional
    public PartnerRules submit(PartnerRulesForm form, Actor actor) {
        if (actor.kind() != Actor.Kind.OPERATOR) {
            throw Problem.invalid("submitter", "合伙人准入条件和管理规则由运营机构提交");
        }
        validation.check(form, "合伙人规则不完整，请按提示补充");
        Agreement agreement = agreements
                .latest(actor.creditCode(), form.jurisdiction())
                .orElseThrow(() -> Problem.invalid(
                        "jurisdiction",
                        "该单位在" + profiles.of(form.jurisdiction()).name() + "没有授权运营协议，请选择协议所在辖区"));
        if (pending(actor.creditCode(), form.jurisdiction()).isPresent()) {
            throw Problem.conflict("已有合伙人规则在等待数据主管部门同意，请等待其结果后再提交新的版本");
        }
        long id = jdbc.sql("""
                        insert into approval.developer_rules (jurisdiction, credit_code, company_name, partner_conditions,
                            management_rules, submitted_by, submitted_at, status)
                        values (:j, :code, :name, :conditions, :rules, :by, :at, 'SUBMITTED') returning id""")
                .param("j", form.jurisdiction())
                .param("code", actor.creditCode())
                .param("name", agreements.operatorName(agreement))
                .param("conditions", form.partnerConditions().trim())
                .param("rules", form.managementRules().trim())
                .param("by", actor.username())
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        timeline.record(
                Subjects.partnerRules(id), "提交合伙人准入条件和管理规则", "报数据主管部门同意后施行", actor.label(), "partner-rules:" + id);
        return get(id);
    }

    @Transactional
    public void startedAs(long id, String processInstanceId) {
        jdbc.sql("update approval.developer_rules set process_instance_id = :pid where id = :id")
                .param("pid", processInstanceId)
                .param("id", id)
                .update();
    }

    /** DEV-02: the authority's consent or refusal, recorded once. */
    @Transactional
    public void decide(long id, boolean consent, String note, String by) {
        jdbc.sql("""
                        update approval.developer_rules set status = :status, decision_note = :note, decided_by = :by,
                            decided_at = :at where id = :id and status = 'SUBMITTED'""")
                .param("status", consent ? "CONSENTED" : "REFUSED")
                .param("note", note)
                .param("by", by)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    public PartnerRules get(long id) {
        return jdbc.sql("select * from approval.developer_rules where id = :id")
                .param("id", id)
                .query(PartnerRulesBook::map)
                .optional()
                .orElseThrow(() -> Problem.notFound("合伙人规则 " + id + " 不存在"));
    }

    /** DEV-02: the rules in force for the operator in the jurisdiction: the last ones the authority consented to. */
    public Optional<PartnerRules> inForce(String creditCode, String jurisdiction) {
        return jdbc.sql("""
                        select * from approval.developer_rules where credit_code = :code and jurisdiction = :j
                            and status = 'CONSENTED' order by decided_at desc, id desc limit 1""")
                .param("code", creditCode)
                .param("j", jurisdiction)
                .query(PartnerRulesBook::map)
                .optional();
    }

    public List<PartnerRules> ofOperator(String creditCode) {
        return jdbc.sql("select * from approval.developer_rules where credit_code = :code order by id desc")
                .param("code", creditCode)
                .query(PartnerRulesBook::map)
                .list();
    }

    /** The operators whose rules are in force, for developers choosing where to apply. */
    public List<PartnerRules> allInForce() {
        return jdbc.sql("""
                        select distinct on (credit_code, jurisdiction) * from approval.developer_rules
                        where status = 'CONSENTED' order by credit_code, jurisdiction, decided_at desc, id desc""").query(PartnerRulesBook::map).list();
    }

    /**
     * DEV-03: what the operator's operation plan says on onboarding and managing developers, in its management-system
     * section (template 000's third part), for the authority's reviewer to compare the rules with.
     */
    public String planSection(PartnerRules rules) {
        return agreements
                .latest(rules.creditCode(), rules.jurisdiction())
                .flatMap(a -> jdbc.sql("""
                                select content from approval.application_plan_section
                                where admission_application_id = :app and section_no = 3""")
                        .param("app", a.applicationId())
                        .query(String.class)
                        .optional())
                .orElse("（运营方案中未找到管理体系构建部分）");
    }

    private Optional<PartnerRules> pending(String creditCode, String jurisdiction) {
        return jdbc.sql("""
                        select * from approval.developer_rules where credit_code = :code and jurisdiction = :j
                            and status = 'SUBMITTED' limit 1""")
                .param("code", creditCode)
                .param("j", jurisdiction)
                .query(PartnerRulesBook::map)
                .optional();
    }

    private static PartnerRules map(ResultSet rs, int row) throws SQLException {
        return new PartnerRules(
                rs.getLong("id"),
                rs.getString("jurisdiction"),
                rs.getString("credit_code"),
                rs.getString("company_name"),
                rs.getString("partner_conditions"),
                rs.getString("management_rules"),
                rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(),
                PartnerRules.Status.valueOf(rs.getString("status")),
                rs.getString("decision_note"),
                rs.getString("decided_by"),
                rs.getTimestamp("decided_at") == null
                        ? null
                        : rs.getTimestamp("decided_at").toInstant(),
                rs.getString("process_instance_id"));
    }
}
