package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.emulator.kube.ApiCall.Reply;
import dev.gracefulworker.emulator.kube.Scenario.OwnerKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workload controller and scheduler, reached over HTTP: replacements, placement, budgets that follow readiness. */
class WorkloadControllerTest {
    private static final String SCENARIO = """
            nodes:
              - {name: node-1}
              - {name: node-2}
              - {name: node-3}
              - {name: cordoned, unschedulable: true}
              - {name: tainted, taints: [{key: dedicated, value: batch, effect: NoSchedule}]}
              - {name: not-ready, ready: false}
            replicaSets:
              - {name: web, namespace: web, replicas: 3, labels: {app: web}, nodes: [node-1, node-2, node-3],
                 readyAfterSeconds: 10, recreateAfterSeconds: 5}
              - {name: api, namespace: api, replicas: 5, labels: {app: api}, nodes: [node-1, node-2, node-3],
                 readyAfterSeconds: 10, terminationGracePeriodSeconds: 0}
              - {name: batch, namespace: batch, replicas: 1, nodes: [node-1],
                 tolerations: [{key: dedicated, operator: Equal, value: batch, effect: NoSchedule}]}
            statefulSets:
              - {name: db, namespace: data, replicas: 2, nodes: [node-1, node-2], readyAfterSeconds: 20,
                 recreateAfterSeconds: 3, terminationGracePeriodSeconds: 15}
            pods:
              - {name: legacy-7c9d-a, namespace: web, node: node-1, labels: {app: legacy},
                 owner: {kind: ReplicaSet, name: legacy-7c9d}, terminationGracePeriodSeconds: 0}
            podDisruptionBudgets:
              - {name: web, namespace: web, selector: {matchLabels: {app: web}}, maxUnavailable: 1}
              - {name: api, namespace: api, selector: {matchLabels: {app: api}}, minAvailable: "80%"}
            """;
    @RegisterExtension
    final RunningEmulator running = new RunningEmulator(SCENARIO);
    private final ScenarioClock clock = running.clock;
    private final KubeEmulator emulator = running.emulator;
    private final ApiCall api = running.api;

    private List<JsonNode> pods(String namespace, String labelSelector) {
        Reply reply = api.get("/api/v1/namespaces/" + namespace + "/pods?labelSelector=" + labelSelector);
        assertThat(reply.status()).isEqualTo(200);
        return List.copyOf(reply.body().path("items").valueStream().toList());
    }

    private String podOn(String namespace, String labelSelector, String node) {
        return pods(namespace, labelSelector).stream()
                .filter(p -> p.path("spec").path("nodeName").asText().equals(node))
                .map(p -> p.path("metadata").path("name").asText()).findFirst().orElseThrow();
    }

    private static List<JsonNode> notTerminating(List<JsonNode> pods) {
        return pods.stream().filter(p -> !ApiObjects.isDeleting(p)).toList();
    }

