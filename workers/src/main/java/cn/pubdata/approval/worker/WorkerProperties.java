package cn.pubdata.approval.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether this process fetches external tasks at all
 * @param engineRestUrl the engine's REST API; empty means this application's own {@code /engine-rest}
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
        String engineRestUrl,
        String workerId,
        long lockDurationMs,
        long longPollMs,
        int retries,
        long retryTimeoutMs,
        String tokenUrl,
        String clientId,
        String clientSecret) {

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
