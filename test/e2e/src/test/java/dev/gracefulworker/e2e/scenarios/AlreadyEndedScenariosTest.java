package dev.gracefulworker.e2e.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.emulator.aws.AwsCall;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.statemachine.WorkflowStates;
import org.junit.jupiter.api.Test;

import static dev.gracefulworker.e2e.scenarios.SavedEvents.NODE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** A lifecycle action that ended before the workflow completed it: a deliberate outcome, never a second drain or an error. */
class AlreadyEndedScenariosTest {

    @Test
    void replayAfterCompletion_reportsAlreadyCompleted_withoutErrorOrSecondCordon() {
        LocalScenario scenario = LocalScenario.parse("""
                nodes:
                  - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult first = environment.execute(SavedEvents.terminating(), event -> { });
            KubeEmulator kube = environment.kube().orElseThrow();
            JsonNode specAfterFirst = kube.node(NODE_NAME).orElseThrow().path("spec").deepCopy();

            // a closed execution's name cannot be reused: a replay runs under a new one
            ExecutionResult replay = environment.execute(SavedEvents.terminating(),
                    first.executionName() + "-replay-1", event -> { });

            assertThat(first.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(replay.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(replay.output().path("outcome").asText()).isEqualTo("alreadyCompleted");
            assertThat(replay.lastOutputOf(WorkflowStates.CORDON_NODE).at("/cordon/action").asText())
                    .isEqualTo("ALREADY_CORDONED");
            assertThat(kube.node(NODE_NAME).orElseThrow().path("spec")).isEqualTo(specAfterFirst);
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void actionThatEndedWhileWaiting_isFoundByTheHeartbeat_andReportedAsAlreadyCompleted() {
        LocalScenario scenario = LocalScenario.parse("""
                settings:
                  waitForPods: [{namespace: batch, labelSelector: app=report-runner}]
                  heartbeatTimeoutSeconds: 300
                  pollIntervalSeconds: 150
                  maxPollIntervalSeconds: 150
                lifecycleAction: {started: false}
                nodes:
                  - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
                pods:
                  - {name: report-runner-7f9c, namespace: batch, node: ip-10-0-1-23.eu-west-1.compute.internal,
                     labels: {app: report-runner}, owner: {kind: Job, name: report-runner}}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.lastOutputOf(WorkflowStates.CHECK_PODS).at("/poll/status").asText()).isEqualTo("ACTION_ENDED");
            assertThat(result.statesEntered()).contains(WorkflowStates.COMPLETE_ACTION_ALREADY_ENDED)
                    .doesNotContain(WorkflowStates.WAIT_BEFORE_NEXT_CHECK);
            assertThat(result.output().path("outcome").asText()).isEqualTo("alreadyCompleted");
            // "Keep the hook alive" before the cordon (and its retries) met the ended action too, and went on
            assertThat(environment.aws().calls("RecordLifecycleActionHeartbeat")).isNotEmpty()
                    .allMatch(call -> "ValidationError".equals(call.errorCode()));
            assertThat(environment.aws().calls("CompleteLifecycleAction")).noneMatch(AwsCall::succeeded);
        }
    }
}
