package cn.pubdata.approval.identity;

import org.operaton.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine reads users, groups and memberships from Keycloak (read-only), so that Tasklist, Cockpit and Admin see
 * exactly Keycloak's people and units and the engine keeps no second user store that could drift.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakIdentity {

    @Bean
    @ConfigurationProperties("approval.keycloak.identity")
    KeycloakIdentityProviderPlugin keycloakIdentityProvider() {
        return new KeycloakIdentityProviderPlugin();
    }
}
