package cn.pubdata.approval.catalog;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The public data resource catalog and its provider units. */
@Service
public class CatalogResources {

    private static final String SELECT = """
            select r.code, r.name, r.provider_code, u.name as provider_name, u.group_id, r.open_condition
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
        return jdbc.sql(SELECT + " order by r.provider_code, r.code")
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

    private CatalogResource map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CatalogResource(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("provider_code"),
                rs.getString("provider_name"),
                rs.getString("group_id"),
                rs.getString("open_condition"));
    }
}
