package cn.pubdata.approval.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where the embedded servers listen, published as {@code approval.embedded.*} properties, so that the start banner can
 * name them without the application knowing these servers exist (a production build carries none of them).
 */
final class EmbeddedServers {

    private static final String SOURCE = "approval-embedded-servers";

    private EmbeddedServers() {}

    static void publish(ConfigurableEnvironment environment, String key, String value) {
        MapPropertySource source =
                (MapPropertySource) environment.getPropertySources().get(SOURCE);
        if (source == null) {
            source = new MapPropertySource(SOURCE, new ConcurrentHashMap<>());
            environment.getPropertySources().addLast(source);
        }
        ((Map<String, Object>) source.getSource()).put("approval.embedded." + key, value);
    }
}
