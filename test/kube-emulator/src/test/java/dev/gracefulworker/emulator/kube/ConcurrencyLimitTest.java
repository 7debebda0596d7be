package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gracefulworker.emulator.kube.ApiCall.Reply;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.util.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API server's limit on requests in flight (API Priority and Fairness, one priority level). */
class ConcurrencyLimitTest {
    /** Long enough that requests started together overlap even on a loaded 2-core machine. */
    private static final String SLOW = """
            nodes: [{name: node-1}]
            latencyMillis: 1000
            """;

    @Test
    void requestsBeyondTheScenarioLimit_are429WithRetryAfter_andTheRestAreServed() throws Exception {
        try (KubeEmulator emulator = KubeEmulator.start(Scenario.parse(SLOW + "apiServer: {maxRequestsInFlight: 2}\n"))) {
            List<Reply> replies = getTogether(ApiCall.to(emulator), 5);

            assertThat(replies).extracting(Reply::status).containsOnly(200, 429)
                    .filteredOn(status -> status == 429).hasSize(3);
            Reply rejected = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");
            // the Status the throttling fault answers, whose text PriorityAndFairnessTest pins
            assertThat(rejected.body()).isEqualTo(ApiError.throttled(1).toStatus());
            assertThat(rejected.body().path("message").asText()).isEqualTo("Too many requests, please try again later.");
            assertThat(emulator.rejectedForConcurrency()).isEqualTo(3);
            assertThat(emulator.peakInFlight()).isEqualTo(2);
            assertThat(emulator.requests()).extracting(RecordedRequest::status).as("rejections are recorded")
                    .containsExactlyInAnyOrder(429, 429, 429, 200, 200);
        }
    }

    @Test
    void withoutALimit_everyRequestIsServed_andThePeakCountsThoseOverlapping() throws Exception {
        try (KubeEmulator emulator = KubeEmulator.start(Scenario.parse(SLOW))) {
            List<Reply> replies = getTogether(ApiCall.to(emulator), 3);

            assertThat(replies).extracting(Reply::status).containsOnly(200);
            assertThat(emulator.peakInFlight()).isEqualTo(3);
            assertThat(emulator.rejectedForConcurrency()).isZero();
        }
    }

    @Test
    void clientJava_seesApiException429_whileTheOnlySlotIsTaken(@TempDir Path dir) throws Exception {
        try (KubeEmulator emulator = KubeEmulator.start(Scenario.parse(SLOW));
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            emulator.limitConcurrency(1);
            CoreV1Api core = new CoreV1Api(Config.fromConfig(emulator.writeKubeconfig(dir.resolve("kubeconfig")).toString()));
            Future<Reply> holder = pool.submit(() -> ApiCall.to(emulator).get("/api/v1/nodes"));
            while (emulator.peakInFlight() < 1 && !holder.isDone()) {
                // the holder is held by the latency for a second: the slot is taken as soon as the peak shows it
                Thread.onSpinWait();
            }

            var error = catchThrowableOfType(ApiException.class, () -> core.listNode().execute());

            assertThat(error.getCode()).isEqualTo(429);
            var headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(error.getResponseHeaders());
            assertThat(headers.get("Retry-After")).containsExactly("1");
            assertThat(holder.get().status()).isEqualTo(200);
        }
    }

    @Test
    void withAQueue_requestsBeyondTheLimitWaitForASlot_andAreServedInsteadOf429() throws Exception {
        try (KubeEmulator emulator = KubeEmulator.start(Scenario.parse(SLOW
                + "apiServer: {maxRequestsInFlight: 2, queueLengthLimit: 3}\n"))) {
            List<Reply> replies = getTogether(ApiCall.to(emulator), 5);

            // two served at once, three waited about a second for the first two to finish
            assertThat(replies).extracting(Reply::status).containsOnly(200);
            assertThat(emulator.queuedForConcurrency()).isEqualTo(3);
            assertThat(emulator.rejectedForConcurrency()).isZero();
            assertThat(emulator.peakInFlight()).isEqualTo(2);
        }
    }

    @Test
    void withAFullQueue_theRestAre429AtOnce() throws Exception {
        try (KubeEmulator emulator = KubeEmulator.start(Scenario.parse(SLOW
                + "apiServer: {maxRequestsInFlight: 1, queueLengthLimit: 1}\n"))) {
            List<Reply> replies = getTogether(ApiCall.to(emulator), 4);

            assertThat(replies).extracting(Reply::status).containsOnly(200, 429)
                    .filteredOn(status -> status == 200).hasSize(2);
            assertThat(emulator.queuedForConcurrency()).isEqualTo(1);
            assertThat(emulator.rejectedForConcurrency()).isEqualTo(2);
        }
    }

    @Test
    void aQueuedRequestWaitingLongerThanTheWaitLimit_is429() throws Exception {
        String slower = """
                nodes: [{name: node-1}]
                latencyMillis: 2500
                apiServer: {maxRequestsInFlight: 1, queueLengthLimit: 5, queueWaitSeconds: 1}
                """;
        try (KubeEmulator emulator = KubeEmulator.start(Scenario.parse(slower))) {
            List<Reply> replies = getTogether(ApiCall.to(emulator), 2);

            // the one served holds the slot for 2.5 s; the other gives up after its 1 s in the queue
            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 429);
            Reply rejected = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(emulator.queuedForConcurrency()).isEqualTo(1);
            assertThat(emulator.rejectedForConcurrency()).isEqualTo(1);
        }
    }

    @Test
    void queueSettings_areChecked_andNeedALimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Scenario.parse("apiServer: {maxRequestsInFlight: 1, queueLengthLimit: -1}"))
                .withMessageContaining("queueLengthLimit must not be negative, got -1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Scenario.parse("apiServer: {maxRequestsInFlight: 1, queueWaitSeconds: 0}"))
                .withMessageContaining("queueWaitSeconds must be at least 1, got 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Scenario.parse("apiServer: {queueLengthLimit: 5}"))
                .withMessageContaining("queueLengthLimit and queueWaitSeconds need maxRequestsInFlight");
    }

    @Test
    void scenarioLimitBelowOne_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Scenario.parse("apiServer: {maxRequestsInFlight: 0}"))
                .withMessageContaining("maxRequestsInFlight must be at least 1, got 0");
    }

    /** Sends {@code count} GETs released together by one latch, and returns the replies. */
    private static List<Reply> getTogether(ApiCall api, int count) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.get("/api/v1/nodes");
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        }
    }
}
