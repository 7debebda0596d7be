package dev.gracefulworker.e2e.scenarios;

import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.emulator.aws.AwsCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The same drain through each way the stack lets the handlers reach Kubernetes. */
class KubernetesAccessScenariosTest {

    @ParameterizedTest(name = "kubernetesAccess {0}: the handlers call {1}")
    @CsvSource({"eks, DescribeCluster", "secret, GetSecretValue"})
    void drain_worksThroughEachKubernetesAccess(String access, String awsActionUsed) {
        LocalScenario scenario = LocalScenario.parse("""
                kubernetesAccess: %s
                nodes:
                  - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
                pods:
                  - {name: web-a, namespace: web, node: ip-10-0-1-23.eu-west-1.compute.internal, labels: {app: web},
                     owner: {kind: ReplicaSet, name: web-5d8f7b}, terminationGracePeriodSeconds: 10}
                """.formatted(access));

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(environment.aws().calls(awsActionUsed)).isNotEmpty().allMatch(AwsCall::succeeded);
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(environment.kube().orElseThrow().evictions()).containsExactly("web/web-a 201");
            assertThat(DrainScenariosTest.cordoned(environment.kube().orElseThrow())).isTrue();
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }
}
