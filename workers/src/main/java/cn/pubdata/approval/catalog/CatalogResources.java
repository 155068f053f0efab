package cn.pubdata.approval.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The public data resource catalog and its provider units, read side. */
@Service
public class CatalogResources {

    private static final String SELECT = """
            select r.code, r.name, r.jurisdiction, r.provider_code, u.name as provider_name, u.group_id, r.open_condition,
                   r.grade, r.province_returned, r.description
            from approval.catalog_resource r join approval.provider_unit u on u.code = r.provider_code""";

    private final JdbcClient jdbc;

    public CatalogResources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CatalogResource> find(String code) {
        return jdbc.sql(SELECT + " where r.code = :code")
                .param("code", code)
                .query(this::map)
                .optional();
    }

    public List<CatalogResource> all() {
        return jdbc.sql(SELECT + " order by r.jurisdiction, r.provider_code, r.code")
                .query(this::map)
                .list();
    }

    public List<CatalogResource> ofJurisdiction(String jurisdiction) {
        return jdbc.sql(SELECT + " where r.jurisdiction = :j order by r.provider_code, r.code")
                .param("j", jurisdiction)
                .query(this::map)
                .list();
    }

    public List<CatalogResource> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where r.code in (:codes) order by r.provider_code, r.code")
                .param("codes", codes)
                .query(this::map)
                .list();
    }

    /** The Keycloak/engine groups of the units whose data the resources are, each once (one review task per unit). */
    public List<String> providerGroups(Collection<String> codes) {
        return List.copyOf(new LinkedHashSet<>(
                findAll(codes).stream().map(CatalogResource::providerGroup).toList()));
    }

    public String providerNameOfGroup(String groupId) {
        return jdbc.sql("select name from approval.provider_unit where group_id = :g")
                .param("g", groupId)
                .query(String.class)
                .optional()
                .orElse(groupId);
    }

    /** Every provider unit's group, for the engine's grants. */
    public List<String> allProviderGroups() {
        return jdbc.sql("select group_id from approval.provider_unit order by jurisdiction, code")
                .query(String.class)
                .list();
    }

    /** A product the seeds name for a jurisdiction's first batch (景德镇 annex 2, 咸宁's first batch). */
    public record ReferenceProduct(String domain, String name, String source) {}

    public List<ReferenceProduct> referenceProducts(String jurisdiction) {
        return jdbc.sql(
                        "select domain, name, source from approval.reference_product where jurisdiction = :j order by id")
                .param("j", jurisdiction)
                .query((rs, n) ->
                        new ReferenceProduct(rs.getString("domain"), rs.getString("name"), rs.getString("source")))
                .list();
    }

    /** When the jurisdiction's catalog last changed. */
    public java.util.Optional<java.time.Instant> lastChange(String jurisdiction) {
        return jdbc.sql("select max(updated_at) from approval.catalog_resource where jurisdiction = :j")
                .param("j", jurisdiction)
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant);
    }

    private CatalogResource map(ResultSet rs, int n) throws SQLException {
        return new CatalogResource(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("jurisdiction"),
                rs.getString("provider_code"),
                rs.getString("provider_name"),
                rs.getString("group_id"),
                rs.getString("open_condition"),
                rs.getInt("grade"),
                rs.getBoolean("province_returned"),
                rs.getString("description"));
    }
}
