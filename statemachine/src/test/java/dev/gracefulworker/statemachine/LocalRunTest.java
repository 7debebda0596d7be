package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.gracefulworker.statemachine.WorkflowStates.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked-in definition runs in aws-local-stepfunctions (what the end-to-end runner uses) through every path of
 * WORKFLOW.md, with scripted task results ({@code src/test/local-sfn/run-scenarios.mjs}).
 */
class LocalRunTest {

    private static JsonNode runs;

    @BeforeAll
    static void runEveryScenarioInOneNodeProcess() throws Exception {
        Path tools = Path.of(System.getProperty("node.tools", "../node_modules/.bin"));
        Path node = tools.resolve("node");
        Path module = tools.resolve("../aws-local-stepfunctions").normalize();
        assertThat(node).as("Node 22 from node_modules: run 'npm ci' at the repository root").isExecutable();
        assertThat(module).as("aws-local-stepfunctions from node_modules: run 'npm ci' at the repository root").isDirectory();
        Path output = Files.createTempFile("local-sfn-runs", ".json");
        var process = new ProcessBuilder(node.toString(), "src/test/local-sfn/run-scenarios.mjs",
                System.getProperty("exported.definition", ExportedDefinition.FILE_NAME), "events", module.toString())
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("local-sfn finished").isTrue();
        assertThat(process.exitValue()).as("run-scenarios.mjs exit code").isZero();
        runs = new ObjectMapper().readTree(output.toFile());
        Files.delete(output);
    }

