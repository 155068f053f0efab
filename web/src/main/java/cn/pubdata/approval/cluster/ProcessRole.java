package cn.pubdata.approval.cluster;

import java.util.Arrays;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * What one start of the build runs, chosen by Spring profile: the all-in-one of the local run (default), an engine node
 * of a cluster ({@code engine-node}: engine, webapps, engine REST and portal API, no workers), or a worker process
 * ({@code worker}: the external-task workers only, pointed at an engine's REST API). The profiles' settings are in
 * application-engine-node.yaml and application-worker.yaml.
 */
public enum ProcessRole {
    ALL_IN_ONE,
    ENGINE_NODE,
    WORKER;

    public static final String WORKER_PROFILE = "worker";

    /** Reads the active profiles as Spring will: command line, system properties, SPRING_PROFILES_ACTIVE. */
    public static ProcessRole of(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        String[] profiles = environment.getActiveProfiles();
        if (Arrays.asList(profiles).contains(WORKER_PROFILE)) {
            return WORKER;
        }
        return Arrays.asList(profiles).contains("engine-node") ? ENGINE_NODE : ALL_IN_ONE;
    }
}
