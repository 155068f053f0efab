package cn.pubdata.approval.worker;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.client.UrlResolver;
import org.camunda.bpm.client.exception.ConnectionLostException;
import org.camunda.bpm.client.exception.RestException;

/**
 * The engine nodes a worker may ask, in order of preference. Every node serves every worker (they share one database),
 * so when the node in use cannot be reached, the worker moves on to the next one, round the list, and stays there.
 */
final class EngineNodes implements UrlResolver {

    private final List<String> urls;
    private final AtomicInteger current = new AtomicInteger();

    EngineNodes(List<String> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no engine REST URL");
        }
        this.urls = List.copyOf(urls);
    }

    /** Asked by the client before every request. */
    @Override
    public String getBaseUrl() {
        return urls.get(current.get());
    }

    List<String> all() {
        return urls;
    }

    /**
     * After a failed call to {@code usedUrl}: moves on to the next node when the failure says that node is gone (no
     * connection, or a gateway's 502/503/504). A refusal of the engine itself (400, 404, 500) stays with the node.
     * Several threads failing against the same node move on once.
     *
     * @return whether the worker now asks another node
     */
    boolean failOver(String usedUrl, Throwable failure) {
        if (urls.size() < 2 || !unreachable(failure)) {
            return false;
        }
        int used = urls.indexOf(usedUrl);
        return used >= 0 && current.compareAndSet(used, (used + 1) % urls.size());
    }

    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof ConnectionLostException) {
                return true;
            }
            if (t instanceof RestException rest && rest.getHttpStatusCode() != null) {
                int status = rest.getHttpStatusCode();
                if (status == 502 || status == 503 || status == 504) {
                    return true;
                }
            }
        }
        return false;
    }
}
