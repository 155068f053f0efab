package cn.pubdata.approval.worker;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether this process fetches external tasks at all
 * @param engineUrls the engine nodes' REST APIs (comma-separated), in order of preference: a worker asks the first and
 *                   moves on to the next when one cannot be reached
 * @param engineRestUrl one engine's REST API, as before the list (still accepted); with neither, this application's own
 *                      {@code /engine-rest}
 * @param workerId how this worker names itself in locks (defaults to host and process)
 * @param lockDurationMs how long a fetched task stays locked to this worker
 * @param longPollMs how long one fetch waits for work (long polling)
 * @param retries retries of a failing task before an incident is raised
 * @param retryTimeoutMs pause before a failed task is fetched again
 * @param tokenUrl where the workers' service account gets its access token (client credentials); empty where the
 *                 engine REST API asks for none
 * @param clientId the service account's client
 * @param clientSecret its secret, from the environment
 */
@ConfigurationProperties("approval.workers")
public record WorkerProperties(
        boolean enabled,
        List<String> engineUrls,
        String engineRestUrl,
        String workerId,
        long lockDurationMs,
        long longPollMs,
        int retries,
        long retryTimeoutMs,
        String tokenUrl,
        String clientId,
        String clientSecret) {

    /** The engine REST URLs configured, the list first, then the single URL; empty where none is. */
    public List<String> configuredEngineUrls() {
        List<String> urls = new ArrayList<>();
        if (engineUrls != null) {
            engineUrls.stream().map(String::strip).filter(u -> !u.isEmpty()).forEach(urls::add);
        }
        if (urls.isEmpty() && engineRestUrl != null && !engineRestUrl.isBlank()) {
            urls.add(engineRestUrl.strip());
        }
        return urls;
    }

    public boolean authenticates() {
        return tokenUrl != null && !tokenUrl.isBlank();
    }

    public WorkerProperties {
        if (lockDurationMs <= 0) {
            lockDurationMs = 60_000;
        }
        if (longPollMs <= 0) {
            longPollMs = 10_000;
        }
        if (retries <= 0) {
            retries = 3;
        }
        if (retryTimeoutMs <= 0) {
            retryTimeoutMs = 10_000;
        }
    }
}
