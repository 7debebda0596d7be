package dev.gracefulworker.e2e.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.emulator.aws.LifecycleAction;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.statemachine.WorkflowStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.gracefulworker.e2e.scenarios.SavedEvents.INSTANCE_ID;
import static dev.gracefulworker.e2e.scenarios.SavedEvents.NODE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** The exported definition, run with the real handlers, through the drain paths that end in a completed action. */
class DrainScenariosTest {

    private static final String NODES = """
            nodes:
              - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
              - {name: ip-10-0-2-45.eu-west-1.compute.internal, providerID: "aws:///eu-west-1b/i-0b2c3d4e5f6071829"}
            """;

    private static final String REPORT_JOB_POD = """
              - name: report-runner-7f9c
                namespace: batch
                node: ip-10-0-1-23.eu-west-1.compute.internal
                labels: {app: report-runner}
                owner: {kind: Job, name: report-runner}
            """;

    @Test
    void nodeWithNothingToWaitFor_isCompletedOnTheFirstPoll() {
        LocalScenario scenario = LocalScenario.parse(NODES + """
                pods:
                  - {name: aws-node-x7k2p, namespace: kube-system, node: ip-10-0-1-23.eu-west-1.compute.internal, owner: {kind: DaemonSet, name: aws-node}}
                  - {name: export-done, namespace: batch, node: ip-10-0-1-23.eu-west-1.compute.internal, phase: Succeeded}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(result.output().path("polls").asInt()).isEqualTo(1);
            assertThat(result.timesEntered(WorkflowStates.CHECK_PODS)).isEqualTo(1);
            assertThat(result.timesEntered(WorkflowStates.WAIT_BEFORE_NEXT_CHECK)).isZero();
            assertThat(cordoned(environment.kube().orElseThrow())).isTrue();
            assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void watchedPodEndingAfterThreePolls_isHeartbeatedWhenDue_thenTheActionIsCompleted() {
        // a heartbeat is due when the next check would start more than half the 300 s timeout after the last one
        LocalScenario scenario = LocalScenario.parse(NODES + """
                settings:
                  waitForPods: [{namespace: batch, labelSelector: app=report-runner}]
                  heartbeatTimeoutSeconds: 300
                  pollIntervalSeconds: 75
                  maxPollIntervalSeconds: 75
                pods:
                """ + REPORT_JOB_POD + """
                    finishesAfterPolls: 3
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            // checks at 0 s (0 + 75 < 150: not due), 75 s and 150 s (due), then drained at 225 s
            assertThat(result.output().path("heartbeats").asInt()).isEqualTo(2);
            assertThat(result.output().path("podsWaitedFor").asInt()).isEqualTo(1);
            assertThat(result.timesEntered(WorkflowStates.WAIT_BEFORE_NEXT_CHECK)).isEqualTo(3);
            LifecycleAction action = assertCompletedOnce(environment, "CONTINUE");
            // and the one "Keep the hook alive" records before the node is cordoned
            assertThat(action.heartbeats()).isEqualTo(3);
            assertThat(environment.kube().orElseThrow().pod("batch", "report-runner-7f9c").orElseThrow()
                    .at("/status/phase").asText()).isEqualTo("Succeeded");
        }
    }