    @Test
    void podsDrainedOnTheSecondCheck_completeWithContinueAndReportTheOutcome() {
        JsonNode run = runs.path("drainedAfterTwoPolls");

        assertThat(states(run)).containsSubsequence(CORDON_NODE, CHECK_PODS, DONE_WAITING, WAIT_BEFORE_NEXT_CHECK,
                CHECK_PODS, DONE_WAITING, COMPLETE_DRAINED, REPORT_OUTCOME, DONE);
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("output").path("outcome").asText()).isEqualTo("completed");
        assertThat(run.path("output").path("result").asText()).isEqualTo("CONTINUE");
        assertThat(run.path("output").path("polls").asInt()).isEqualTo(2);
        assertThat(run.path("output").path("nodeName").asText()).isEqualTo("ip-10-0-1-23.eu-west-1.compute.internal");
        assertThat(run.path("calls").path(CHECK_PODS).get(1).path("previous").path("polls").asInt())
                .as("the second check is handed the first check's progress").isEqualTo(1);
    }

    @Test
    void theFirstCheckPods_isHandedTheClockStartedAtExecutionStart() {
        JsonNode previous = runs.path("drainedAfterTwoPolls").path("calls").path(CHECK_PODS).get(0).path("previous");

        assertThat(previous.path("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(previous.path("polls").asInt()).isZero();
        assertThat(previous.path("waitStartedAt").asText()).isNotBlank().isEqualTo(previous.path("lastHeartbeatAt").asText());
    }

    @Test
    void deadlinePassed_completesWithTheTimeoutResult() {
        JsonNode run = runs.path("deadlinePassed");

        assertThat(states(run)).contains(COMPLETE_MAX_WAIT_REACHED).doesNotContain(COMPLETE_DRAINED);
        assertThat(run.path("output").path("outcome").asText()).isEqualTo("timeout");
        assertThat(run.path("calls").path(COMPLETE_MAX_WAIT_REACHED).get(0).path("result").asText()).isEqualTo("CONTINUE");
    }

    @Test
    void actionThatEndedElsewhere_isReportedAsAlreadyCompleted() {
        JsonNode run = runs.path("actionEnded");

        assertThat(states(run)).contains(COMPLETE_ACTION_ALREADY_ENDED);
        assertThat(run.path("output").path("outcome").asText()).isEqualTo("alreadyCompleted");
    }

    @Test
    void instanceWithNothingToDrain_isCompletedWithoutTouchingTheNode() {
        JsonNode run = runs.path("nothingToDrain");

        assertThat(states(run)).contains(COMPLETE_NOTHING_TO_DRAIN).doesNotContain(CORDON_NODE, CHECK_PODS);
        assertThat(run.path("output").path("outcome").asText()).isEqualTo("nothingToDrain");
        assertThat(run.path("output").path("reason").asText()).isEqualTo("instance is terminated");
        assertThat(run.path("output").path("polls").asInt()).isZero();
    }

    @Test
    void notificationMetadata_isAppliedAndTheOverriddenSettingsDriveTheRest() {
        JsonNode run = runs.path("perGroupOverrides");
        JsonNode overrideCall = run.path("calls").path(APPLY_PER_GROUP_OVERRIDES).get(0);

        assertThat(overrideCall.path("deployed").path("maxWaitSeconds").asInt()).isEqualTo(3600);
        assertThat(overrideCall.path("notificationMetadata").asText()).contains("\"maxWaitSeconds\": 7200");
        assertThat(run.path("calls").path(CHECK_PODS).get(0).path("settings").path("maxWaitSeconds").asInt())
                .isEqualTo(7200);
        assertThat(run.path("output").path("result").asText()).as("onTimeout overridden").isEqualTo("ABANDON");
    }

    @Test
    void eventBridgeDetail_runsLikeTheSnsMessage() {
        JsonNode run = runs.path("eventBridgeDetail");

        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("output").path("outcome").asText()).isEqualTo("completed");
    }

    @Test
    void checkPodsThrottledTwice_isRiddenOutWithHeartbeatsThatNeedNoLambda_thenDrains() {
        JsonNode run = runs.path("checkFailingTwiceIsRiddenOut");

        assertThat(run.path("calls").path(CHECK_PODS)).hasSize(3);
        assertThat(run.path("calls").path(KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK)).hasSize(2);
        JsonNode heartbeat = run.path("calls").path(KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK).get(0);
        assertThat(heartbeat.path("LifecycleActionToken").asText()).isNotBlank();
        assertThat(heartbeat.path("InstanceId").asText()).isEqualTo("i-0a1b2c3d4e5f60718");
        assertThat(states(run)).containsSubsequence(CHECK_PODS, COUNT_THE_FAILED_CHECK, OUTAGE_TOO_LONG,
                KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK, WAIT_BEFORE_NEXT_CHECK, CHECK_PODS);
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("output").path("outcome").asText()).isEqualTo("completed");
    }

    @Test
    void kubernetesUnavailableOnce_isAnOutageToo_notAFailure() {
        JsonNode run = runs.path("kubernetesAwayIsRiddenOut");

        assertThat(run.path("calls").path(CHECK_PODS)).hasSize(2);
        assertThat(run.path("calls").path(KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK)).hasSize(1);
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void checksFailingLongerThanMaxOutage_failOpenWithTheLastFailure() {
        JsonNode run = runs.path("outageLongerThanTolerated");

        // the first check's wait is pollIntervalSeconds (15): 60 s without a check after 4 failed checks
        assertThat(run.path("calls").path(CHECK_PODS)).hasSize(4);
        assertThat(states(run)).endsWith(OUTAGE_TOO_LONG, STOP_RETRYING_CHECKS, FAILURE_POLICY, COMPLETE_AFTER_FAILURE,
                DRAIN_FAILED);
        assertThat(run.path("error").asText()).isEqualTo("Sandbox.Timedout");
        assertThat(run.path("cause").asText()).isEqualTo("Task timed out after 25.00 seconds");
    }

    @Test
    void unknownOrMissingPollStatus_goesToTheFailurePolicy_neverRoundTheLoop() {
        for (String scenario : List.of("unknownPollStatus", "pollResultWithoutStatus")) {
            JsonNode run = runs.path(scenario);
            assertThat(states(run)).as(scenario).endsWith(DONE_WAITING, UNEXPECTED_TASK_RESULT, FAILURE_POLICY,
                    COMPLETE_AFTER_FAILURE, DRAIN_FAILED);
            assertThat(run.path("calls").path(CHECK_PODS)).as(scenario).hasSize(1);
            assertThat(run.path("error").asText()).as(scenario).isEqualTo("UnexpectedTaskResult");
        }
    }

    @Test
    void failOpenCompletionThatFails_keepsTheDrainsErrorAsTheExecutionsError() {
        JsonNode run = runs.path("failOpenCompletionFails");

        assertThat(states(run)).endsWith(COMPLETE_AFTER_FAILURE, DRAIN_FAILED_ACTION_NOT_COMPLETED);
        assertThat(run.path("calls").path(COMPLETE_AFTER_FAILURE)).hasSize(3);
        assertThat(run.path("error").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(run.path("cause").asText()).isEqualTo("kubernetes said no");
    }

    @Test
    void failureInADryRun_completesNothing() {
        JsonNode run = runs.path("dryRunFailure");

        assertThat(states(run)).endsWith(FAILURE_POLICY, DRAIN_FAILED);
        assertThat(run.path("calls").has(COMPLETE_AFTER_FAILURE)).isFalse();
    }

    @Test
    void failingTask_completesTheActionWithTheFailurePolicy_thenFailsWithTheCause() {
        JsonNode run = runs.path("failingTaskFailsOpen");

        assertThat(states(run)).endsWith(CHECK_PODS, FAILURE_POLICY, COMPLETE_AFTER_FAILURE, DRAIN_FAILED);
        JsonNode completion = run.path("calls").path(COMPLETE_AFTER_FAILURE).get(0);
        assertThat(completion.path("LifecycleActionResult").asText()).isEqualTo("CONTINUE");
        assertThat(completion.path("AutoScalingGroupName").asText()).isNotBlank();
        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        assertThat(run.path("error").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(run.path("cause").asText()).isEqualTo("kubernetes said no");
    }

    @Test
    void leaveToHookTimeoutPolicy_failsWithoutCompletingTheAction() {
        JsonNode run = runs.path("failureLeftToHookTimeout");

        assertThat(states(run)).endsWith(CORDON_NODE, FAILURE_POLICY, LEFT_TO_HOOK_TIMEOUT);
        assertThat(run.path("calls").has(COMPLETE_AFTER_FAILURE)).isFalse();
        assertThat(run.path("cause").asText()).isEqualTo("forbidden");
    }

    @Test
    void completionThatFails_endsTheExecutionWithItsError() {
        JsonNode run = runs.path("completionFails");

        assertThat(states(run)).endsWith(COMPLETE_DRAINED, COULD_NOT_COMPLETE);
        assertThat(run.path("error").asText())
                .isEqualTo("software.amazon.awssdk.services.autoscaling.model.AutoScalingException");
    }

    @Test
    void testNotificationAndLaunch_areIgnoredAtOnce() {
        for (String scenario : List.of("testNotification", "launching")) {
            JsonNode run = runs.path(scenario);
            assertThat(states(run)).as(scenario).containsExactly(IS_IT_A_TERMINATION, IGNORED_NOT_A_TERMINATION);
            assertThat(run.path("status").asText()).as(scenario).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void terminationWithoutItsIds_isRejectedAsMalformed() {
        JsonNode run = runs.path("malformed");

        assertThat(states(run)).containsExactly(IS_IT_A_TERMINATION, REJECTED_MALFORMED_MESSAGE);
        assertThat(run.path("error").asText()).isEqualTo("MalformedLifecycleMessage");
    }

    private static List<String> states(JsonNode run) {
        assertThat(run.isMissingNode()).as("scenario ran").isFalse();
        var states = new ArrayList<String>();
        run.path("states").forEach(state -> states.add(state.asText()));
        return states;
    }
}
