package cn.pubdata.approval.risk;

import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SEC-06: the operator's data-security emergency drills and risk assessments, recorded per operator with their dates;
 * an authorized operator without a drill within the set months is flagged for the managers.
 */
@Service
public class SecurityExercises {

    public enum Kind {
        DRILL("数据安全应急演练"),
        RISK_ASSESSMENT("数据安全风险评估");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Exercise(
            long id,
            String jurisdiction,
            String creditCode,
            Kind kind,
            LocalDate heldOn,
            String summary,
            String recordedBy) {}

    public record ExerciseForm(String jurisdiction, Kind kind, LocalDate heldOn, String summary) {}

    /**
     * SEC-06: what an evaluation reads of the operator's drills and risk assessments: each one held in its period and in
     * the two years before the day it evaluates to, one a line, and the finding when no drill was held in the last year.
     */
    public record ForEvaluation(String listing, String drillFinding) {

        public boolean drillMissing() {
            return drillFinding != null;
        }
    }

    /** An authorized operator and its last drill, if any. */
    public record Overdue(String creditCode, String companyName, String jurisdiction, LocalDate lastDrill) {}

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final PolicyProfiles profiles;
    private final Clock clock;
    private final int drillMonths;

    public SecurityExercises(
            JdbcClient jdbc,
            Agreements agreements,
            PolicyProfiles profiles,
            Clock clock,
            @Value("${approval.risk.drill-months:12}") int drillMonths) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.profiles = profiles;
        this.clock = clock;
        this.drillMonths = drillMonths;
    }

    /** SEC-06: an operator records a drill or a risk assessment it held, in a jurisdiction where it is authorized. */
    @Transactional
    public Exercise record(ExerciseForm form, Actor actor) {
        if (actor.kind() != Actor.Kind.OPERATOR) {
            throw Problem.invalid("recorder", "应急演练和风险评估由运营机构登记");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BEIJING));
        if (form == null
                || form.jurisdiction() == null
                || agreements.latest(actor.creditCode(), form.jurisdiction()).isEmpty()) {
            errors.add(new Problem.FieldError("jurisdiction", "请选择本单位有授权运营协议的辖区"));
        }
        if (form == null || form.kind() == null) {
            errors.add(new Problem.FieldError("kind", "请选择应急演练或风险评估"));
        }
        if (form == null || form.heldOn() == null || form.heldOn().isAfter(today)) {
            errors.add(new Problem.FieldError("heldOn", "请填写开展日期（不晚于今天 " + today + "）"));
        }
        if (form == null || form.summary() == null || form.summary().isBlank()) {
            errors.add(new Problem.FieldError("summary", "请写明开展情况：场景、参与人员、发现的问题和改进措施"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("登记有误，请按提示修改", errors);
        }
        long id = jdbc.sql("""
                        insert into approval.security_exercise (jurisdiction, credit_code, kind, held_on, summary,
                            recorded_by, recorded_at)
                        values (:j, :code, :kind, :on, :summary, :by, :at) returning id""")
                .param("j", form.jurisdiction())
                .param("code", actor.creditCode())
                .param("kind", form.kind().name())
                .param("on", form.heldOn())
                .param("summary", form.summary().trim())
                .param("by", actor.username())
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return new Exercise(
                id,
                form.jurisdiction(),
                actor.creditCode(),
                form.kind(),
                form.heldOn(),
                form.summary().trim(),
                actor.username());
    }

    public List<Exercise> ofOperator(String creditCode) {
        return jdbc.sql(
                        "select * from approval.security_exercise where credit_code = :code order by held_on desc, id desc")
                .param("code", creditCode)
                .query((rs, row) -> new Exercise(
                        rs.getLong("id"),
                        rs.getString("jurisdiction"),
                        rs.getString("credit_code"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getObject("held_on", LocalDate.class),
                        rs.getString("summary"),
                        rs.getString("recorded_by")))
                .list();
    }

    /** SEC-06: the operator's drills and risk assessments in the jurisdiction as an evaluation up to a day reads them. */
    public ForEvaluation forEvaluation(String creditCode, String jurisdiction, LocalDate periodFrom, LocalDate asOf) {
        LocalDate since = asOf.minusMonths(drillMonths);
        // the year before too, so that the evaluator sees when the last drill was held
        LocalDate from = (periodFrom.isBefore(since) ? periodFrom : since).minusMonths(drillMonths);
        List<Exercise> held = ofOperator(creditCode).stream()
                .filter(x -> x.jurisdiction().equals(jurisdiction))
                .filter(x -> !x.heldOn().isBefore(from) && !x.heldOn().isAfter(asOf))
                .toList();
        String listing = held.isEmpty()
                ? "（" + from + " 至 " + asOf + " 未登记应急演练或风险评估）"
                : held.stream()
                        .map(x -> x.heldOn() + " " + x.kind().label() + "：" + x.summary())
                        .collect(java.util.stream.Collectors.joining("\n"));
        boolean drilled =
                held.stream().anyMatch(x -> x.kind() == Kind.DRILL && x.heldOn().isAfter(since));
        String finding =
                drilled ? null : since.plusDays(1) + " 至 " + asOf + " 的 " + drillMonths + " 个月内未开展数据安全应急演练（SEC-06）";
        return new ForEvaluation(listing.length() <= 3900 ? listing : listing.substring(0, 3900) + "…", finding);
    }

    /** SEC-06: the jurisdiction's authorized operators without a drill within the set months, for the dashboard. */
    public List<Overdue> withoutDrill(String jurisdiction) {
        profiles.of(jurisdiction);
        LocalDate since = LocalDate.now(clock.withZone(Clocks.BEIJING)).minusMonths(drillMonths);
        List<Overdue> overdue = new ArrayList<>();
        for (String creditCode : agreements.authorizedOperators(jurisdiction)) {
            LocalDate last =
                    jdbc
                            .sql("""
                            select max(held_on) from approval.security_exercise
                            where credit_code = :code and jurisdiction = :j and kind = 'DRILL'""")
                            .param("code", creditCode)
                            .param("j", jurisdiction)
                            .query(LocalDate.class)
                            .list()
                            .stream()
                            .filter(java.util.Objects::nonNull)
                            .findFirst()
                            .orElse(null);
            if (last == null || last.isBefore(since)) {
                String company = agreements
                        .latest(creditCode, jurisdiction)
                        .map(agreements::operatorName)
                        .orElse(creditCode);
                overdue.add(new Overdue(creditCode, company, jurisdiction, last));
            }
        }
        return overdue;
    }
}
