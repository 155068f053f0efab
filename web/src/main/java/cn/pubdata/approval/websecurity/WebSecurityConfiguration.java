package cn.pubdata.approval.websecurity;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebSecurityProperties.class)
class WebSecurityConfiguration {

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(
            @Value("${approval.keycloak.url}") String keycloakUrl, WebSecurityProperties properties) {
        FilterRegistrationBean<SecurityHeaders> registration =
                new FilterRegistrationBean<>(new SecurityHeaders(keycloakUrl, properties.hstsMaxAgeSeconds()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    PublicRateLimit publicRateLimit(WebSecurityProperties properties, Clock clock) {
        return new PublicRateLimit(properties, clock);
    }

    /** It runs inside the API's security chain, where the caller is known; not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<PublicRateLimit> publicRateLimitOutsideSecurity(PublicRateLimit limit) {
        FilterRegistrationBean<PublicRateLimit> registration = new FilterRegistrationBean<>(limit);
        registration.setEnabled(false);
        return registration;
    }
}
