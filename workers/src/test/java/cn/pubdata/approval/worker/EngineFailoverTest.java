package cn.pubdata.approval.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker given several engine nodes keeps working when one is down: it fetches from the next when its first node
 * cannot be reached, and reports the outcome of a task to the next node when the node that handed the task out dies
 * while the worker works on it. The nodes are stand-ins of the engine REST API (fetch and lock, complete).
 */
class EngineFailoverTest {

    private final List<FakeNode> nodes = new CopyOnWriteArrayList<>();
    private ExternalTaskWorkers workers;

    @AfterEach
    void stop() {
        if (workers != null) {
            workers.close();
        }
        nodes.forEach(FakeNode::stop);
    }

    @Test
    void aWorkerWhoseFirstNodeIsDownFetchesAndCompletesOnTheNext() throws IOException {
        String down = "http://localhost:" + freePort() + "/engine-rest";
        FakeNode up = node("t-1");
        AtomicInteger handled = new AtomicInteger();

        workers = workers(task -> {
            handled.incrementAndGet();
            return Map.of("done", true);
        });
        workers.start(List.of(down, up.url()));

        await().atMost(Duration.ofSeconds(15)).until(() -> up.completed.contains("t-1"));
        assertThat(handled).hasValue(1);
        assertThat(workers.fetchLoop().fetchTrouble()).isNull();
    }

    @Test
    void anOutcomeGoesToTheNextNodeWhenTheNodeThatHandedOutTheTaskDiesMeanwhile() throws IOException {
        FakeNode first = node("t-2");
        FakeNode second = node();
        AtomicBoolean handled = new AtomicBoolean();

        workers = workers(task -> {
            first.stop(); // the node dies while the worker works
            handled.set(true);
            return Map.of();
        });
        workers.start(List.of(first.url(), second.url()));

        await().atMost(Duration.ofSeconds(15)).until(() -> second.completed.contains("t-2"));
        assertThat(handled).isTrue();
        assertThat(first.completed).isEmpty();
    }

    @Test
    void theSingleUrlOfOldIsStillAccepted() {
        WorkerProperties single =
                new WorkerProperties(true, null, "http://a/engine-rest", null, 0, 0, 0, 0, null, null, null);
        WorkerProperties list = new WorkerProperties(
                true,
                List.of(" http://a/engine-rest", "http://b/engine-rest "),
                "http://c",
                null,
                0,
                0,
                0,
                0,
                null,
                null,
                null);

        assertThat(single.configuredEngineUrls()).containsExactly("http://a/engine-rest");
        assertThat(list.configuredEngineUrls()).containsExactly("http://a/engine-rest", "http://b/engine-rest");
    }

    private ExternalTaskWorkers workers(java.util.function.Function<WorkItem, Map<String, Object>> work) {
        ExternalTaskHandler handler = new ExternalTaskHandler() {
            @Override
            public String topic() {
                return "probe";
            }

            @Override
            public Map<String, Object> handle(WorkItem task) {
                return work.apply(task);
            }
        };
        WorkerProperties properties =
                new WorkerProperties(true, null, null, "failover-worker", 5_000, 200, 1, 1_000, null, null, null);
        return new ExternalTaskWorkers(properties, List.of(handler));
    }

    private FakeNode node(String... tasks) throws IOException {
        FakeNode node = new FakeNode(List.of(tasks));
        nodes.add(node);
        return node;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Hands out its tasks once each on fetch and lock, and records the completions it is told of. */
    private static final class FakeNode {
        final List<String> completed = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        FakeNode(List<String> tasks) throws IOException {
            List<String> toHandOut = new CopyOnWriteArrayList<>(tasks);
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/engine-rest/external-task/fetchAndLock", exchange -> {
                exchange.getRequestBody().readAllBytes();
                StringBuilder json = new StringBuilder("[");
                for (String id : toHandOut) {
                    json.append(json.length() > 1 ? "," : "")
                            .append("{\"id\":\"")
                            .append(id)
                            .append("\",\"topicName\":\"probe\",\"workerId\":\"failover-worker\",")
                            .append("\"activityId\":\"Task_Probe\",\"processInstanceId\":\"p-")
                            .append(id)
                            .append("\",\"businessKey\":\"bk-")
                            .append(id)
                            .append("\",\"variables\":{}}");
                }
                toHandOut.clear();
                respond(exchange, 200, json.append("]").toString());
            });
            server.createContext("/engine-rest/external-task/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String[] path = exchange.getRequestURI().getPath().split("/");
                if (path[path.length - 1].equals("complete")) {
                    completed.add(path[path.length - 2]);
                }
                respond(exchange, 204, null);
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/engine-rest";
        }

        void stop() {
            server.stop(0);
        }

        private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
                throws IOException {
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
            if (body != null) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }
    }
}
