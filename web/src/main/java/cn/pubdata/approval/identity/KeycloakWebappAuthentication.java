package cn.pubdata.approval.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.rest.security.auth.AuthenticationResult;
import org.operaton.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Tasklist, Cockpit and Admin run as the user Keycloak logged in, with the groups of their token. */
public class KeycloakWebappAuthentication extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken token)
                || !(token.getPrincipal() instanceof OidcUser user)) {
            return AuthenticationResult.unsuccessful();
        }
        String userId = user.getPreferredUsername();
        if (userId == null || userId.isBlank()) {
            return AuthenticationResult.unsuccessful();
        }
        List<String> groups = user.getClaimAsStringList("groups");
        AuthenticationResult result = AuthenticationResult.successful(userId);
        result.setGroups(groups == null ? List.of() : groups);
        return result;
    }
}