    @ParameterizedTest(name = "onTimeout {0}")
    @ValueSource(strings = {"CONTINUE", "ABANDON"})
    void watchedPodThatNeverEnds_reachesTheDeadline_andTheActionIsCompletedWithTheOnTimeoutResult(String onTimeout) {
        LocalScenario scenario = LocalScenario.parse(NODES + """
                settings:
                  waitForPods: [{namespace: batch, labelSelector: app=report-runner}]
                  maxWaitSeconds: 60
                  onTimeout: %s
                pods:
                """.formatted(onTimeout) + REPORT_JOB_POD);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.statesEntered()).contains(WorkflowStates.COMPLETE_MAX_WAIT_REACHED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("timeout");
            assertThat(result.output().path("result").asText()).isEqualTo(onTimeout);
            assertThat(result.output().path("durationSeconds").asLong()).isEqualTo(60);
            assertCompletedOnce(environment, onTimeout);
            assertThat(environment.kube().orElseThrow().pod("batch", "report-runner-7f9c")).isPresent();
        }
    }

    @Test
    void podDisruptionBudgetAllowingNoDisruption_holdsTheEvictionBack_untilTheBudgetAllowsIt_thenCompleted() {
        LocalScenario scenario = LocalScenario.parse(NODES + """
                pods:
                  - {name: web-a, namespace: web, node: ip-10-0-1-23.eu-west-1.compute.internal, labels: {app: web},
                     owner: {kind: ReplicaSet, name: web-5d8f7b}, terminationGracePeriodSeconds: 10}
                  # the replacement becomes ready after 40 s: until then the budget allows no disruption
                  - {name: web-b, namespace: web, node: ip-10-0-2-45.eu-west-1.compute.internal, labels: {app: web},
                     owner: {kind: ReplicaSet, name: web-5d8f7b}, readyAfterSeconds: 40}
                podDisruptionBudgets:
                  - {name: web, namespace: web, selector: {matchLabels: {app: web}}, minAvailable: 1}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            KubeEmulator kube = environment.kube().orElseThrow();
            // Check pods reads the budget's status first, so the eviction is asked for once, when it can succeed.
            assertThat(kube.evictions()).containsExactly("web/web-a 201");
            assertThat(environment.metrics().total(Metric.EvictionsBlocked)).isPositive();
            assertThat(kube.pod("web", "web-a")).isEmpty();
            assertThat(kube.pod("web", "web-b")).isPresent();
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void terminationIntoTheWarmPool_drainsTheNode_butKeepsTheNodeObject() {
        LocalScenario scenario = LocalScenario.parse(NODES + """
                pods:
                  - {name: web-a, namespace: web, node: ip-10-0-1-23.eu-west-1.compute.internal, labels: {app: web},
                     owner: {kind: ReplicaSet, name: web-5d8f7b}, terminationGracePeriodSeconds: 10}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.read("lifecycle-terminating-to-warm-pool.json"),
                    event -> { });

            KubeEmulator kube = environment.kube().orElseThrow();
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(kube.evictions()).containsExactly("web/web-a 201");
            assertThat(kube.node(NODE_NAME)).isPresent();
            assertThat(kube.requests()).noneMatch(request -> request.method().equals("DELETE")
                    && request.path().startsWith("/api/v1/nodes"));
            assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void dryRun_changesNothingInTheCluster_completesNothing_andReportsTheWouldBeActions() {
        LocalScenario scenario = LocalScenario.parse(NODES + """
                settings: {dryRun: true}
                pods:
                  - {name: web-a, namespace: web, node: ip-10-0-1-23.eu-west-1.compute.internal, labels: {app: web},
                     owner: {kind: ReplicaSet, name: web-5d8f7b}}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            KubeEmulator kube = environment.kube().orElseThrow();
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("dryRun").asBoolean()).isTrue();
            assertThat(result.lastOutputOf(WorkflowStates.CORDON_NODE).at("/cordon/action").asText())
                    .isEqualTo("WOULD_CORDON");
            assertThat(result.lastOutputOf(WorkflowStates.COMPLETE_DRAINED).at("/completion/action").asText())
                    .isEqualTo("DRY_RUN");
            assertThat(cordoned(kube)).isFalse();
            assertThat(kube.evictions()).isEmpty();
            assertThat(kube.requests()).allMatch(request -> request.method().equals("GET"));
            LifecycleAction action = environment.aws().autoScaling().action(INSTANCE_ID).orElseThrow();
            assertThat(action.state()).isEqualTo(LifecycleAction.State.PENDING);
            assertThat(environment.aws().calls("CompleteLifecycleAction")).isEmpty();
        }
    }

    static boolean cordoned(KubeEmulator kube) {
        JsonNode node = kube.node(NODE_NAME).orElseThrow();
        return node.at("/spec/unschedulable").asBoolean(false);
    }

    static LifecycleAction assertCompletedOnce(LocalEnvironment environment, String result) {
        LifecycleAction action = environment.aws().autoScaling().action(INSTANCE_ID).orElseThrow();
        assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
        assertThat(action.result()).isEqualTo(result);
        assertThat(action.completeCalls()).isEqualTo(1);
        return action;
    }
}
