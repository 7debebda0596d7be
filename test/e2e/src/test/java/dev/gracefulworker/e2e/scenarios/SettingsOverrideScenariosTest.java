package dev.gracefulworker.e2e.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.contract.InvalidSettingsException;
import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.statemachine.WorkflowStates;
import org.junit.jupiter.api.Test;

/** A hook's NotificationMetadata overriding the deployed settings, as each group may. */
class SettingsOverrideScenariosTest {

    private static final LocalScenario REPORT_JOB_FINISHING_AFTER_TWO_POLLS = LocalScenario.parse("""
            nodes:
              - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
            pods:
              - {name: report-runner-7f9c, namespace: batch, node: ip-10-0-1-23.eu-west-1.compute.internal,
                 labels: {app: report-runner}, owner: {kind: Job, name: report-runner}, finishesAfterPolls: 2}
            """);

    @Test
    void savedMessageWithMetadata_overridesTheDeployedSettings_andTheNamedPodsAreWaitedFor() {
        try (LocalEnvironment environment = LocalEnvironment.emulated(REPORT_JOB_FINISHING_AFTER_TWO_POLLS)) {
            ExecutionResult result = environment.execute(
                    SavedEvents.read("lifecycle-terminating-with-metadata.json"), event -> { });

            JsonNode settings = result.lastOutputOf(WorkflowStates.APPLY_PER_GROUP_OVERRIDES).path("settings");
            assertThat(settings.path("maxWaitSeconds").asInt()).isEqualTo(7200);
            assertThat(settings.at("/waitForPods/0/labelSelector").asText()).isEqualTo("app=report-runner");
            assertThat(settings.path("overridden")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("waitForPods", "maxWaitSeconds");
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("podsWaitedFor").asInt()).isEqualTo(1);
            assertThat(result.output().path("polls").asInt()).isEqualTo(3);
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void withoutMetadata_theDeployedSettingsWaitForNothing_andEvictTheJobPod() {
        try (LocalEnvironment environment = LocalEnvironment.emulated(REPORT_JOB_FINISHING_AFTER_TWO_POLLS)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.statesEntered()).doesNotContain(WorkflowStates.APPLY_PER_GROUP_OVERRIDES);
            assertThat(environment.kube().orElseThrow().evictions()).containsExactly("batch/report-runner-7f9c 201");
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void overrideWithABadValue_failsTheExecutionNamingTheKey_andCompletesTheActionFailOpen() {
        ObjectNode message = (ObjectNode) SavedEvents.terminating();
        message.put("NotificationMetadata", "{\"drainMode\": \"SOMETIMES\"}");

        try (LocalEnvironment environment = LocalEnvironment.emulated(REPORT_JOB_FINISHING_AFTER_TWO_POLLS)) {
            ExecutionResult result = environment.execute(message, event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo(InvalidSettingsException.class.getName());
            assertThat(result.cause()).contains("drainMode");
            assertThat(result.timesEntered(WorkflowStates.APPLY_PER_GROUP_OVERRIDES)).isEqualTo(1);
            assertThat(result.statesEntered()).contains(WorkflowStates.COMPLETE_AFTER_FAILURE)
                    .doesNotContain(WorkflowStates.CORDON_NODE);
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }
}
