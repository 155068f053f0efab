package cn.pubdata.approval.cluster;

import cn.pubdata.approval.operations.KeycloakHealth;
import cn.pubdata.approval.operations.WorkerHealth;
import cn.pubdata.approval.operations.WorkerMetrics;
import cn.pubdata.approval.worker.WorkerConfiguration;
import java.io.IOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * A worker process: the workers module's services and external-task workers, nothing of the engine, the webapps or the
 * portal API. It reaches the engine only through {@code approval.workers.engine-urls} with its service account, and
 * our own tables through {@code spring.datasource}. Its only port is the management port (health, metrics).
 *
 * <p>Deliberately not a {@code @Configuration}: the all-in-one's component scan must not pick it up.
 */
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = "cn.pubdata.approval") // the workers' repositories, in their feature packages
@ComponentScan(
        basePackages = "cn.pubdata.approval",
        useDefaultFilters = true,
        excludeFilters =
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = WorkerProcess.OutsideWorkersModule.class))
@Import({WorkerHealth.class, WorkerProcessSecurity.class, WorkerMetrics.class, KeycloakHealth.class})
public class WorkerProcess {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(WorkerProcess.class);
        application.setAdditionalProfiles(ProcessRole.WORKER_PROFILE);
        application.run(args);
    }

    /**
     * Classes of the processes and web modules share the feature packages with the workers module; only the workers
     * module's own classes (its classes folder, or its jar inside the application's jar) are scanned.
     */
    static final class OutsideWorkersModule implements TypeFilter {

        private static final String ROOT = workersModuleRoot();

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return !reader.getResource().getURL().toString().startsWith(ROOT);
        }

        private static String workersModuleRoot() {
            String name = WorkerConfiguration.class.getName().replace('.', '/') + ".class";
            String url =
                    WorkerConfiguration.class.getClassLoader().getResource(name).toString();
            return url.substring(0, url.length() - name.length());
        }
    }
}
