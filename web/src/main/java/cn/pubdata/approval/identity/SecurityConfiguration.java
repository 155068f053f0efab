package cn.pubdata.approval.identity;

import cn.pubdata.approval.websecurity.PublicRateLimit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. The portal API and the engine's REST API accept only Keycloak access tokens for the API
 * (audience {@code approval-api}); realm roles decide what each call may do, and the operator's own company data
 * is checked per call ({@link CurrentUser}). Announcements, the catalog and objections during publicity are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] REVIEWERS = {
        "authority-reviewer",
        "provider-reviewer",
        "security-reviewer",
        "expert",
        "pricing-officer",
        "manager",
        "province-reviewer",
        "administrator"
    };

    /** SEC-14: the audit bureau reads what the reviewers read; it writes nothing ({@link ReadOnlyAuditors}). */
    static final String[] READERS = java.util.stream.Stream.concat(
                    java.util.Arrays.stream(REVIEWERS), java.util.stream.Stream.of("auditor"))
            .toArray(String[]::new);

    /** Any signed-in person; the workers' service account reaches nothing of the portal API. */
    private static final AuthorizationManager<RequestAuthorizationContext> PEOPLE_NOT_WORKERS =
            (authentication, context) -> {
                Authentication who = authentication.get();
                boolean worker = who != null
                        && who.getAuthorities().stream()
                                .anyMatch(a -> a.getAuthority().equals("ROLE_worker"));
                return new AuthorizationDecision(who != null
                        && who.isAuthenticated()
                        && !(who instanceof AnonymousAuthenticationToken)
                        && !worker);
            };

    @Bean
    @Order(1)
    SecurityFilterChain apis(HttpSecurity http, IdentityService identity, PublicRateLimit publicRateLimit)
            throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(path.matcher(HttpMethod.GET, "/api/catalog/changes"))
                        .hasAnyRole(READERS)
                        .requestMatchers(
                                path.matcher(HttpMethod.POST, "/api/catalog/resources"),
                                path.matcher(HttpMethod.PUT, "/api/catalog/resources/*/open-condition"))
                        .hasRole("authority-reviewer")
                        .requestMatchers(path.matcher(HttpMethod.PUT, "/api/catalog/resources/*/grade"))
                        .hasAnyRole("authority-reviewer", "provider-reviewer")
                        .requestMatchers(
                                path.matcher(HttpMethod.POST, "/api/scenarios"),
                                path.matcher(HttpMethod.POST, "/api/scenarios/*/supplement"),
                                path.matcher(HttpMethod.POST, "/api/scenarios/*/withdraw"))
                        .hasAnyRole("operator", "developer", "provider-reviewer")
                        .requestMatchers(
                                path.matcher("/api/agreements/**"),
                                path.matcher(HttpMethod.POST, "/api/data-use-requests/**"),
                                path.matcher(HttpMethod.POST, "/api/appeals/data-use"),
                                path.matcher(HttpMethod.POST, "/api/appeals/objections"),
                                path.matcher(HttpMethod.POST, "/api/appeals/*/material"),
                                path.matcher(HttpMethod.POST, "/api/risk-reports"),
                                path.matcher(HttpMethod.POST, "/api/quality-issues"),
                                path.matcher(HttpMethod.POST, "/api/products/**"))
                        .hasAnyRole("operator", "developer")
                        .requestMatchers(path.matcher(HttpMethod.PUT, "/api/pricing/ceilings/**"))
                        .hasRole("pricing-officer")
                        // developer onboarding: the operator's rules and decisions, the developer's application
                        .requestMatchers(
                                path.matcher(HttpMethod.POST, "/api/developers/rules"),
                                path.matcher(HttpMethod.POST, "/api/developers/applications/*/decision"),
                                path.matcher(HttpMethod.POST, "/api/developers/applications/*/agreement"),
                                path.matcher(HttpMethod.POST, "/api/developers/applications/*/staff-filing"),
                                path.matcher(HttpMethod.POST, "/api/developers/applications/*/removal"))
                        .hasRole("operator")
                        .requestMatchers(
                                path.matcher(HttpMethod.POST, "/api/developers/applications"),
                                path.matcher(HttpMethod.POST, "/api/appeals"),
                                path.matcher(HttpMethod.POST, "/api/appeals/products"))
                        .hasRole("developer")
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/developers/recommendations"))
                        .hasRole("provider-reviewer")
                        // SEC-06: the operator records its drills; the managers' dashboard reads who has none
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/security/exercises"))
                        .hasRole("operator")
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/security/exercises/overdue"))
                        .hasAnyRole(READERS)
                        .requestMatchers(
                                path.matcher(HttpMethod.GET, "/api/announcements/**"),
                                path.matcher(HttpMethod.GET, "/api/portal-config"),
                                path.matcher(HttpMethod.GET, "/api/catalog/**"),
                                path.matcher(HttpMethod.POST, "/api/applications/*/objections"),
                                path.matcher(HttpMethod.GET, "/api/public/**"),
                                path.matcher(HttpMethod.POST, "/api/public/publicity/*/objections"))
                        .permitAll()
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/announcements"))
                        .hasRole("authority-reviewer")
                        .requestMatchers(path.matcher(HttpMethod.PUT, "/api/calendar/**"))
                        .hasAnyRole("authority-reviewer", "administrator")
                        .requestMatchers(
                                path.matcher(HttpMethod.POST, "/api/applications"),
                                path.matcher(HttpMethod.POST, "/api/applications/*/supplement"),
                                path.matcher(HttpMethod.POST, "/api/applications/*/withdraw"),
                                path.matcher(HttpMethod.POST, "/api/documents"))
                        .hasRole("operator")
                        .requestMatchers(path.matcher("/api/tasks/**"))
                        .hasAnyRole(REVIEWERS)
                        // the operator's lifecycle: the authority orders, edits and inspects; the operator files and
                        // asks
                        .requestMatchers(
                                path.matcher(HttpMethod.POST, "/api/rectifications"),
                                path.matcher(HttpMethod.POST, "/api/inspections"),
                                path.matcher(HttpMethod.POST, "/api/lifecycle/evidence"),
                                path.matcher(HttpMethod.PUT, "/api/lifecycle/agreements/*/terms"))
                        .hasRole("authority-reviewer")
                        .requestMatchers(path.matcher(HttpMethod.PUT, "/api/policy/profiles/**"))
                        .hasAnyRole("authority-reviewer", "manager", "administrator")
                        .requestMatchers(
                                path.matcher(HttpMethod.POST, "/api/lifecycle/agreements/*/renewal"),
                                path.matcher(HttpMethod.POST, "/api/lifecycle/agreements/*/emergency-plans"),
                                path.matcher(HttpMethod.POST, "/api/rectifications/*/plan"),
                                path.matcher(HttpMethod.POST, "/api/rectifications/*/report"),
                                path.matcher(HttpMethod.POST, "/api/evaluations/*/report"),
                                path.matcher(HttpMethod.POST, "/api/exits/*/plan"),
                                path.matcher(HttpMethod.POST, "/api/exits/*/deletion"),
                                path.matcher(HttpMethod.POST, "/api/exits/plan-ahead"))
                        .hasRole("operator")
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/exits"))
                        .hasAnyRole("operator", "authority-reviewer")
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/revenue/**"))
                        .hasAnyRole(READERS)
                        // oversight: the audit chain's verification
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/audit/**"))
                        .hasAnyRole("authority-reviewer", "manager", "administrator", "auditor")
                        // the operator's disclosure plan (DSC-01, DSC-06); the public site shows it
                        .requestMatchers(path.matcher("/api/disclosure-plan/**"), path.matcher("/api/disclosure-plan"))
                        .hasRole("operator")
                        // official notices: the operator its own, the reviewers and the auditor a case's; not a
                        // developer
                        .requestMatchers(
                                path.matcher(HttpMethod.GET, "/api/notices/**"),
                                path.matcher(HttpMethod.GET, "/api/notices"))
                        .hasAnyRole(java.util.stream.Stream.concat(
                                        java.util.Arrays.stream(READERS), java.util.stream.Stream.of("operator"))
                                .toArray(String[]::new))
                        .requestMatchers(path.matcher("/api/dashboard/**"))
                        .hasAnyRole("manager", "administrator")
                        // the workers' service account fetches, locks and reports external tasks, and nothing else
                        .requestMatchers(
                                path.matcher("/engine-rest/external-task/**"),
                                path.matcher("/engine-rest/engine/*/external-task/**"))
                        .hasRole("worker")
                        .requestMatchers(path.matcher("/engine-rest/**"))
                        .hasAnyRole(
                                "administrator",
                                "manager",
                                "authority-reviewer",
                                "provider-reviewer",
                                "security-reviewer",
                                "expert",
                                "pricing-officer",
                                "province-reviewer")
                        .anyRequest()
                        .access(PEOPLE_NOT_WORKERS))
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(new KeycloakToken())))
                .addFilterBefore(new ReadOnlyAuditors(), AuthorizationFilter.class)
                .addFilterAfter(publicRateLimit, AuthorizationFilter.class)
                .addFilterAfter(new EngineAuthentication(identity), PublicRateLimit.class)
                .build();
    }

    /**
     * Tasklist, Cockpit and Admin log in through Keycloak (single sign-on) when their pages or their API are opened;
     * the webapps' own XSRF protection covers their API. Their static files (scripts, locale files), health and the
     * portal's files are public.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webapps(HttpSecurity http, OAuth2AuthorizedClientService clients) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return http.csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(a -> a.requestMatchers(
                                path.matcher("/operaton/app/*/default/**"), path.matcher("/operaton/api/**"))
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2Login(Customizer.withDefaults())
                // the webapps' own logout call (XHR) ends the application session and the Keycloak session
                .logout(l -> l.logoutRequestMatcher(
                                path.matcher(HttpMethod.POST, "/operaton/api/admin/auth/user/*/logout"))
                        .addLogoutHandler(new KeycloakSessionLogout(clients))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
                .build();
    }

    /** Runs after Spring Security, so that the webapps find the Keycloak user it established. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", KeycloakWebappAuthentication.class.getName()));
        registration.addUrlPatterns("/operaton/app/*", "/operaton/api/*");
        registration.setOrder(201);
        return registration;
    }

    /** Realm roles become ROLE_…, groups GROUP_…, the user is the Keycloak user name. */
    static final class KeycloakToken implements Converter<Jwt, AbstractAuthenticationToken> {

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            Object realmAccess = jwt.getClaims().get("realm_access");
            if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof List<?> roles) {
                roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
            }
            List<String> groups = jwt.getClaimAsStringList("groups");
            if (groups != null) {
                groups.forEach(g -> authorities.add(new SimpleGrantedAuthority("GROUP_" + g)));
            }
            String name = jwt.getClaimAsString("preferred_username");
            return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
        }
    }
}
