package dev.gracefulworker.e2e.scenarios;

import static dev.gracefulworker.e2e.scenarios.DrainScenariosTest.assertCompletedOnce;
import static dev.gracefulworker.e2e.scenarios.SavedEvents.NODE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.interpreter.ExecutionEvent;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.RecordedRequest;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.statemachine.WorkflowStates;
import org.junit.jupiter.api.Test;

/** Issue 13's opt-in settings through the exported definition: the forced deadline, and waiting for unreplaceable pods. */
class DeadlineAndUnreplaceableScenariosTest {

    private static final String NODE = """
            nodes:
              - {name: %s, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
            """.formatted(NODE_NAME);

    /** A web pod whose PodDisruptionBudget never allows a disruption (minAvailable 1 of 1). */
    private static final String BLOCKED_BY_ITS_PDB = """
            pods:
              - {name: web-a, namespace: web, node: %s, labels: {app: web}, owner: {kind: ReplicaSet, name: web-5d8f7b},
                 terminationGracePeriodSeconds: 30}
            podDisruptionBudgets:
              - {name: web, namespace: web, selector: {matchLabels: {app: web}}, minAvailable: 1}
            """.formatted(NODE_NAME);

    @Test
    void pdbThatNeverAllows_endsInTimeout_byDefault() {
        LocalScenario scenario = LocalScenario.parse(NODE + BLOCKED_BY_ITS_PDB + """
                settings: {maxWaitSeconds: 300}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.output().path("outcome").asText()).isEqualTo("timeout");
            assertThat(deletions(environment.kube().orElseThrow())).isZero();
            assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void forceDeleteBeforeDeadline_deletesThePodInTimeForItsGracePeriod_andTheDrainEndsDrainedAtTheDeadline() {
        LocalScenario scenario = LocalScenario.parse(NODE + BLOCKED_BY_ITS_PDB + """
                settings: {maxWaitSeconds: 300, forceDeleteBeforeDeadline: true}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            KubeEmulator kube = environment.kube().orElseThrow();
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(result.output().path("durationSeconds").asLong()).isLessThanOrEqualTo(300);
            assertThat(deletions(kube)).isEqualTo(1);
            // the budget never allows a disruption, so no eviction is ever asked for: the deadline deletes the pod
            assertThat(kube.evictions()).isEmpty();
            assertThat(kube.pod("web", "web-a")).isEmpty();
            assertThat(environment.metrics().total(Metric.PodsForceDeleted)).isEqualTo(1);
            assertThat(result.events().stream()
                    .filter(event -> event instanceof ExecutionEvent.StateExited exited
                            && exited.stateName().equals(WorkflowStates.CHECK_PODS))
                    .map(event -> ((ExecutionEvent.StateExited) event).output()
                            .path("poll").path("warnings").toString()))
                    .anySatisfy(warnings -> assertThat(warnings).contains("web/web-a (force-deleted before the deadline"));
            assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void unreplaceablePods_areEvictedWithAWarning_byDefault_orWaitedFor_withWaitForUnreplaceablePods() {
        String pods = """
                pods:
                  - {name: debug, namespace: default, node: %1$s, finishesAfterSeconds: 60}
                  - {name: cache-a, namespace: web, node: %1$s, owner: {kind: ReplicaSet, name: cache-7f}, emptyDir: true,
                     finishesAfterSeconds: 30}
                """.formatted(NODE_NAME);

        try (LocalEnvironment evicting = LocalEnvironment.emulated(LocalScenario.parse(NODE + pods))) {
            ExecutionResult result = evicting.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(evicting.kube().orElseThrow().evictions()).containsExactlyInAnyOrder("default/debug 201",
                    "web/cache-a 201");
            assertThat(firstPoll(result).path("warnings").toString()).contains("will not be recreated",
                    "emptyDir local data lost");
        }
        try (LocalEnvironment waiting = LocalEnvironment.emulated(LocalScenario.parse(NODE + pods + """
                settings: {waitForUnreplaceablePods: true}
                """))) {
            ExecutionResult result = waiting.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(waiting.kube().orElseThrow().evictions()).isEmpty();
            assertThat(firstPoll(result).path("blockingPods").toString()).contains(
                    "default/debug (would not be recreated (no controller): waited for (waitForUnreplaceablePods))",
                    "web/cache-a (emptyDir data would be lost: waited for (waitForUnreplaceablePods))");
            assertThat(result.output().path("durationSeconds").asLong()).isGreaterThanOrEqualTo(60);
            assertCompletedOnce(waiting, "CONTINUE");
        }
    }

    private static JsonNode firstPoll(ExecutionResult result) {
        return result.events().stream()
                .filter(event -> event instanceof ExecutionEvent.StateExited exited
                        && exited.stateName().equals(WorkflowStates.CHECK_PODS))
                .map(event -> ((ExecutionEvent.StateExited) event).output().path("poll"))
                .findFirst().orElseThrow();
    }

    private static long deletions(KubeEmulator kube) {
        return kube.requests().stream()
                .filter(request -> request.method().equals("DELETE") && request.path().contains("/pods/"))
                .map(RecordedRequest::status).filter(status -> status < 300).count();
    }
}
