package dev.gracefulworker.e2e.scenarios;

import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.Pacing;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.gracefulworker.e2e.scenarios.SavedEvents.INSTANCE_ID;
import static dev.gracefulworker.e2e.scenarios.SavedEvents.NODE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --kubeconfig}: the workflow against a cluster it reaches only through a kubeconfig (a separately started
 * emulator stands in for kind here), EC2 answered from the nodes' providerIDs, Auto Scaling recorded locally.
 */
class RealClusterModeTest {

    @Test
    void clusterReachedThroughAKubeconfig_isDrained_andTheCompletionIsRecordedLocally(@TempDir Path directory) {
        LocalScenario scenario = LocalScenario.parse("""
                settings:
                  waitForPods: [{namespace: batch, labelSelector: app=report-runner}]
                nodes:
                  - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
                pods:
                  - {name: report-runner-7f9c, namespace: batch, node: ip-10-0-1-23.eu-west-1.compute.internal,
                     labels: {app: report-runner}, owner: {kind: Job, name: report-runner}, finishesAfterPolls: 2}
                """);
        try (KubeEmulator cluster = KubeEmulator.start(scenario.cluster());
             LocalEnvironment environment = LocalEnvironment.againstCluster(
                     cluster.writeKubeconfig(directory.resolve("kubeconfig")), scenario, Pacing.SHORTENED)) {

            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(environment.kube()).isEmpty();
            assertThat(environment.aws().ec2().state(INSTANCE_ID)).contains("running");
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(result.output().path("polls").asInt()).isEqualTo(3);
            assertThat(cluster.node(NODE_NAME).orElseThrow().at("/spec/unschedulable").asBoolean()).isTrue();
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }
}
