package cn.pubdata.approval.scenario;

import cn.pubdata.approval.scenario.ScenarioLine.Consent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The demand lines of scenarios; each consent is a write of its own line, so parallel reviews never collide. */
@Repository
class ScenarioLines {

    private static final String SELECT = """
            select l.*, r.name as resource_name, r.province_returned, u.group_id, u.name as provider_name
            from approval.scenario_line l
            join approval.catalog_resource r on r.code = l.resource_code
            join approval.provider_unit u on u.code = r.provider_code""";

    private final JdbcClient jdbc;

    ScenarioLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the whole list, as first submitted or corrected after a 补正; every consent starts over. */
    void replace(long scenarioId, List<ScenarioForm.LineInput> lines, java.util.Set<String> provinceReturned) {
        jdbc.sql("delete from approval.scenario_line where scenario_id = :id")
                .param("id", scenarioId)
                .update();
        int no = 1;
        for (ScenarioForm.LineInput line : lines) {
            jdbc.sql("""
                    insert into approval.scenario_line (scenario_id, line_no, resource_code, fields, usage, frequency,
                        period_from, period_to, province_consent)
                    values (:id, :no, :code, :fields, :usage, :frequency, :from, :to, :province)""")
                    .param("id", scenarioId)
                    .param("no", no++)
                    .param("code", line.resourceCode())
                    .param("fields", line.fields().trim())
                    .param("usage", line.usage().name())
                    .param("frequency", line.frequency().name())
                    .param("from", line.periodFrom())
                    .param("to", line.periodTo())
                    .param("province", provinceReturned.contains(line.resourceCode()) ? Consent.PENDING.name() : null)
                    .update();
        }
    }

    List<ScenarioLine> of(long scenarioId) {
        return jdbc.sql(SELECT + " where l.scenario_id = :id order by l.line_no")
                .param("id", scenarioId)
                .query(this::map)
                .list();
    }

    void providerDecision(long scenarioId, int lineNo, Consent consent, String reason) {
        jdbc.sql("""
                update approval.scenario_line set provider_consent = :consent, provider_reason = :reason
                where scenario_id = :id and line_no = :no""")
                .param("consent", consent.name())
                .param("reason", reason)
                .param("id", scenarioId)
                .param("no", lineNo)
                .update();
    }

    void provinceDecision(long scenarioId, int lineNo, Consent consent, String reason) {
        jdbc.sql("""
                update approval.scenario_line set province_consent = :consent, province_reason = :reason
                where scenario_id = :id and line_no = :no and province_consent is not null""")
                .param("consent", consent.name())
                .param("reason", reason)
                .param("id", scenarioId)
                .param("no", lineNo)
                .update();
    }

    /** CAT-01: suspends every line on the resource; returns the scenarios that had one still standing. */
    List<Long> suspendAll(String resourceCode, String reason) {
        return jdbc.sql("""
                update approval.scenario_line set suspended_reason = :reason
                where resource_code = :code and suspended_reason is null returning scenario_id""").param("reason", reason).param("code", resourceCode).query(Long.class).list().stream()
                .distinct()
                .toList();
    }

    private ScenarioLine map(ResultSet rs, int n) throws SQLException {
        String province = rs.getString("province_consent");
        return new ScenarioLine(
                rs.getLong("scenario_id"),
                rs.getInt("line_no"),
                rs.getString("resource_code"),
                rs.getString("resource_name"),
                rs.getString("group_id"),
                rs.getString("provider_name"),
                rs.getBoolean("province_returned"),
                rs.getString("fields"),
                ScenarioLine.Usage.valueOf(rs.getString("usage")),
                ScenarioLine.Frequency.valueOf(rs.getString("frequency")),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                Consent.valueOf(rs.getString("provider_consent")),
                rs.getString("provider_reason"),
                province == null ? null : Consent.valueOf(province),
                rs.getString("province_reason"),
                rs.getString("suspended_reason"));
    }
}
