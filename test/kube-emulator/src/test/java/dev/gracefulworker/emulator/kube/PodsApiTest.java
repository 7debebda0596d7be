package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.emulator.kube.ApiCall.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PodsApiTest {
    private static final String SCENARIO = """
            nodes:
              - {name: node-1, providerID: "aws:///eu-west-1a/i-1"}
              - {name: node-2, providerID: "aws:///eu-west-1b/i-2"}
            pods:
              - {name: a, namespace: batch, node: node-1, labels: {app: report, tier: back}, owner: {kind: Job, name: report}}
              - {name: c, namespace: web, node: node-1, labels: {app: web}, owner: {kind: ReplicaSet, name: web-5d4}}
              - {name: b, namespace: batch, node: node-2, labels: {app: report}}
              - {name: done, namespace: batch, node: node-1, phase: Succeeded}
              - {name: slow, namespace: batch, node: node-1, readyAfterSeconds: 20}
              - {name: poller, namespace: batch, node: node-2, finishesAfterPolls: 2}
              - {name: timer, namespace: batch, node: node-2, finishesAfterSeconds: 60}
            """;
    @RegisterExtension
    final RunningEmulator running = new RunningEmulator(SCENARIO);
    private final ScenarioClock clock = running.clock;
    private final KubeEmulator emulator = running.emulator;
    private final ApiCall api = running.api;

    private static List<String> names(Reply reply) {
        List<String> names = new ArrayList<>();
        reply.body().path("items").forEach(p -> names.add(p.path("metadata").path("namespace").asText() + "/"
                + p.path("metadata").path("name").asText()));
        return names;
    }

    @Test
    void podsOfOneNode_areListedAcrossNamespacesByFieldSelector() {
        Reply reply = api.get("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("kind").asText()).isEqualTo("PodList");
        assertThat(reply.body().path("apiVersion").asText()).isEqualTo("v1");
        assertThat(reply.body().path("metadata").path("resourceVersion").asText()).isNotEmpty();
        assertThat(names(reply)).containsExactly("batch/a", "batch/done", "batch/slow", "web/c");
    }

    @Test
    void namespacedList_withLabelAndFieldSelectors_returnsOnlyMatches() {
        Reply reply = api.get("/api/v1/namespaces/batch/pods?labelSelector=app%3Dreport,tier%20notin%20(front)"
                + "&fieldSelector=status.phase%3DRunning");

        assertThat(names(reply)).containsExactly("batch/a", "batch/b");
    }

    @Test
    void phaseAndNameSelectors_canBeNegated() {
        Reply reply = api.get("/api/v1/pods?fieldSelector=status.phase!%3DRunning,metadata.namespace%3Dbatch");

        assertThat(names(reply)).containsExactly("batch/done");
    }

    @Test
    void unsupportedFieldSelector_isABadRequestWithTheRealMessage() {
        Reply reply = api.get("/api/v1/pods?fieldSelector=spec.nodeNam%3Dnode-1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().toString()).isEqualTo("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",\
                "message":"field label not supported: spec.nodeNam","reason":"BadRequest","code":400}""");
    }

    @Test
    void getPod_returnsTheObjectWithKindAndOwner() {
        Reply reply = api.get("/api/v1/namespaces/web/pods/c");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode pod = reply.body();
        assertThat(pod.path("kind").asText()).isEqualTo("Pod");
        assertThat(pod.path("spec").path("nodeName").asText()).isEqualTo("node-1");
        JsonNode owner = pod.path("metadata").path("ownerReferences").get(0);
        assertThat(owner.path("kind").asText()).isEqualTo("ReplicaSet");
        assertThat(owner.path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(owner.path("controller").asBoolean()).isTrue();
    }

    @Test
    void missingPod_isNotFoundWithDetails() {
        Reply reply = api.get("/api/v1/namespaces/web/pods/nope");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().toString()).isEqualTo("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"nope\\" not found",\
                "reason":"NotFound","details":{"name":"nope","kind":"pods"},"code":404}""");
    }

    @Test
    void podWithReadyAfterSeconds_becomesReadyWhenScenarioTimePasses() {
        boolean before = ApiObjects.isReady(api.get("/api/v1/namespaces/batch/pods/slow").body());
        clock.advance(Duration.ofSeconds(20));
        JsonNode after = api.get("/api/v1/namespaces/batch/pods/slow").body();

        assertThat(before).isFalse();
        assertThat(ApiObjects.isReady(after)).isTrue();
    }

    @Test
    void podThatFinishesAfterTwoPolls_isSeenRunningTwiceThenSucceeded() {
        List<String> phases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Reply reply = api.get("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-2,metadata.name%3Dpoller");
            phases.add(reply.body().path("items").get(0).path("status").path("phase").asText());
        }

        assertThat(phases).containsExactly("Running", "Running", "Succeeded");
        assertThat(emulator.polls("node-2")).isEqualTo(3);
    }

    @Test
    void podThatFinishesAfterSixtySeconds_succeedsAtScenarioTime() {
        clock.advance(Duration.ofSeconds(59));
        String before = ApiObjects.phase(emulator.pod("batch", "timer").orElseThrow());
        clock.advance(Duration.ofSeconds(1));
        JsonNode after = emulator.pod("batch", "timer").orElseThrow();

        assertThat(before).isEqualTo("Running");
        assertThat(ApiObjects.phase(after)).isEqualTo("Succeeded");
        assertThat(after.path("status").path("containerStatuses").get(0).path("state").has("terminated")).isTrue();
    }

    @Test
    void deleteWithGrace_setsDeletionTimestampAndThePodIsGoneAfterTheGrace() {
        Reply reply = api.delete("/api/v1/namespaces/batch/pods/b?gracePeriodSeconds=10");
        boolean presentAt9s;
        clock.advance(Duration.ofSeconds(9));
        presentAt9s = emulator.pod("batch", "b").isPresent();
        clock.advance(Duration.ofSeconds(1));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("metadata").path("deletionTimestamp").asText()).isEqualTo("2026-11-25T09:00:10Z");
        assertThat(reply.body().path("metadata").path("deletionGracePeriodSeconds").asInt()).isEqualTo(10);
        assertThat(presentAt9s).isTrue();
        assertThat(api.get("/api/v1/namespaces/batch/pods/b").status()).isEqualTo(404);
    }

    @Test
    void deleteWithAStaleResourceVersionPrecondition_isAConflict() {
        Reply reply = api.send("DELETE", "/api/v1/namespaces/batch/pods/b",
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"resourceVersion\":\"1\"}}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().path("message").asText()).startsWith("Operation cannot be fulfilled on pods \"b\": "
                + "Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: ");
        assertThat(emulator.pod("batch", "b")).isPresent();
    }

    @Test
    void resourceVersion_advancesOnEveryChange() {
        long before = Long.parseLong(api.get("/api/v1/pods").body().path("metadata").path("resourceVersion").asText());
        api.delete("/api/v1/namespaces/batch/pods/b");

        long after = Long.parseLong(api.get("/api/v1/pods").body().path("metadata").path("resourceVersion").asText());

        assertThat(after).isGreaterThan(before);
    }

    @Test
    void requests_areRecordedWithQueryAndStatus() {
        api.get("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1");
        api.get("/api/v1/namespaces/web/pods/nope");

        assertThat(emulator.requests()).containsExactly(
                new RecordedRequest("GET", "/api/v1/pods", "fieldSelector=spec.nodeName%3Dnode-1", 200),
                new RecordedRequest("GET", "/api/v1/namespaces/web/pods/nope", null, 404));
    }
}
