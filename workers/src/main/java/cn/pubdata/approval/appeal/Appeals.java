package cn.pubdata.approval.appeal;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.developer.DeveloperApplication;
import cn.pubdata.approval.developer.Developers;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals (申诉): a developer appeals to the authority against a recorded refusal to join an operator's platform
 * (APL-01), naming the decision as the audit records it; the authority registers it, may ask for more material and
 * decides with a reason (APL-02). A decision is appealed once: a second appeal is refused with the reason.
 */
@Service
public class Appeals {

    private final JdbcClient jdbc;
    private final Developers developers;
    private final Timeline timeline;
    private final Clock clock;

    public Appeals(JdbcClient jdbc, Developers developers, Timeline timeline, Clock clock) {
        this.jdbc = jdbc;
        this.developers = developers;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** APL-01: only the developer refused may appeal, only a refusal, and only once. The caller starts the process. */
    @Transactional
    public Appeal file(long applicationId, String grounds, Actor actor) {
        DeveloperApplication contested = developers.get(applicationId);
        if (actor.kind() != Actor.Kind.PARTNER
                || !contested.developerCreditCode().equals(actor.creditCode())) {
            throw Problem.notFound("入驻申请 " + applicationId + " 不存在");
        }
        if (contested.status() != DeveloperApplication.Status.REFUSED) {
            throw Problem.invalid(
                    "contested",
                    "只能对运营机构不同意入驻的决定申诉（APL-01）；该申请当前为「" + contested.status().label() + "」");
        }
        String subject = Subjects.developerApplication(applicationId);
        Integer earlier = jdbc.sql("select count(*) from approval.appeal where contested_subject = :s")
                .param("s", subject)
                .query(Integer.class)
                .single();
        if (earlier > 0) {
            throw Problem.conflict("该决定已经申诉过，同一决定不能再次申诉（APL-02）");
        }
        if (grounds == null || grounds.isBlank()) {
            throw Problem.invalid("grounds", "请写明申诉的事实和理由");
        }
        String decision = "运营机构" + contested.operatorName() + "于 " + contested.decidedAt() + " 不同意入驻（"
                + contested.decidedBy() + "）：" + contested.decisionReason();
        long id = jdbc.sql("""
                        insert into approval.appeal (contested_subject, contested_kind, contested_decision, jurisdiction,
                            appellant_code, appellant_name, grounds, filed_by, filed_at, status)
                        values (:s, 'DEVELOPER_REFUSAL', :decision, :j, :code, :name, :grounds, :by, :at, 'REGISTERED')
                        returning id""")
                .param("s", subject)
                .param("decision", decision)
                .param("j", contested.jurisdiction())
                .param("code", contested.developerCreditCode())
                .param("name", contested.developerName())
                .param("grounds", grounds.trim())
                .param("by", actor.username())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        timeline.record(Subjects.appeal(id), "提出申诉", "对" + decision + " 申诉", actor.label(), "appeal-filed:" + id);
        timeline.record(subject, "开发利用主体申诉", grounds.trim(), actor.label(), "appeal-of:" + id);
        return get(id);
    }

    @Transactional
    public void startedAs(long id, String processInstanceId) {
        jdbc.sql("update approval.appeal set process_instance_id = :pid where id = :id")
                .param("pid", processInstanceId)
                .param("id", id)
                .update();
    }

    /** APL-02: the authority asks for more material. */
    @Transactional
    public void requestMaterial(long id, String what) {
        jdbc.sql("update approval.appeal set material_requested = :what where id = :id")
                .param("what", what)
                .param("id", id)
                .update();
    }

    /** The appellant's further material, while the authority asks for it. */
    @Transactional
    public Appeal addMaterial(long id, String material, Actor actor) {
        Appeal appeal = ownAppeal(id, actor);
        if (material == null || material.isBlank()) {
            throw Problem.invalid("material", "请填写补充的材料和说明");
        }
        jdbc.sql("update approval.appeal set material = :m where id = :id")
                .param("m", material.trim())
                .param("id", id)
                .update();
        timeline.record(
                Subjects.appeal(id),
                "补充申诉材料",
                material.trim(),
                actor.label(),
                "appeal-material:" + id + ":" + material.hashCode());
        return appeal;
    }

    /** APL-02: the decision with its reason, recorded once. */
    @Transactional
    public void decide(long id, boolean upheld, String reason, String by) {
        jdbc.sql("""
                        update approval.appeal set status = :status, decision_reason = :reason, decided_by = :by,
                            decided_at = :at where id = :id and status = 'REGISTERED'""")
                .param("status", upheld ? "UPHELD" : "DISMISSED")
                .param("reason", reason)
                .param("by", by)
                .param("at", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    @Transactional
    public void rerunAs(long id, String subject) {
        jdbc.sql("update approval.appeal set rerun_subject = :s where id = :id")
                .param("s", subject)
                .param("id", id)
                .update();
    }

    public Appeal get(long id) {
        return jdbc.sql("select * from approval.appeal where id = :id")
                .param("id", id)
                .query(Appeals::map)
                .optional()
                .orElseThrow(() -> Problem.notFound("申诉 " + id + " 不存在"));
    }

    public Appeal ownAppeal(long id, Actor actor) {
        Appeal appeal = get(id);
        if (!appeal.appellantCode().equals(actor.creditCode())) {
            throw Problem.notFound("申诉 " + id + " 不存在");
        }
        return appeal;
    }

    /** The appeal against the refusal of the application, if there is one. */
    public java.util.Optional<Long> ofContested(long applicationId) {
        return jdbc.sql("select id from approval.appeal where contested_subject = :s")
                .param("s", Subjects.developerApplication(applicationId))
                .query(Long.class)
                .optional();
    }

    /** The application whose refusal is contested. */
    public long contestedApplication(Appeal appeal) {
        return Long.parseLong(appeal.contestedSubject().substring("DVA-".length()));
    }

    private static Appeal map(ResultSet rs, int row) throws SQLException {
        return new Appeal(
                rs.getLong("id"),
                rs.getString("contested_subject"),
                rs.getString("contested_decision"),
                rs.getString("jurisdiction"),
                rs.getString("appellant_code"),
                rs.getString("appellant_name"),
                rs.getString("grounds"),
                rs.getTimestamp("filed_at").toInstant(),
                Appeal.Status.valueOf(rs.getString("status")),
                rs.getString("material_requested"),
                rs.getString("material"),
                rs.getString("decision_reason"),
                rs.getString("decided_by"),
                rs.getString("rerun_subject"),
                rs.getString("process_instance_id"));
    }
}
