package cn.pubdata.approval.datause;

import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioLine.Consent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lines of data-use requests; each consent is a write of its own line, so parallel reviews never collide. */
@Repository
class DataUseLines {

    private static final String SELECT = """
            select d.*, s.fields, s.usage, s.frequency, r.name as resource_name, r.province_returned,
                   u.group_id, u.name as provider_name
            from approval.data_use_line d
            join approval.data_use_request q on q.id = d.request_id
            join approval.scenario_line s on s.scenario_id = q.scenario_id and s.line_no = d.line_no
            join approval.catalog_resource r on r.code = d.resource_code
            join approval.provider_unit u on u.code = r.provider_code""";

    private final JdbcClient jdbc;

    DataUseLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The scenario's lines the request asks for, each keeping its number; returned data awaits the province. */
    void insert(long requestId, List<ScenarioLine> lines) {
        for (ScenarioLine line : lines) {
            jdbc.sql("""
                    insert into approval.data_use_line (request_id, line_no, resource_code, province_consent)
                    values (:id, :no, :code, :province)""")
                    .param("id", requestId)
                    .param("no", line.lineNo())
                    .param("code", line.resourceCode())
                    .param("province", line.provinceReturned() ? Consent.PENDING.name() : null)
                    .update();
        }
    }

    List<DataUseLine> of(long requestId) {
        return jdbc.sql(SELECT + " where d.request_id = :id order by d.line_no")
                .param("id", requestId)
                .query(this::map)
                .list();
    }

    void providerDecision(long requestId, int lineNo, Consent consent, String reason) {
        jdbc.sql("""
                update approval.data_use_line set provider_consent = :consent, provider_reason = :reason
                where request_id = :id and line_no = :no""")
                .param("consent", consent.name())
                .param("reason", reason)
                .param("id", requestId)
                .param("no", lineNo)
                .update();
    }

    void provinceDecision(long requestId, int lineNo, Consent consent, String reason) {
        jdbc.sql("""
                update approval.data_use_line set province_consent = :consent, province_reason = :reason
                where request_id = :id and line_no = :no and province_consent is not null""")
                .param("consent", consent.name())
                .param("reason", reason)
                .param("id", requestId)
                .param("no", lineNo)
                .update();
    }

    /** APL-02: every line waits for its reviewers again; a line on returned data waits for the province again. */
    void reviewAgain(long requestId) {
        jdbc.sql("""
                update approval.data_use_line set provider_consent = 'PENDING', provider_reason = null,
                    province_consent = case when province_consent is null then null else 'PENDING' end,
                    province_reason = null
                where request_id = :id""").param("id", requestId).update();
    }

    private DataUseLine map(ResultSet rs, int n) throws SQLException {
        String province = rs.getString("province_consent");
        return new DataUseLine(
                rs.getLong("request_id"),
                rs.getInt("line_no"),
                rs.getString("resource_code"),
                rs.getString("resource_name"),
                rs.getString("group_id"),
                rs.getString("provider_name"),
                rs.getBoolean("province_returned"),
                rs.getString("fields"),
                ScenarioLine.Usage.valueOf(rs.getString("usage")),
                ScenarioLine.Frequency.valueOf(rs.getString("frequency")),
                Consent.valueOf(rs.getString("provider_consent")),
                rs.getString("provider_reason"),
                province == null ? null : Consent.valueOf(province),
                rs.getString("province_reason"));
    }
}
