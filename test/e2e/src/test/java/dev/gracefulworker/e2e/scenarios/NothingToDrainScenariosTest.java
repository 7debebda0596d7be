package dev.gracefulworker.e2e.scenarios;

import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.statemachine.WorkflowStates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance that is already gone, or a node the cluster does not have: a deliberate outcome, the cluster untouched. */
class NothingToDrainScenariosTest {

    private static final String NODE_WITH_A_POD = """
            nodes:
              - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
            pods:
              - {name: web-a, namespace: web, node: ip-10-0-1-23.eu-west-1.compute.internal, labels: {app: web},
                 owner: {kind: ReplicaSet, name: web-5d8f7b}}
            """;

    @Test
    void instanceAlreadyTerminated_completesWithNothingToDrain_andLeavesTheClusterAlone() {
        LocalScenario scenario = LocalScenario.parse(NODE_WITH_A_POD + """
                instances:
                  - {id: i-0a1b2c3d4e5f60718, state: terminated, privateDnsName: ip-10-0-1-23.eu-west-1.compute.internal}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.statesEntered()).contains(WorkflowStates.COMPLETE_NOTHING_TO_DRAIN)
                    .doesNotContain(WorkflowStates.CORDON_NODE, WorkflowStates.CHECK_PODS);
            assertThat(result.output().path("outcome").asText()).isEqualTo("nothingToDrain");
            assertThat(result.output().path("reason").asText()).isEqualTo("instance is terminated");
            assertClusterUntouched(environment.kube().orElseThrow());
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void nodeNotInTheCluster_completesWithNothingToDrain() {
        LocalScenario scenario = LocalScenario.parse("""
                nodes:
                  - {name: ip-10-0-2-45.eu-west-1.compute.internal, providerID: "aws:///eu-west-1b/i-0b2c3d4e5f6071829"}
                instances:
                  - {id: i-0a1b2c3d4e5f60718, state: running, privateDnsName: ip-10-0-1-23.eu-west-1.compute.internal}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("nothingToDrain");
            assertThat(result.output().path("reason").asText())
                    .isEqualTo("no node for instance i-0a1b2c3d4e5f60718 in the cluster");
            assertThat(result.output().path("nodeName").isNull()).isTrue();
            assertClusterUntouched(environment.kube().orElseThrow());
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }

    private static void assertClusterUntouched(KubeEmulator kube) {
        assertThat(kube.requests()).allMatch(request -> request.method().equals("GET"));
        assertThat(kube.evictions()).isEmpty();
    }
}
