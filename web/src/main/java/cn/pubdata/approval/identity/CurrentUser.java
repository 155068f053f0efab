package cn.pubdata.approval.identity;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.common.UnitNames;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The caller as Keycloak describes them. An operator (or its developer) sees only its own company's data: another
 * company's application, document or inbox answers 404, exactly like an id that does not exist.
 */
@Component
public class CurrentUser {

    private final UnitNames units;

    public CurrentUser(UnitNames units) {
        this.units = units;
    }

    public String name() {
        return token().getName();
    }

    /** The caller as the services record actors: an operator, its partner (developer), or a reviewer with units. */
    public Actor actor() {
        Object name = token().getToken().getClaims().get("name");
        String display = name == null || name.toString().isBlank() ? name() : name.toString();
        if (has("ROLE_operator")) {
            return new Actor(name(), display, Actor.Kind.OPERATOR, creditCode(), Set.of(), companyName());
        }
        if (has("ROLE_developer")) {
            return new Actor(name(), display, Actor.Kind.PARTNER, creditCode(), Set.of(), companyName());
        }
        Set<String> groups = groups();
        return new Actor(name(), display, Actor.Kind.REVIEWER, null, groups, unitOf(groups));
    }

    /** The reviewer's unit as the audit log names it: the Chinese names of their groups, in a stable order. */
    private String unitOf(Set<String> groups) {
        return groups.isEmpty()
                ? null
                : groups.stream().sorted().map(units::groupName).collect(Collectors.joining("、"));
    }

    /** The caller's company name from the token, as Keycloak records it for operators. */
    public String companyName() {
        Object name = token().getToken().getClaims().get("company_name");
        return name == null ? null : name.toString();
    }

    public boolean hasRole(String role) {
        return has("ROLE_" + role);
    }

    public boolean isOperator() {
        return has("ROLE_operator") || has("ROLE_developer");
    }

    /** The caller's company (统一社会信用代码) from the token; operators have one, reviewers none. */
    public String creditCode() {
        Object code = token().getToken().getClaims().get("credit_code");
        if (code == null || code.toString().isBlank()) {
            throw Problem.invalid("creditCode", "登录账号没有关联申请单位，请联系管理员");
        }
        return code.toString();
    }

    public Set<String> groups() {
        List<String> groups = token().getToken().getClaimAsStringList("groups");
        return groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** Operators may touch only their own company's records; reviewers see every record they review. */
    public void requireOwn(String ownerCreditCode, String notFoundMessage) {
        if (isOperator() && !creditCode().equals(ownerCreditCode)) {
            throw Problem.notFound(notFoundMessage);
        }
    }

    private boolean has(String authority) {
        return token().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet())
                .contains(authority);
    }

    private static JwtAuthenticationToken token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return token;
        }
        throw new IllegalStateException("no Keycloak token on this request");
    }
}
