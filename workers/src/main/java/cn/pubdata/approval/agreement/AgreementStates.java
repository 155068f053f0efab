package cn.pubdata.approval.agreement;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreement's state machine, the single source of what an operator may still submit. Every change records its
 * cause (the subject of the flow that made it, e.g. RECT-3, and the decision), its actor and its time; a change made
 * again with the same key, or to the state the agreement is in, changes nothing.
 */
@Service
public class AgreementStates {

    /** One change of state, as the portal and the dashboards show it. */
    public record StateChange(
            long agreementId,
            AgreementState from,
            AgreementState to,
            String causeSubject,
            String cause,
            String actor,
            Instant at) {

        @com.fasterxml.jackson.annotation.JsonProperty("toLabel")
        public String toLabel() {
            return to.label();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Timeline audit;

    public AgreementStates(JdbcClient jdbc, Clock clock, Timeline audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** The state; empty while the agreement's permissions are not opened yet. */
    public Optional<AgreementState> of(long agreementId) {
        return jdbc.sql("select state from approval.agreement where id = :id")
                .param("id", agreementId)
                .query((rs, n) -> rs.getString("state"))
                .optional()
                .flatMap(s -> Optional.ofNullable(s).map(AgreementState::valueOf));
    }

    /**
     * Moves the agreement to a state; returns false when it was there already (a repeated delivery). A move the state
     * machine does not allow (out of 已退出, say) is refused.
     */
    @Transactional
    public boolean change(
            long agreementId, AgreementState to, String causeSubject, String cause, String actor, String dedupeKey) {
        String current = jdbc.sql("select state from approval.agreement where id = :id for update")
                .param("id", agreementId)
                .query((rs, n) -> Optional.ofNullable(rs.getString("state")))
                .optional()
                .orElseThrow(() -> Problem.notFound("授权运营协议 " + agreementId + " 不存在"))
                .orElse(null);
        AgreementState from = current == null ? null : AgreementState.valueOf(current);
        if (from == to || seen(dedupeKey)) {
            return false;
        }
        boolean allowed = from == null
                ? to == AgreementState.TRIAL || to == AgreementState.OPERATING
                : from.next().contains(to);
        if (!allowed) {
            throw Problem.conflict("授权运营协议当前为「" + (from == null ? "未开通" : from.label()) + "」，不能变为「" + to.label() + "」"
                    + (from != null && from.isFinal() ? "：退出不可撤销，重新准入是唯一途径" : ""));
        }
        Instant now = clock.instant();
        jdbc.sql("update approval.agreement set state = :to, state_since = :now where id = :id")
                .param("to", to.name())
                .param("now", Timestamp.from(now))
                .param("id", agreementId)
                .update();
        jdbc.sql("""
                insert into approval.agreement_state_change
                    (agreement_id, from_state, to_state, cause_subject, cause, actor, at, dedupe_key)
                values (:id, :from, :to, :subject, :cause, :actor, :at, :key)""")
                .param("id", agreementId)
                .param("from", from == null ? null : from.name())
                .param("to", to.name())
                .param("subject", causeSubject)
                .param("cause", cause)
                .param("actor", actor)
                .param("at", Timestamp.from(now))
                .param("key", dedupeKey)
                .update();
        audit.record(
                Subjects.agreementState(agreementId),
                "协议状态：" + (from == null ? "未开通" : from.label()) + " → " + to.label(),
                (causeSubject == null ? "" : causeSubject + "：") + cause,
                actor,
                dedupeKey == null ? null : "agreement-state:" + dedupeKey);
        return true;
    }

    /** The state an operating agreement returns to: 试运营 within its trial period, else 运营中. */
    public AgreementState operatingStateOn(Agreement agreement, LocalDate day) {
        return agreement.trialMonths() > 0 && day.isBefore(agreement.startsOn().plusMonths(agreement.trialMonths()))
                ? AgreementState.TRIAL
                : AgreementState.OPERATING;
    }

    /** The agreement-term flow of the agreement and the profile version that governs its term. */
    @Transactional
    public void termStartedAs(long agreementId, String processInstanceId, int profileVersion) {
        jdbc.sql("update approval.agreement set term_process_instance_id = :pid, profile_version = :v where id = :id")
                .param("pid", processInstanceId)
                .param("v", profileVersion)
                .param("id", agreementId)
                .update();
    }

    /** The agreement-term flow of the agreement, if one was started. */
    public Optional<String> termProcessOf(long agreementId) {
        return jdbc.sql("select term_process_instance_id from approval.agreement where id = :id")
                .param("id", agreementId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(o -> o);
    }

    /** The profile version that governs the agreement's term; empty before its term flow started. */
    public Optional<Integer> profileVersionOf(long agreementId) {
        return jdbc.sql("select profile_version from approval.agreement where id = :id")
                .param("id", agreementId)
                .query((rs, n) -> Optional.ofNullable((Integer) rs.getObject(1)))
                .optional()
                .flatMap(o -> o);
    }

    /** Every change, oldest first. */
    public List<StateChange> history(long agreementId) {
        return jdbc.sql("select * from approval.agreement_state_change where agreement_id = :id order by at, id")
                .param("id", agreementId)
                .query(this::map)
                .list();
    }

    /**
     * Whether the operator may submit a new scenario, data-use request or product under the agreement today, and if
     * not, why: an expired agreement, permissions not opened yet, suspended (整改期间), an exit under way or done.
     */
    public Optional<String> refusalToday(Agreement agreement, LocalDate today) {
        AgreementState state = of(agreement.id()).orElse(null);
        if (state != null && state.isFinal()) {
            return refusalOfAnything(agreement);
        }
        if (today.isAfter(agreement.endsOn())) {
            return Optional.of("授权运营协议 " + agreement.agreementNo() + " 已于 " + agreement.endsOn() + " 期满，不能再提交新的申请");
        }
        if (state == null) {
            return Optional.of("授权运营协议 " + agreement.agreementNo() + " 尚未开通平台使用权限（须完成岗前培训），暂不能提交申请");
        }
        return switch (state) {
            case TRIAL, OPERATING, RECTIFYING -> Optional.empty();
            case SUSPENDED -> Optional.of("平台使用权限已暂停（整改期间），暂不能提交新的场景、数据需求或产品申请；整改通过后恢复");
            case EXITING -> Optional.of("授权运营正在退出，不能再提交新的场景、数据需求或产品申请");
            case EXITED, SUPERSEDED -> refusalOfAnything(agreement);
        };
    }

    /** Closed permissions refuse everything, a risk report included: after an exit only a new admission helps. */
    public Optional<String> refusalOfAnything(Agreement agreement) {
        AgreementState state = of(agreement.id()).orElse(null);
        if (state == AgreementState.EXITED) {
            return Optional.of("平台使用权限已关闭，授权运营已终止（已退出），不能再提交任何申请；如需继续运营，请重新申请准入");
        }
        if (state == AgreementState.SUPERSEDED) {
            return Optional.of("授权运营协议 " + agreement.agreementNo() + " 已期满并由新协议接续，请在新协议下提交");
        }
        return Optional.empty();
    }

    private boolean seen(String dedupeKey) {
        return jdbc.sql("select count(*) from approval.agreement_state_change where dedupe_key = :key")
                        .param("key", dedupeKey)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private StateChange map(ResultSet rs, int n) throws SQLException {
        String from = rs.getString("from_state");
        return new StateChange(
                rs.getLong("agreement_id"),
                from == null ? null : AgreementState.valueOf(from),
                AgreementState.valueOf(rs.getString("to_state")),
                rs.getString("cause_subject"),
                rs.getString("cause"),
                rs.getString("actor"),
                rs.getTimestamp("at").toInstant());
    }
}
