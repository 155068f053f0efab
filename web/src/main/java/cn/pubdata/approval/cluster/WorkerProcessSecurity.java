package cn.pubdata.approval.cluster;

import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The worker process serves its management port only: health and metrics for the platform's probes and scraper, as
 * on an engine node's management port; everything else is refused. Imported by {@link WorkerProcess} only (not a
 * {@code @Configuration}, so that the all-in-one's scan leaves it out).
 */
class WorkerProcessSecurity {

    @Bean
    SecurityFilterChain managementOnly(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return http.csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(a -> a.requestMatchers(
                                path.matcher("/actuator/health/**"),
                                path.matcher("/actuator/health"),
                                path.matcher("/actuator/info"),
                                path.matcher("/actuator/prometheus"))
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .build();
    }
}
