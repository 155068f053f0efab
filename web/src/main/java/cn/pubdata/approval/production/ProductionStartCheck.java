package cn.pubdata.approval.production;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Under the {@code production} profile the application does not start with demo users or default secrets
 * ({@link ProductionReadiness}). It checks once the configuration is read and before anything starts: no database
 * connection, no engine, no port.
 */
public class ProductionStartCheck implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "production";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        List<ProductionReadiness.Finding> findings =
                ProductionReadiness.of(environment).findings();
        if (!findings.isEmpty()) {
            throw new NotReadyForProduction(findings);
        }
    }

    /** After the configuration files and profiles have been read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
