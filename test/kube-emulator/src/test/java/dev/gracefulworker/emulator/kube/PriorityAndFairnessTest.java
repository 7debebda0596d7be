package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.emulator.kube.ApiCall.Reply;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A busy API server: every request slowed by {@code latencyMillis}, and API Priority and Fairness rejecting some. */
class PriorityAndFairnessTest {
    private static final String PODS = """
            nodes: [{name: node-1}]
            pods:
              - {name: web-a, namespace: web, node: node-1}
              - {name: web-b, namespace: web, node: node-1}
            """;

    private static Reply evict(ApiCall api, String name) {
        return api.post("/api/v1/namespaces/web/pods/" + name + "/eviction",
                "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"" + name + "\"}}");
    }

    @Test
    void throttledEviction_is429WithRetryAfter_andNoDisruptionBudgetCause() {
        try (KubeEmulator emulator = KubeEmulator.start(Scenario.parse(PODS + """
                faults: [{method: POST, pathRegex: ".*/eviction$", status: 429, retryAfterSeconds: 3, times: 1}]
                """))) {
            ApiCall api = ApiCall.to(emulator);
            Reply throttled = evict(api, "web-a");
            Reply next = evict(api, "web-a");

            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(throttled.body().toString()).isEqualTo("""
                    {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",\
                    "message":"Too many requests, please try again later.","reason":"TooManyRequests",\
                    "details":{"retryAfterSeconds":3},"code":429}""");
            assertThat(next.status()).isEqualTo(201);
        }
    }

    @Test
    void latency_holdsEveryRequest_butConcurrentRequestsOverlap() throws Exception {
        try (KubeEmulator emulator = KubeEmulator.start(Scenario.parse(PODS + "latencyMillis: 300\n"));
             var pool = Executors.newFixedThreadPool(2)) {
            ApiCall api = ApiCall.to(emulator);
            long started = System.nanoTime();
            List<Future<Reply>> replies = IntStream.of(0, 1)
                    .mapToObj(i -> pool.submit(() -> evict(api, i == 0 ? "web-a" : "web-b"))).toList();
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(201);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(millis).isBetween(300L, 590L);
        }
    }
}
