package cn.pubdata.approval.websecurity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers Spring Security does not write: a content security policy for the portal and the API (the webapps under
 * /operaton send Operaton's own), a referrer and permissions policy, and HSTS where the deployment asks for it. Spring
 * Security adds X-Frame-Options DENY, X-Content-Type-Options and the cache headers.
 */
public class SecurityHeaders extends OncePerRequestFilter {

    private final String portalPolicy;
    private final long hstsMaxAgeSeconds;

    /** @param keycloakUrl the portal talks to Keycloak from the browser (login redirect and token refresh) */
    public SecurityHeaders(String keycloakUrl, long hstsMaxAgeSeconds) {
        this.portalPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                        + "font-src 'self' data:; connect-src 'self' " + keycloakUrl + "; frame-src " + keycloakUrl
                        + "; form-action 'self' " + keycloakUrl
                        + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        this.hstsMaxAgeSeconds = hstsMaxAgeSeconds;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/operaton/")) {
            response.setHeader("Content-Security-Policy", portalPolicy);
        }
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (hstsMaxAgeSeconds > 0) {
            response.setHeader("Strict-Transport-Security", "max-age=" + hstsMaxAgeSeconds + "; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
