package dev.gracefulworker.e2e.scenarios;

import static dev.gracefulworker.e2e.scenarios.DrainScenariosTest.assertCompletedOnce;
import static dev.gracefulworker.e2e.scenarios.SavedEvents.NODE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.WorkflowFunction;
import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.lambda.Invocation;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.statemachine.WorkflowStates;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Issue 13 through the exported definition: dead kubelets, ordered eviction, volumes, and a big node on a slow API. */
class KarpenterStyleDrainScenariosTest {

    private static final String NODES = """
            nodes:
              - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"%s}
              - {name: ip-10-0-2-45.eu-west-1.compute.internal, providerID: "aws:///eu-west-1b/i-0b2c3d4e5f6071829"}
            """;

    private static ExecutionResult run(LocalEnvironment environment) {
        return environment.execute(SavedEvents.terminating(), event -> { });
    }

    private static JsonNode lastPoll(ExecutionResult result) {
        return result.lastOutputOf(WorkflowStates.CHECK_PODS).path("poll");
    }

    @Test
    void deadKubelet_podStuckTerminating_isLetGoAfterGracePlusSkew_andTheNodeDrained() {
        LocalScenario scenario = LocalScenario.parse(NODES.formatted(", notReadyAfterSeconds: 0") + """
                pods:
                  - {name: web-a, namespace: web, node: %s, owner: {kind: ReplicaSet, name: web-5d8f7b},
                     terminationGracePeriodSeconds: 30}
                """.formatted(NODE_NAME));

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = run(environment);

            KubeEmulator kube = environment.kube().orElseThrow();
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            // evicted at 0 s, grace over at 30 s, skew 60 s: let go by the poll at 90 s (polls every 15 s)
            assertThat(result.output().path("polls").asInt()).isEqualTo(7);
            assertThat(result.output().path("durationSeconds").asLong()).isEqualTo(90);
            assertThat(lastPoll(result).path("warnings")).extracting(JsonNode::asText).containsExactly(
                    "web/web-a (stuck terminating (kubelet not responding), 60 s past its grace period)");
            assertThat(kube.evictions()).containsExactly("web/web-a 201");
            assertThat(kube.pod("web", "web-a").orElseThrow().at("/metadata/deletionTimestamp").isTextual()).isTrue();
            assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void criticalPods_areEvictedAfterTheOthers_asTheApiServerRecordsIt() {
        LocalScenario scenario = LocalScenario.parse(NODES.formatted("") + """
                pods:
                  - {name: coredns-6b9d-x, namespace: kube-system, node: %1$s, owner: {kind: ReplicaSet, name: coredns-6b9d},
                     priorityClassName: system-cluster-critical, terminationGracePeriodSeconds: 5}
                  - {name: metrics-server-1, namespace: kube-system, node: %1$s, owner: {kind: ReplicaSet, name: metrics-server},
                     priorityClassName: system-node-critical, terminationGracePeriodSeconds: 5}
                  - {name: web-a, namespace: web, node: %1$s, owner: {kind: ReplicaSet, name: web-5d8f7b}, terminationGracePeriodSeconds: 20}
                  - {name: api-a, namespace: shop, node: %1$s, owner: {kind: ReplicaSet, name: api-7f}, terminationGracePeriodSeconds: 10}
                  - {name: ebs-csi-node-x, namespace: kube-system, node: %1$s, owner: {kind: DaemonSet, name: ebs-csi-node},
                     priorityClassName: system-node-critical}
                """.formatted(NODE_NAME));

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = run(environment);

            KubeEmulator kube = environment.kube().orElseThrow();
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(kube.evictions()).hasSize(4);
            assertThat(kube.evictions().subList(0, 2)).containsExactlyInAnyOrder("shop/api-a 201", "web/web-a 201");
            assertThat(kube.evictions().subList(2, 4))
                    .containsExactlyInAnyOrder("kube-system/coredns-6b9d-x 201", "kube-system/metrics-server-1 201");
            assertThat(kube.pod("kube-system", "ebs-csi-node-x")).isPresent();
            JsonNode firstPoll = result.events().stream()
                    .filter(e -> e instanceof dev.gracefulworker.e2e.interpreter.ExecutionEvent.StateExited exited
                            && exited.stateName().equals(WorkflowStates.CHECK_PODS))
                    .map(e -> ((dev.gracefulworker.e2e.interpreter.ExecutionEvent.StateExited) e).output().path("poll"))
                    .findFirst().orElseThrow();
            assertThat(firstPoll.path("blockingPods")).extracting(JsonNode::asText).contains(
                    "kube-system/coredns-6b9d-x (critical (system-cluster-critical): evicted once the 2 other pods are gone)");
            assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void volumeAttachedFor90Seconds_delaysCompletionByAboutThat() {
        String statefulPod = """
                pods:
                  - {name: db-0, namespace: db, node: %1$s, owner: {kind: StatefulSet, name: db}, terminationGracePeriodSeconds: 10}
                """.formatted(NODE_NAME);
        LocalScenario withVolume = LocalScenario.parse(NODES.formatted("") + statefulPod + """
                volumeAttachments:
                  - {name: csi-5f1e, node: %1$s, persistentVolumeName: pvc-db-0, detachesAfterSeconds: 90}
                  - {name: csi-77aa, node: ip-10-0-2-45.eu-west-1.compute.internal, persistentVolumeName: pvc-other}
                """.formatted(NODE_NAME));
        LocalScenario withoutVolume = LocalScenario.parse(NODES.formatted("") + statefulPod);

        long withVolumeSeconds;
        try (LocalEnvironment environment = LocalEnvironment.emulated(withVolume)) {
            ExecutionResult result = run(environment);
            withVolumeSeconds = result.output().path("durationSeconds").asLong();
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(environment.kube().orElseThrow().volumeAttachments())
                    .extracting(a -> a.at("/spec/nodeName").asText()).doesNotContain(NODE_NAME);
            assertCompletedOnce(environment, "CONTINUE");
        }
        long withoutVolumeSeconds;
        try (LocalEnvironment environment = LocalEnvironment.emulated(withoutVolume)) {
            withoutVolumeSeconds = run(environment).output().path("durationSeconds").asLong();
        }

        assertThat(withoutVolumeSeconds).isEqualTo(15);
        assertThat(withVolumeSeconds).isEqualTo(90);
    }

    @Test
    void fiveHundredPodsAt150MsPerRequest_drainWithEveryPollInsideItsTimeout_andExactly500Evictions() {
        String pods = IntStream.range(0, 500).mapToObj(i -> """
                  - {name: worker-%03d, namespace: batch, node: %s, owner: {kind: ReplicaSet, name: worker-6d5f},
                     terminationGracePeriodSeconds: 30}
                """.formatted(i, NODE_NAME)).collect(Collectors.joining());
        LocalScenario scenario = LocalScenario.parse(NODES.formatted("") + "latencyMillis: 150\npods:\n" + pods);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = run(environment);

            KubeEmulator kube = environment.kube().orElseThrow();
            List<Duration> checks = environment.lambda().invocations().stream()
                    .filter(i -> i.functionName().equals(WorkflowFunction.CHECK_PODS.placeholderName()))
                    .map(Invocation::took).toList();
            System.out.printf("500 pods at 150 ms: %d polls, Check pods took %s, %d evictions, %d s%n",
                    result.output().path("polls").asInt(), checks, kube.evictions().size(),
                    result.output().path("durationSeconds").asLong());
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(kube.evictions()).hasSize(500).allMatch(e -> e.endsWith(" 201"));
            assertThat(kube.evictions().stream().distinct()).hasSize(500);
            assertThat(checks).allMatch(took -> took.compareTo(Duration.ofSeconds(
                    WorkflowFunction.CHECK_PODS.functionTimeoutSeconds())) < 0);
            assertThat(result.timesEntered(WorkflowStates.CHECK_PODS)).isEqualTo(checks.size());
            assertCompletedOnce(environment, "CONTINUE");
        }
    }
}
