package cn.pubdata.approval.rectification;

import cn.pubdata.approval.agreement.AgreementContacts;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RECT-11: the authority and the departments inspect an operator's compliance (platform management, data resources,
 * development, market operation). Each inspection is recorded with its findings, the findings are sent to the operator,
 * and an inspection may open a rectification, whose follow-up is then the rectification's. SEC-05: the operator
 * submits to it; an inspection needs nothing from the operator to be recorded and to bind it.
 */
@Service
public class Inspections {

    public record InspectionForm(
            Long agreementId,
            LocalDate inspectedOn,
            String areas,
            String departments,
            String findings,
            boolean orderRectification,
            LocalDate deadline) {}

    public record Inspection(
            long id,
            long agreementId,
            String jurisdiction,
            String creditCode,
            LocalDate inspectedOn,
            String areas,
            String findings,
            String departments,
            String inspectedBy,
            Instant recordedAt,
            Long rectificationId) {}

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final AgreementContacts contacts;
    private final Notifications notifications;
    private final Timeline timeline;
    private final Clock clock;

    public Inspections(
            JdbcClient jdbc,
            Agreements agreements,
            AgreementContacts contacts,
            Notifications notifications,
            Timeline timeline,
            Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.contacts = contacts;
        this.notifications = notifications;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Records the inspection and sends its findings to the operator; nothing is written when it is refused. */
    @Transactional
    public Inspection record(InspectionForm form, Actor actor) {
        if (actor.kind() != Actor.Kind.REVIEWER) {
            throw Problem.invalid("inspectedBy", "监督检查由数据主管部门会同有关部门开展");
        }
        Agreement agreement = form == null || form.agreementId() == null
                ? null
                : agreements.find(form.agreementId()).orElse(null);
        if (agreement == null) {
            throw Problem.invalid("agreementId", "请选择被检查的运营机构及其授权运营协议");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (form.inspectedOn() == null
                || form.inspectedOn()
                        .isAfter(LocalDate.now(clock.withZone(cn.pubdata.approval.common.Clocks.BEIJING)))) {
            errors.add(new Problem.FieldError("inspectedOn", "请填写检查日期（不晚于今天）"));
        }
        if (form.areas() == null || form.areas().isBlank()) {
            errors.add(new Problem.FieldError("areas", "请填写检查事项（平台管理、数据资源管理、开发利用、市场运营等）"));
        }
        if (form.departments() == null || form.departments().isBlank()) {
            errors.add(new Problem.FieldError("departments", "请填写会同检查的部门"));
        }
        if (form.findings() == null || form.findings().isBlank()) {
            errors.add(new Problem.FieldError("findings", "请填写检查发现的问题（没有问题请写“未发现问题”）"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("检查记录有误，请按提示修改", errors);
        }
        long id = jdbc.sql("""
                insert into approval.inspection (agreement_id, jurisdiction, credit_code, inspected_on, areas, findings,
                    departments, inspected_by, recorded_at)
                values (:a, :j, :c, :on, :areas, :findings, :departments, :by, :now) returning id""")
                .param("a", agreement.id())
                .param("j", agreement.jurisdiction())
                .param("c", agreement.creditCode())
                .param("on", form.inspectedOn())
                .param("areas", form.areas().trim())
                .param("findings", form.findings().trim())
                .param("departments", form.departments().trim())
                .param("by", actor.label())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        timeline.record(
                Subjects.inspection(id),
                "监督检查（" + form.inspectedOn() + "）",
                "检查事项：" + form.areas().trim() + "\n会同：" + form.departments().trim() + "\n发现："
                        + form.findings().trim(),
                actor.label(),
                "inspection:" + id);
        notifications.send(
                Notifications.operator(agreement.creditCode()),
                "inspection:" + id,
                "【监督检查结果】" + form.inspectedOn(),
                contacts.companyName(agreement) + "：\n\n数据主管部门会同"
                        + form.departments().trim() + "于 " + form.inspectedOn()
                        + " 对本单位的" + form.areas().trim() + "进行了检查。\n检查发现："
                        + form.findings().trim()
                        + (form.orderRectification() ? "\n\n针对上述问题将另行发出整改通知，请按期整改。" : ""),
                contacts.emailOf(agreement));
        return get(id);
    }

    @Transactional
    public void openedRectification(long inspectionId, long rectificationId) {
        jdbc.sql("update approval.inspection set rectification_id = :r where id = :id")
                .param("r", rectificationId)
                .param("id", inspectionId)
                .update();
    }

    public Inspection get(long id) {
        return jdbc.sql("select * from approval.inspection where id = :id")
                .param("id", id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> Problem.notFound("检查记录 " + id + " 不存在"));
    }

    public List<Inspection> ofOperator(String creditCode) {
        return jdbc.sql("select * from approval.inspection where credit_code = :c order by inspected_on desc, id desc")
                .param("c", creditCode)
                .query(this::map)
                .list();
    }

    private Inspection map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Inspection(
                rs.getLong("id"),
                rs.getLong("agreement_id"),
                rs.getString("jurisdiction"),
                rs.getString("credit_code"),
                rs.getObject("inspected_on", LocalDate.class),
                rs.getString("areas"),
                rs.getString("findings"),
                rs.getString("departments"),
                rs.getString("inspected_by"),
                rs.getTimestamp("recorded_at").toInstant(),
                (Long) rs.getObject("rectification_id"));
    }
}
