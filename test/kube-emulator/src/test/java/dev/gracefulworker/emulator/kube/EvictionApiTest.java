package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.emulator.kube.ApiCall.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EvictionApiTest {
    private static final String SCENARIO = """
            nodes:
              - {name: node-1}
              - {name: node-2}
            pods:
              - {name: web-a, namespace: web, node: node-1, labels: {app: web}, terminationGracePeriodSeconds: 30}
              - {name: web-b, namespace: web, node: node-2, labels: {app: web}, readyAfterSeconds: 20}
              - {name: free, namespace: web, node: node-1, labels: {app: other}, terminationGracePeriodSeconds: 5}
              - {name: loner, namespace: web, node: node-1, labels: {app: loner}, terminationGracePeriodSeconds: 5}
              - {name: finished, namespace: web, node: node-1, labels: {app: web}, phase: Succeeded}
              - {name: zombie, namespace: web, node: node-1, labels: {app: undead}, stuckTerminating: true}
            podDisruptionBudgets:
              - {name: web, namespace: web, selector: {matchLabels: {app: web}}, minAvailable: 1}
              - {name: zombies, namespace: web, selector: {matchExpressions: [{key: app, operator: In, values: [other]}]},
                 maxUnavailable: 5}
              - {name: everything-else, namespace: web, selector: {matchLabels: {app: other}}, maxUnavailable: "50%"}
            """;
    @RegisterExtension
    final RunningEmulator running = new RunningEmulator(SCENARIO);
    private final ScenarioClock clock = running.clock;
    private final KubeEmulator emulator = running.emulator;
    private final ApiCall api = running.api;

    @Test
    void podWithoutBudget_isEvictedWith201AndDeletedGracefully() {
        Reply reply = api.evict("web", "loner");
        String deletionTimestamp = emulator.pod("web", "loner").orElseThrow()
                .path("metadata").path("deletionTimestamp").asText();
        clock.advance(Duration.ofSeconds(5));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().toString()).isEqualTo("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","code":201}""");
        assertThat(deletionTimestamp).isEqualTo("2026-11-25T09:00:05Z");
        assertThat(emulator.pod("web", "loner")).isEmpty();
        assertThat(emulator.evictions()).containsExactly("web/loner 201");
    }

    @Test
    void budgetWithNoDisruptionAllowed_answers429WithTheDisruptionBudgetCause() {
        Reply reply = api.evict("web", "web-a");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.body().toString()).isEqualTo("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",\
                "message":"Cannot evict pod as it would violate the pod's disruption budget.","reason":"TooManyRequests",\
                "details":{"causes":[{"reason":"DisruptionBudget",\
                "message":"The disruption budget web needs 1 healthy pods and has 1 currently"}]},"code":429}""");
        assertThat(emulator.pod("web", "web-a").orElseThrow().path("metadata").has("deletionTimestamp")).isFalse();
        assertThat(emulator.evictions()).containsExactly("web/web-a 429");
    }

    @Test
    void budgetThatBlocks_allowsOnceTheReplacementIsReady() {
        int blocked = api.evict("web", "web-a").status();
        clock.advance(Duration.ofSeconds(20));

        int allowed = api.evict("web", "web-a").status();

        assertThat(blocked).isEqualTo(429);
        assertThat(allowed).isEqualTo(201);
        assertThat(emulator.evictions()).containsExactly("web/web-a 429", "web/web-a 201");
    }

    @Test
    void evictingTheLastHealthyPodAgain_whileTheFirstIsTerminating_isBlocked() {
        clock.advance(Duration.ofSeconds(20));
        api.evict("web", "web-a");

        Reply second = api.evict("web", "web-b");

        assertThat(second.status()).isEqualTo(429);
        assertThat(second.body().path("details").path("causes").get(0).path("message").asText())
                .isEqualTo("The disruption budget web needs 1 healthy pods and has 1 currently");
    }

    @Test
    void finishedPod_isEvictedWhateverTheBudgetAndRemovedAtOnce() {
        Reply reply = api.evict("web", "finished");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(emulator.pod("web", "finished")).isEmpty();
    }

    @Test
    void missingPod_answers404AndIsRecorded() {
        Reply reply = api.evict("web", "ghost");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().path("reason").asText()).isEqualTo("NotFound");
        assertThat(reply.body().path("message").asText()).isEqualTo("pods \"ghost\" not found");
        assertThat(emulator.evictions()).containsExactly("web/ghost 404");
    }

    @Test
    void stuckTerminatingPod_staysTerminatingForever() {
        api.evict("web", "zombie");
        clock.advance(Duration.ofDays(2));

        assertThat(emulator.pod("web", "zombie")).hasValueSatisfying(
                pod -> assertThat(pod.path("metadata").has("deletionTimestamp")).isTrue());
    }

    @Test
    void budgetStatus_isListedWithTheDisruptionControllersArithmetic() {
        Reply before = api.get("/apis/policy/v1/namespaces/web/poddisruptionbudgets/web");
        clock.advance(Duration.ofSeconds(20));
        Reply after = api.get("/apis/policy/v1/poddisruptionbudgets");

        assertThat(before.body().path("kind").asText()).isEqualTo("PodDisruptionBudget");
        assertThat(before.body().path("status").toString()).contains(
                "\"disruptionsAllowed\":0,\"currentHealthy\":1,\"desiredHealthy\":1,\"expectedPods\":3");
        JsonNode web = after.body().path("items").valueStream()
                .filter(pdb -> pdb.path("metadata").path("name").asText().equals("web")).findFirst().orElseThrow();
        assertThat(after.body().path("kind").asText()).isEqualTo("PodDisruptionBudgetList");
        assertThat(after.body().path("items")).hasSize(3);
        assertThat(web.path("status").path("disruptionsAllowed").asInt()).isEqualTo(1);
        assertThat(web.path("spec").path("minAvailable").asInt()).isEqualTo(1);
    }

    @Test
    void evictionWithAnotherPodsUid_isAConflictAndDeletesNothing() {
        Reply reply = api.post("/api/v1/namespaces/web/pods/web-b/eviction", """
                {"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"web-b","namespace":"web"},
                 "deleteOptions":{"preconditions":{"uid":"0d9b1c2e-0000-0000-0000-000000000000"}}}""");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().path("reason").asText()).isEqualTo("Conflict");
        assertThat(reply.body().path("message").asText()).startsWith("Operation cannot be fulfilled on pods \"web-b\": "
                + "Precondition failed: UID in precondition: 0d9b1c2e-0000-0000-0000-000000000000, UID in object meta: ");
        assertThat(emulator.pod("web", "web-b").orElseThrow().path("metadata").has("deletionTimestamp")).isFalse();
        assertThat(emulator.evictions()).containsExactly("web/web-b 409");
    }

    @Test
    void evictionWithTheRightUid_andAGracePeriod_usesThatGrace() {
        String uid = emulator.pod("web", "web-b").orElseThrow().path("metadata").path("uid").asText();

        Reply reply = api.post("/api/v1/namespaces/web/pods/web-b/eviction", """
                {"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"web-b","namespace":"web"},
                 "deleteOptions":{"gracePeriodSeconds":7,"preconditions":{"uid":"%s"}}}""".formatted(uid));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(emulator.pod("web", "web-b").orElseThrow().path("metadata").path("deletionGracePeriodSeconds").asInt())
                .isEqualTo(7);
    }

    @Test
    void podCoveredByTwoBudgets_cannotBeEvicted() {
        clock.advance(Duration.ofSeconds(20));

        Reply reply = api.evict("web", "free");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body().path("message").asText()).isEqualTo("Internal error occurred: This pod has more than one "
                + "PodDisruptionBudget, which the eviction subresource does not support.");
        assertThat(emulator.evictions()).containsExactly("web/free 500");
    }

    @Test
    void evictionNamingAnotherPod_isABadRequest() {
        Reply reply = api.post("/api/v1/namespaces/web/pods/loner/eviction", """
                {"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"web-a","namespace":"web"}}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(emulator.pod("web", "loner").orElseThrow().path("metadata").has("deletionTimestamp")).isFalse();
    }
}
