package cn.pubdata.approval.appeal;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.datause.DataUseLine;
import cn.pubdata.approval.datause.DataUseRequest;
import cn.pubdata.approval.datause.DataUseStatus;
import cn.pubdata.approval.datause.DataUses;
import cn.pubdata.approval.developer.DeveloperApplication;
import cn.pubdata.approval.developer.Developers;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.product.Product;
import cn.pubdata.approval.product.ProductStatus;
import cn.pubdata.approval.product.Products;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals (申诉): a developer appeals to the authority against a recorded refusal to join an operator's platform, and
 * in 003 an operator against a refused data-use request (APL-01), naming the decision as the audit records it; in 004
 * an operator objects (异议) to a provider's refusal of a data-use line (APL-04). Either way the authority registers it, may ask for more material and
 * decides with a reason (APL-02). A decision is appealed once: a second appeal is refused with the reason.
 */
@Service
public class Appeals {

    private final JdbcClient jdbc;
    private final Developers developers;
    private final DataUses dataUses;
    private final Products products;
    private final PolicyProfiles profiles;
    private final Timeline timeline;
    private final Clock clock;

    public Appeals(
            JdbcClient jdbc,
            Developers developers,
            DataUses dataUses,
            Products products,
            PolicyProfiles profiles,
            Timeline timeline,
            Clock clock) {
        this.jdbc = jdbc;
        this.developers = developers;
        this.dataUses = dataUses;
        this.products = products;
        this.profiles = profiles;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * APL-01: where the profile provides appeals (003), only the developer refused may appeal, only a refusal, and only
     * once. The caller starts the process.
     */
    @Transactional
    public Appeal file(long applicationId, String grounds, Actor actor) {
        DeveloperApplication contested = developers.get(applicationId);
        if (actor.kind() != Actor.Kind.PARTNER
                || !contested.developerCreditCode().equals(actor.creditCode())) {
            throw Problem.notFound("入驻申请 " + applicationId + " 不存在");
        }
        PolicyProfile profile = profiles.of(contested.jurisdiction());
        if (profile.disputes() != PolicyProfile.Disputes.APPEALS) {
            throw Problem.conflict(profile.name() + "的实施办法未规定开发利用主体的申诉（APL-01 仅适用于咸宁）；对入驻决定有异议的，请与运营机构"
                    + contested.operatorName() + "沟通，或依其入驻规则重新申请");
        }
        if (contested.status() != DeveloperApplication.Status.REFUSED) {
            throw Problem.invalid(
                    "contested",
                    "只能对运营机构不同意入驻的决定申诉（APL-01）；该申请当前为「" + contested.status().label() + "」");
        }
        String decision = "运营机构" + contested.operatorName() + "于 " + contested.decidedAt() + " 不同意入驻（"
                + contested.decidedBy() + "）：" + contested.decisionReason();
        return register(
                new Contested(
                        Subjects.developerApplication(applicationId),
                        Subjects.developerApplication(applicationId),
                        Appeal.Kind.DEVELOPER_REFUSAL,
                        decision,
                        contested.jurisdiction(),
                        contested.developerCreditCode(),
                        contested.developerName()),
                grounds,
                actor);
    }

    /**
     * APL-01: where the profile provides appeals (003), the operator whose data-use request was refused appeals the
     * refusal, once, naming it as recorded. The caller starts the process.
     */
    @Transactional
    public Appeal fileAgainstDataUse(long requestId, String grounds, Actor actor) {
        DataUseRequest contested = dataUses.ownRequest(requestId, actor);
        if (profiles.of(contested.getJurisdiction()).disputes() != PolicyProfile.Disputes.APPEALS) {
            throw Problem.conflict(
                    profiles.of(contested.getJurisdiction()).name() + "的实施办法未规定数据需求申请的申诉（APL-01 仅适用于咸宁）");
        }
        if (contested.getStatus() != DataUseStatus.REFUSED) {
            throw Problem.invalid(
                    "contested",
                    "只能对未获批准的数据需求申请申诉（APL-01）；该申请当前为「" + contested.getStatus().label() + "」");
        }
        String decision = "数据需求申请 " + Subjects.dataUse(requestId) + "（场景「"
                + dataUses.scenarioOf(contested).getName() + "」）于 " + beijing(contested.getClosedAt()) + " 未获批准："
                + contested.getOutcomeReason();
        return register(
                new Contested(
                        Subjects.dataUse(requestId),
                        Subjects.dataUse(requestId),
                        Appeal.Kind.DATA_USE_REFUSAL,
                        decision,
                        contested.getJurisdiction(),
                        contested.getCreditCode(),
                        dataUses.scenarioOf(contested).getCompanyName()),
                grounds,
                actor);
    }

    /**
     * APL-01 (003): the developer whose data product the operator's out-of-domain compliance review refused appeals
     * the refusal, once, naming it as recorded. The caller starts the process.
     */
    @Transactional
    public Appeal fileAgainstProduct(long productId, String grounds, Actor actor) {
        Product contested = products.get(productId);
        if (actor.kind() != Actor.Kind.PARTNER
                || !java.util.Objects.equals(actor.creditCode(), contested.getDeveloperCreditCode())) {
            throw Problem.notFound("数据产品 " + productId + " 不存在");
        }
        PolicyProfile profile = profiles.of(contested.getJurisdiction());
        if (profile.disputes() != PolicyProfile.Disputes.APPEALS) {
            throw Problem.conflict(profile.name() + "的实施办法未规定出域合规审核结果的申诉（APL-01 仅适用于咸宁）");
        }
        if (contested.getStatus() != ProductStatus.REJECTED
                || !Boolean.FALSE.equals(contested.getOperatorReviewPassed())) {
            throw Problem.invalid(
                    "contested",
                    "只能对运营机构出域合规审核不通过的决定申诉（APL-01）；该数据产品当前为「"
                            + contested.getStatus().label() + "」");
        }
        String decision =
                "运营机构" + contested.getCompanyName() + "于 " + beijing(contested.getOperatorReviewedAt()) + " 对数据产品 "
                        + Subjects.product(productId) + "「" + contested.getName() + "」出域合规审核不通过（"
                        + contested.getOperatorReviewedBy()
                        + "）：" + contested.getOperatorReviewReason();
        return register(
                new Contested(
                        Subjects.product(productId),
                        Subjects.product(productId),
                        Appeal.Kind.PRODUCT_REFUSAL,
                        decision,
                        contested.getJurisdiction(),
                        contested.getDeveloperCreditCode(),
                        contested.getDeveloperName()),
                grounds,
                actor);
    }

    /** The product whose refusal by the operator's review is contested. */
    public long contestedProduct(Appeal appeal) {
        return Long.parseLong(appeal.contestedSubject().substring("PRD-".length()));
    }

    /** The appeal against the operator's refusal of a developer's product, if any. */
    public java.util.Optional<Appeal> ofProduct(long productId) {
        return jdbc.sql("select * from approval.appeal where contested_subject = :s")
                .param("s", Subjects.product(productId))
                .query(Appeals::map)
                .optional();
    }

    /**
     * APL-04: where the profile provides the supply-and-demand objection mechanism (004), the operator objects to a
     * provider unit's refusal of one line of its data-use request, once the request's review has ended, once per line.
     */
    @Transactional
    public Appeal objectToLine(long requestId, Integer lineNo, String grounds, Actor actor) {
        DataUseRequest request = dataUses.ownRequest(requestId, actor);
        if (profiles.of(request.getJurisdiction()).disputes() != PolicyProfile.Disputes.SUPPLY_OBJECTIONS) {
            throw Problem.conflict(profiles.of(request.getJurisdiction()).name() + "的实施方案未规定供需异议处理机制（APL-04 仅适用于新昌）");
        }
        if (lineNo == null) {
            throw Problem.invalid("lineNo", "请选择提出异议的数据需求");
        }
        DataUseLine line = dataUses.lines(requestId).stream()
                .filter(l -> l.lineNo() == lineNo)
                .findFirst()
                .orElseThrow(() -> Problem.invalid("lineNo", "该申请中没有第 " + lineNo + " 项数据需求"));
        if (line.providerConsent() != ScenarioLine.Consent.REFUSED) {
            throw Problem.invalid("lineNo", "只能对数据提供单位不同意的数据需求提出异议（APL-04）；第 " + lineNo + " 项为「" + line.state() + "」");
        }
        if (request.getStatus() == DataUseStatus.IN_REVIEW) {
            throw Problem.conflict("数据需求申请仍在审核中，请在审核结束后提出异议");
        }
        String decision = line.providerName() + "不同意数据需求申请 " + Subjects.dataUse(requestId) + " 第 " + lineNo + " 项「"
                + line.resourceName() + "」（申请于 " + beijing(request.getClosedAt()) + " 结束）：" + line.providerReason();
        return register(
                new Contested(
                        Subjects.dataUse(requestId) + "/" + lineNo,
                        Subjects.dataUse(requestId),
                        Appeal.Kind.SUPPLY_OBJECTION,
                        decision,
                        request.getJurisdiction(),
                        request.getCreditCode(),
                        dataUses.scenarioOf(request).getCompanyName()),
                grounds,
                actor);
    }

    /** A decision as the audit records it: what is contested (once), where it is recorded, who contests it. */
    private record Contested(
            String subject,
            String recordedOn,
            Appeal.Kind kind,
            String decision,
            String jurisdiction,
            String appellantCode,
            String appellantName) {}

    private Appeal register(Contested contested, String grounds, Actor actor) {
        String word = contested.kind() == Appeal.Kind.SUPPLY_OBJECTION ? "异议" : "申诉";
        Integer earlier = jdbc.sql("select count(*) from approval.appeal where contested_subject = :s")
                .param("s", contested.subject())
                .query(Integer.class)
                .single();
        if (earlier > 0) {
            throw Problem.conflict(
                    "该决定已经" + (word.equals("异议") ? "提出过异议，同一决定不能再次提出异议（APL-04）" : "申诉过，同一决定不能再次申诉（APL-02）"));
        }
        if (grounds == null || grounds.isBlank()) {
            throw Problem.invalid("grounds", "请写明" + word + "的事实和理由");
        }
        long id = jdbc.sql("""
                        insert into approval.appeal (contested_subject, contested_kind, contested_decision, jurisdiction,
                            appellant_code, appellant_name, grounds, filed_by, filed_at, status)
                        values (:s, :kind, :decision, :j, :code, :name, :grounds, :by, :at, 'REGISTERED')
                        returning id""")
                .param("s", contested.subject())
                .param("kind", contested.kind().name())
                .param("decision", contested.decision())
                .param("j", contested.jurisdiction())
                .param("code", contested.appellantCode())
                .param("name", contested.appellantName())
                .param("grounds", grounds.trim())
                .param("by", actor.username())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        String filed = word.equals("异议") ? "提出异议" : "提出申诉";
        timeline.record(
                Subjects.appeal(id),
                filed,
                "对" + contested.decision() + " " + filed,
                actor.label(),
                "appeal-filed:" + id);
        timeline.record(
                contested.recordedOn(),
                word.equals("异议")
                        ? "运营机构提出异议"
                        : (contested.kind() == Appeal.Kind.DEVELOPER_REFUSAL
                                        || contested.kind() == Appeal.Kind.PRODUCT_REFUSAL
                                ? "开发利用主体申诉"
                                : "运营机构申诉"),
                grounds.trim(),
                actor.label(),
                "appeal-of:" + id);
        return get(id);
    }

    private static String beijing(java.time.Instant at) {
        return at == null
                ? ""
                : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(at.atZone(Clocks.BEIJING));
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

    /** The data-use request whose refusal, or one of whose lines' refusal, is contested. */
    public long contestedRequest(Appeal appeal) {
        String id = appeal.contestedSubject().substring("DUR-".length());
        return Long.parseLong(id.contains("/") ? id.substring(0, id.indexOf('/')) : id);
    }

    /** The lines an upheld appeal has reviewed again: the objected line, or every line of the refused request. */
    public List<Integer> contestedLines(Appeal appeal) {
        String subject = appeal.contestedSubject();
        if (subject.contains("/")) {
            return List.of(Integer.parseInt(subject.substring(subject.indexOf('/') + 1)));
        }
        return dataUses.lines(contestedRequest(appeal)).stream()
                .map(DataUseLine::lineNo)
                .toList();
    }

    /** The appellant's own appeals and objections, newest first. */
    public List<Appeal> ofAppellant(String creditCode) {
        return jdbc.sql("select * from approval.appeal where appellant_code = :c order by filed_at desc, id desc")
                .param("c", creditCode)
                .query(Appeals::map)
                .list();
    }

    /** The appeal or objection against a data-use request's refusal or one of its lines, if any. */
    public List<Appeal> ofDataUse(long requestId) {
        return jdbc.sql(
                        "select * from approval.appeal where contested_subject = :s or contested_subject like :lines order by id")
                .param("s", Subjects.dataUse(requestId))
                .param("lines", Subjects.dataUse(requestId) + "/%")
                .query(Appeals::map)
                .list();
    }

    private static Appeal map(ResultSet rs, int row) throws SQLException {
        return new Appeal(
                rs.getLong("id"),
                Appeal.Kind.valueOf(rs.getString("contested_kind")),
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