    private static String condition(JsonNode pod, String type, String field) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c.path(field).asText();
            }
        }
        return "";
    }

    @Test
    void declaredReplicaSet_hasItsPodsSpreadOverTheNamedNodes_allReadyAtStart() {
        List<JsonNode> web = pods("web", "app%3Dweb");

        assertThat(web).extracting(p -> p.path("spec").path("nodeName").asText())
                .containsExactlyInAnyOrder("node-1", "node-2", "node-3");
        assertThat(web).allMatch(ApiObjects::isReady);
        assertThat(web).allMatch(p -> p.path("metadata").path("name").asText().matches("web-[a-z0-9]{5}"));
        assertThat(web.getFirst().path("metadata").path("ownerReferences").get(0).path("uid").asText())
                .isEqualTo(ApiObjects.uid("ReplicaSet", "web", "web"));
        JsonNode rs = api.get("/apis/apps/v1/namespaces/web/replicasets/web").body();
        assertThat(rs.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(rs.path("status").path("readyReplicas").asInt()).isEqualTo(3);
    }

    @Test
    void evictedReplicaSetPod_isReplacedAfterTheDelayOnTheLeastLoadedReadySchedulableNode_readyAfterItsReadinessDelay() {
        String evicted = podOn("web", "app%3Dweb", "node-1");

        int status = api.evict("web", evicted).status();
        clock.advance(Duration.ofSeconds(4));
        int before = pods("web", "app%3Dweb").size();
        clock.advance(Duration.ofSeconds(1));
        JsonNode replacement = notTerminating(pods("web", "app%3Dweb")).stream()
                .filter(p -> !ApiObjects.isReady(p)).findFirst().orElseThrow();
        clock.advance(Duration.ofSeconds(9));
        boolean readyAt9s = ApiObjects.isReady(emulator.pod("web", name(replacement)).orElseThrow());
        clock.advance(Duration.ofSeconds(1));
        JsonNode ready = emulator.pod("web", name(replacement)).orElseThrow();

        assertThat(status).isEqualTo(201);
        assertThat(before).isEqualTo(3);
        assertThat(name(replacement)).isNotEqualTo(evicted).startsWith("web-");
        // node-1 holds the evicted (terminating) pod, db-0 and the others; node-3 has the fewest pods
        assertThat(replacement.path("spec").path("nodeName").asText()).isEqualTo("node-3");
        assertThat(replacement.path("metadata").path("creationTimestamp").asText()).isEqualTo("2026-11-25T09:00:05Z");
        assertThat(condition(replacement, "PodScheduled", "status")).isEqualTo("True");
        assertThat(readyAt9s).isFalse();
        assertThat(ApiObjects.isReady(ready)).isTrue();
        assertThat(emulator.evictionsPerWorkload()).containsExactly(Map.entry("ReplicaSet/web/web", 1));
    }

    @Test
    void replacement_avoidsCordonedTaintedAndNotReadyNodes_evenWhenTheyAreEmpty() {
        // every ordinary node gets busier than the three empty ones: still none of them is chosen
        List<String> nodesOfReplacements = new java.util.ArrayList<>();
        for (String node : List.of("node-1", "node-2", "node-3")) {
            String evicted = podOn("api", "app%3Dapi", node);
            assertThat(api.delete("/api/v1/namespaces/api/pods/" + evicted).status()).isEqualTo(200);
        }
        for (JsonNode pod : pods("api", "app%3Dapi")) {
            nodesOfReplacements.add(pod.path("spec").path("nodeName").asText());
        }

        assertThat(nodesOfReplacements).hasSize(5).allMatch(n -> n.startsWith("node-"));
    }

    @Test
    void podThatToleratesTheTaint_mayLandOnTheTaintedNode() {
        api.patch("/api/v1/nodes/node-2", "application/merge-patch+json", "{\"spec\":{\"unschedulable\":true}}");
        api.patch("/api/v1/nodes/node-3", "application/merge-patch+json", "{\"spec\":{\"unschedulable\":true}}");
        String evicted = podOn("batch", "app%3Dbatch", "node-1");

        api.evict("batch", evicted);
        JsonNode replacement = notTerminating(pods("batch", "app%3Dbatch")).getFirst();

        // node-1 carries every other workload; the tainted node is empty and this pod tolerates its taint
        assertThat(replacement.path("spec").path("nodeName").asText()).isEqualTo("tainted");
        assertThat(replacement.path("spec").path("tolerations").get(0).path("key").asText()).isEqualTo("dedicated");
    }

    @Test
    void budgetWithMaxUnavailableOne_allowsOneEvictionAtATime_429UntilTheReplacementIsReady() {
        List<String> names = pods("web", "app%3Dweb").stream().map(WorkloadControllerTest::name).toList();

        int first = api.evict("web", names.get(0)).status();
        int secondAtOnce = api.evict("web", names.get(1)).status();
        clock.advance(Duration.ofSeconds(5));                 // the replacement exists, not yet Ready
        JsonNode budget = api.get("/apis/policy/v1/namespaces/web/poddisruptionbudgets/web").body();
        int secondWhileReplacementStarts = api.evict("web", names.get(1)).status();
        clock.advance(Duration.ofSeconds(10));                // the replacement is Ready
        int secondOnceReady = api.evict("web", names.get(1)).status();
        int thirdAtOnce = api.evict("web", names.get(2)).status();

        assertThat(List.of(first, secondAtOnce, secondWhileReplacementStarts, secondOnceReady, thirdAtOnce))
                .containsExactly(201, 429, 429, 201, 429);
        assertThat(budget.path("status").path("expectedPods").asInt()).isEqualTo(3);
        assertThat(budget.path("status").path("currentHealthy").asInt()).isEqualTo(2);
        assertThat(budget.path("status").path("disruptionsAllowed").asInt()).isZero();
        assertThat(emulator.budgetViolations()).isZero();
        assertThat(emulator.evictionsPerWorkload()).containsExactly(Map.entry("ReplicaSet/web/web", 2));
    }

    @Test
    void budgetWithMinAvailableEightyPercent_ofFive_allowsOneEvictionUntilTheReplacementIsReady() {
        List<String> names = pods("api", "app%3Dapi").stream().map(WorkloadControllerTest::name).toList();

        int first = api.evict("api", names.get(0)).status();
        int second = api.evict("api", names.get(1)).status();
        clock.advance(Duration.ofSeconds(10));
        int secondOnceReady = api.evict("api", names.get(1)).status();
        JsonNode budget = api.get("/apis/policy/v1/namespaces/api/poddisruptionbudgets/api").body();

        assertThat(List.of(first, second, secondOnceReady)).containsExactly(201, 429, 201);
        assertThat(budget.path("status").path("desiredHealthy").asInt()).isEqualTo(4);
        assertThat(budget.path("status").path("expectedPods").asInt()).isEqualTo(5);
        assertThat(emulator.budgetViolations()).isZero();
    }

    @Test
    void statefulSetOrdinal_isRecreatedWithTheSameNameOnlyAfterTheOldPodIsGone() {
        String oldUid = emulator.pod("data", "db-0").orElseThrow().path("metadata").path("uid").asText();

        api.evict("data", "db-0");
        clock.advance(Duration.ofSeconds(14));
        boolean stillTerminating = ApiObjects.isDeleting(emulator.pod("data", "db-0").orElseThrow());
        clock.advance(Duration.ofSeconds(1));                 // grace over: gone
        boolean goneAt15s = emulator.pod("data", "db-0").isEmpty();
        clock.advance(Duration.ofSeconds(3));                 // recreate delay
        JsonNode recreated = emulator.pod("data", "db-0").orElseThrow();
        clock.advance(Duration.ofSeconds(20));

        assertThat(stillTerminating).isTrue();
        assertThat(pods("data", "app%3Ddb")).hasSize(2);
        assertThat(goneAt15s).isTrue();
        assertThat(recreated.path("metadata").path("uid").asText()).isNotEqualTo(oldUid);
        assertThat(recreated.path("metadata").path("creationTimestamp").asText()).isEqualTo("2026-11-25T09:00:18Z");
        assertThat(ApiObjects.isReady(recreated)).isFalse();
        assertThat(ApiObjects.isReady(emulator.pod("data", "db-0").orElseThrow())).isTrue();
        assertThat(api.get("/apis/apps/v1/namespaces/data/statefulsets/db").body()
                .path("status").path("readyReplicas").asInt()).isEqualTo(2);
    }

    @Test
    void noNodeFits_thePodStaysPendingUnschedulable_andIsScheduledOnceANodeIsUncordoned() {
        for (String node : List.of("node-1", "node-2", "node-3")) {
            api.patch("/api/v1/nodes/" + node, "application/merge-patch+json", "{\"spec\":{\"unschedulable\":true}}");
        }
        api.evict("web", podOn("web", "app%3Dweb", "node-1"));
        clock.advance(Duration.ofSeconds(5));
        JsonNode pending = notTerminating(pods("web", "app%3Dweb")).stream()
                .filter(p -> ApiObjects.phase(p).equals("Pending")).findFirst().orElseThrow();
        clock.advance(Duration.ofSeconds(60));

        Reply uncordon = api.patch("/api/v1/nodes/cordoned", "application/merge-patch+json",
                "{\"spec\":{\"unschedulable\":null}}");
        JsonNode scheduled = emulator.pod("web", name(pending)).orElseThrow();
        clock.advance(Duration.ofSeconds(10));

        assertThat(pending.path("spec").has("nodeName")).isFalse();
        assertThat(condition(pending, "PodScheduled", "status")).isEqualTo("False");
        assertThat(condition(pending, "PodScheduled", "reason")).isEqualTo("Unschedulable");
        assertThat(uncordon.status()).isEqualTo(200);
        assertThat(scheduled.path("spec").path("nodeName").asText()).isEqualTo("cordoned");
        assertThat(ApiObjects.phase(scheduled)).isEqualTo("Running");
        assertThat(ApiObjects.isReady(scheduled)).isFalse();
        assertThat(ApiObjects.isReady(emulator.pod("web", name(pending)).orElseThrow())).isTrue();
    }

    @Test
    void pendingStatefulSetPodThatIsDeleted_isRecreatedOnce_andBoundWhenANodeIsUncordoned() {
        for (String node : List.of("node-1", "node-2", "node-3")) {
            api.patch("/api/v1/nodes/" + node, "application/merge-patch+json", "{\"spec\":{\"unschedulable\":true}}");
        }
        api.delete("/api/v1/namespaces/data/pods/db-0?gracePeriodSeconds=0");
        clock.advance(Duration.ofSeconds(3));
        JsonNode pending = emulator.pod("data", "db-0").orElseThrow();

        api.delete("/api/v1/namespaces/data/pods/db-0");      // an unbound pod goes at once
        clock.advance(Duration.ofSeconds(3));
        JsonNode pendingAgain = emulator.pod("data", "db-0").orElseThrow();
        api.patch("/api/v1/nodes/node-2", "application/merge-patch+json", "{\"spec\":{\"unschedulable\":null}}");
        JsonNode bound = emulator.pod("data", "db-0").orElseThrow();

        assertThat(ApiObjects.phase(pending)).isEqualTo("Pending");
        assertThat(ApiObjects.phase(pendingAgain)).isEqualTo("Pending");
        assertThat(pendingAgain.path("metadata").path("uid").asText())
                .isNotEqualTo(pending.path("metadata").path("uid").asText());
        assertThat(bound.path("spec").path("nodeName").asText()).isEqualTo("node-2");
        assertThat(bound.path("metadata").path("uid")).isEqualTo(pendingAgain.path("metadata").path("uid"));
        assertThat(pods("data", "app%3Ddb")).extracting(WorkloadControllerTest::name).containsExactly("db-0", "db-1");
    }

    @Test
    void podOwnedByAReplicaSetTheScenarioDoesNotDeclare_isNotReplaced() {
        api.evict("web", "legacy-7c9d-a");
        clock.advance(Duration.ofMinutes(5));

        assertThat(pods("web", "app%3Dlegacy")).isEmpty();
        assertThat(api.get("/apis/apps/v1/namespaces/web/replicasets/legacy-7c9d").status()).isEqualTo(200);
    }

    @Test
    void replicaSetCreatedThroughTheApi_getsItsPodsScheduled_isListed_andItsDeletionDeletesThemWithoutReplacement() {
        Reply created = api.post("/apis/apps/v1/namespaces/shop/replicasets", """
                {"apiVersion":"apps/v1","kind":"ReplicaSet",
                 "metadata":{"name":"cart","annotations":{"emulator.gracefulworker.dev/ready-after-seconds":"5"}},
                 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"cart"}},
                         "template":{"metadata":{"labels":{"app":"cart"}},
                                     "spec":{"containers":[{"name":"cart","image":"cart:1"}]}}}}""");
        Reply again = api.post("/apis/apps/v1/namespaces/shop/replicasets", """
                {"metadata":{"name":"cart"},"spec":{"template":{"metadata":{"labels":{"app":"cart"}}}}}""");
        List<JsonNode> cart = pods("shop", "app%3Dcart");
        clock.advance(Duration.ofSeconds(5));
        Reply listed = api.get("/apis/apps/v1/replicasets");
        Reply deleted = api.delete("/apis/apps/v1/namespaces/shop/replicasets/cart");
        clock.advance(Duration.ofMinutes(1));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("kind").asText()).isEqualTo("ReplicaSet");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("reason").asText()).isEqualTo("AlreadyExists");
        assertThat(cart).hasSize(2).allMatch(p -> p.path("spec").path("nodeName").asText().startsWith("node-"))
                .noneMatch(ApiObjects::isReady);
        assertThat(listed.body().path("kind").asText()).isEqualTo("ReplicaSetList");
        assertThat(listed.body().path("items").valueStream().map(i -> i.path("metadata").path("name").asText()))
                .contains("cart", "web", "api", "legacy-7c9d");
        assertThat(listed.body().path("items").valueStream()
                .filter(i -> i.path("metadata").path("name").asText().equals("cart")).findFirst().orElseThrow()
                .path("status").path("readyReplicas").asInt()).isEqualTo(2);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(pods("shop", "app%3Dcart")).isEmpty();
        assertThat(api.get("/apis/apps/v1/namespaces/shop/replicasets/cart").status()).isEqualTo(404);
    }

    @Test
    void workloadOnAnUndeclaredNode_isRejected() {
        assertThatThrownBy(() -> Scenario.parse("""
                replicaSets: [{name: web, nodes: [nowhere]}]"""))
                .hasMessageContaining("workload default/web spreads over node nowhere, which the scenario does not declare");
    }

    @Test
    void fleetOfFiftyNodes_withAThousandPods_isDeclaredInAFewLines() {
        StringBuilder yaml = new StringBuilder("nodes:\n");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            yaml.append("  - {name: n-").append(i).append("}\n");
            names.append(i == 0 ? "" : ", ").append("n-").append(i);
        }
        yaml.append("replicaSets:\n  - {name: web, replicas: 1000, nodes: [").append(names).append("]}\n");

        try (KubeEmulator fleet = KubeEmulator.start(Scenario.parse(yaml.toString()), clock)) {
            assertThat(fleet.pods()).hasSize(1000);
            assertThat(ApiCall.to(fleet).get("/api/v1/pods?fieldSelector=spec.nodeName%3Dn-7").body()
                    .path("items")).hasSize(20);
        }
    }

    private static String name(JsonNode pod) {
        return pod.path("metadata").path("name").asText();
    }
}
