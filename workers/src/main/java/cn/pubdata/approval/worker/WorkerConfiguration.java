package cn.pubdata.approval.worker;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the workers as a lifecycle of the highest phase: they start after the web server listens, so that a worker
 * inside the engine's own process reaches {@code /engine-rest} on whatever port it got, and they stop before it.
 * A worker-only process names the engine nodes by {@code approval.workers.engine-urls} (or the one
 * {@code approval.workers.engine-rest-url}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkerConfiguration {

    @Bean
    ExternalTaskWorkers externalTaskWorkers(WorkerProperties properties, List<ExternalTaskHandler> handlers) {
        return new ExternalTaskWorkers(properties, handlers);
    }

    @Bean
    SmartLifecycle externalTaskWorkersLifecycle(
            WorkerProperties properties, ExternalTaskWorkers workers, ApplicationContext context) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (properties.enabled()) {
                    workers.start(engineRestUrls(properties, context));
                }
                running = true;
            }

            @Override
            public void stop() {
                workers.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    private static List<String> engineRestUrls(WorkerProperties properties, ApplicationContext context) {
        List<String> configured = properties.configuredEngineUrls();
        if (!configured.isEmpty()) {
            return configured;
        }
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            return List.of("http://localhost:" + web.getWebServer().getPort() + "/engine-rest");
        }
        throw new IllegalStateException(
                "approval.workers.engine-urls is not set and this process serves no engine REST API");
    }
}
