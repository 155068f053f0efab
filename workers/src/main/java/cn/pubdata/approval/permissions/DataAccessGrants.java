package cn.pubdata.approval.permissions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Access to public data on the operation platform, granted per approved data-use request and resource, and revoked
 * with a reason. Granting twice changes nothing; a revoked grant stays on record.
 */
@Service
public class DataAccessGrants {

    /** One resource an operator may use on the platform under one request, until revoked. */
    public record DataAccessGrant(
            long id,
            long requestId,
            String resourceCode,
            String creditCode,
            Instant grantedAt,
            Instant revokedAt,
            String revokeReason) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    private final JdbcClient jdbc;

    public DataAccessGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Grants the operator access to each resource under the request; a repeated grant changes nothing. */
    public void grant(long requestId, String creditCode, Collection<String> resourceCodes, Instant now) {
        for (String code : resourceCodes) {
            jdbc.sql("""
                    insert into approval.data_access_grant (request_id, resource_code, credit_code, granted_at)
                    values (:request, :code, :creditCode, :now) on conflict (request_id, resource_code) do nothing""")
                    .param("request", requestId)
                    .param("code", code)
                    .param("creditCode", creditCode)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    /** Revokes every active grant of a resource, for every operator; returns the grants it revoked. */
    public List<DataAccessGrant> revokeResource(String resourceCode, String reason, Instant now) {
        return jdbc.sql("""
                update approval.data_access_grant set revoked_at = :now, revoke_reason = :reason
                where resource_code = :code and revoked_at is null returning *""")
                .param("now", Timestamp.from(now))
                .param("reason", reason)
                .param("code", resourceCode)
                .query(this::map)
                .list();
    }

    /** Revokes every active grant of an operator in a jurisdiction (its exit); returns the grants it revoked. */
    public List<DataAccessGrant> revokeOperator(String creditCode, String jurisdiction, String reason, Instant now) {
        return jdbc.sql("""
                update approval.data_access_grant g set revoked_at = :now, revoke_reason = :reason
                from approval.data_use_request r
                where r.id = g.request_id and g.credit_code = :creditCode and r.jurisdiction = :j and g.revoked_at is null
                returning g.*""")
                .param("now", Timestamp.from(now))
                .param("reason", reason)
                .param("creditCode", creditCode)
                .param("j", jurisdiction)
                .query(this::map)
                .list();
    }

    public List<DataAccessGrant> ofRequest(long requestId) {
        return jdbc.sql("select * from approval.data_access_grant where request_id = :request order by id")
                .param("request", requestId)
                .query(this::map)
                .list();
    }

    /** What an operator may use on the platform now. */
    public List<DataAccessGrant> activeOf(String creditCode) {
        return jdbc.sql("""
                select * from approval.data_access_grant where credit_code = :creditCode and revoked_at is null
                order by granted_at, id""").param("creditCode", creditCode).query(this::map).list();
    }

    public boolean hasAccess(String creditCode, String resourceCode) {
        return jdbc.sql("""
                        select count(*) from approval.data_access_grant
                        where credit_code = :creditCode and resource_code = :code and revoked_at is null""")
                        .param("creditCode", creditCode)
                        .param("code", resourceCode)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private DataAccessGrant map(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new DataAccessGrant(
                rs.getLong("id"),
                rs.getLong("request_id"),
                rs.getString("resource_code"),
                rs.getString("credit_code"),
                rs.getTimestamp("granted_at").toInstant(),
                revoked == null ? null : revoked.toInstant(),
                rs.getString("revoke_reason"));
    }
}
