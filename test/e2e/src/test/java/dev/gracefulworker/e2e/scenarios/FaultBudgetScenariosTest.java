package dev.gracefulworker.e2e.scenarios;

import dev.gracefulworker.contract.DefinitionLimits;
import dev.gracefulworker.contract.HistoryBudget;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.interpreter.ExecutionEvent;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.emulator.aws.LifecycleAction;
import dev.gracefulworker.statemachine.DefinitionLimitsCounter;
import dev.gracefulworker.statemachine.WorkflowStates;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.gracefulworker.e2e.scenarios.SavedEvents.INSTANCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's promise, fault by fault: whatever AWS or Kubernetes does, the lifecycle action never expires before the
 * workflow completes it, and it is completed exactly once. Each scenario reads Auto Scaling's own record of the action
 * (the emulator expires an action whose heartbeat timeout passes, on the shared scenario clock).
 */
class FaultBudgetScenariosTest {

    private static final String NODE = """
            nodes:
              - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
            """;

    /** A Job's pod the drain waits for, done at scenario second {@code seconds}. */
    private static String jobFinishingAfter(int seconds) {
        return """
                settings:
                  waitForPods: [{namespace: batch, labelSelector: app=report-runner}]
                pods:
                  - {name: report-runner-7f9c, namespace: batch, node: ip-10-0-1-23.eu-west-1.compute.internal,
                     labels: {app: report-runner}, owner: {kind: Job, name: report-runner}, finishesAfterSeconds: %d}
                """.formatted(seconds);
    }

    @Test
    void kubernetesApiDownForTwentyMinutes_isRiddenOutWithHeartbeats_thenTheNodeDrains() {
        LocalScenario scenario = LocalScenario.parse(NODE + jobFinishingAfter(1_500) + """
                faults:
                  - {path: /api, status: 503, afterSeconds: 30, forSeconds: 1200}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(result.timesEntered(WorkflowStates.KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK)).isGreaterThan(10);
            assertNeverExpiredAndCompletedOnce(environment, "CONTINUE", "Kubernetes API down 20 min");
        }
    }

    @Test
    void kubernetesApiDownPastMaxOutage_failsOpenAfterIt_heartbeatingUntilThen() {
        LocalScenario scenario = LocalScenario.parse(NODE + jobFinishingAfter(100_000) + """
                faults:
                  - {path: /api, status: 503, afterSeconds: 30, forSeconds: 100000}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo("dev.gracefulworker.functions.RetryableException");
            assertThat(result.statesEntered()).endsWith(WorkflowStates.STOP_RETRYING_CHECKS, WorkflowStates.FAILURE_POLICY,
                    WorkflowStates.COMPLETE_AFTER_FAILURE, WorkflowStates.DRAIN_FAILED);
            LifecycleAction action = assertNeverExpiredAndCompletedOnce(environment, "CONTINUE", "Kubernetes API down past maxOutageSeconds");
            // the checks failed for maxOutageSeconds (1800) before the workflow gave up
            assertThat(Duration.between(action.startedAt(), action.completedAt().orElseThrow()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(Settings.DEFAULT_MAX_OUTAGE_SECONDS));
        }
    }

    @Test
    void lambdaThrottledForTenMinutes_isRiddenOutWithHeartbeatsThatNeedNoLambda() {
        LocalScenario scenario = LocalScenario.parse(NODE + jobFinishingAfter(900) + """
                lambdaFaults:
                  - {function: gwt-check-pods, kind: throttled, afterSeconds: 30, forSeconds: 600}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.events()).filteredOn(ExecutionEvent.StateFailed.class::isInstance)
                    .allSatisfy(failed -> assertThat(((ExecutionEvent.StateFailed) failed).error())
                            .isEqualTo("Lambda.TooManyRequestsException"));
            assertThat(environment.serviceIntegrations().calls()).filteredOn(call -> call.action()
                    .equals("recordLifecycleActionHeartbeat")).hasSizeGreaterThan(10);
            assertNeverExpiredAndCompletedOnce(environment, "CONTINUE", "Lambda throttled 10 min");
        }
    }

    @Test
    void checkPodsTimingOutThreeTimesInARow_costsThreeFunctionTimeouts_andTheNodeStillDrains() {
        LocalScenario scenario = LocalScenario.parse(NODE + jobFinishingAfter(60) + """
                lambdaFaults:
                  - {function: gwt-check-pods, kind: timeout, times: 3}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.timesEntered(WorkflowStates.COUNT_THE_FAILED_CHECK)).isEqualTo(3);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertNeverExpiredAndCompletedOnce(environment, "CONTINUE", "Check pods timing out 3 times");
        }
    }

    @Test
    void completionThrottledByLambdaTwice_isRetried_andCompletesExactlyOnce() {
        LocalScenario scenario = LocalScenario.parse(NODE + jobFinishingAfter(20) + """
                lambdaFaults:
                  - {function: gwt-complete-lifecycle-action, kind: throttled, times: 2}
                awsFaults:
                  - {action: CompleteLifecycleAction, times: 2}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.events()).filteredOn(ExecutionEvent.StateRetried.class::isInstance)
                    .hasSize(2);
            assertNeverExpiredAndCompletedOnce(environment, "CONTINUE", "completion throttled (Lambda and Auto Scaling)");
        }
    }

    @Test
    void aWaitOfFortySevenHours_atTheLargestLegalSettings_fitsTheHistoryAndTheHooksLimit() {
        LocalScenario scenario = LocalScenario.parse(NODE + """
                settings:
                  waitForPods: [{namespace: batch, labelSelector: app=report-runner}]
                  heartbeatTimeoutSeconds: 1728
                  maxPollIntervalSeconds: 864
                  maxWaitSeconds: 170400
                lifecycleAction: {heartbeatTimeoutSeconds: 1728}
                pods:
                  - {name: report-runner-7f9c, namespace: batch, node: ip-10-0-1-23.eu-west-1.compute.internal,
                     labels: {app: report-runner}, owner: {kind: Job, name: report-runner}}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("timeout");
            LifecycleAction action = assertNeverExpiredAndCompletedOnce(environment, "CONTINUE", "47 h 20 min wait");
            assertThat(Duration.between(action.startedAt(), action.completedAt().orElseThrow()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(170_400));
            long events = historyEvents(result);
            DefinitionLimits limits = DefinitionLimitsCounter.count(WorkflowStates.IS_IT_A_TERMINATION,
                    environment.definition().states());
            Settings settings = Settings.builder().heartbeatTimeoutSeconds(1728).maxPollIntervalSeconds(864)
                    .maxWaitSeconds(170_400).build();
            System.out.printf("47 h 20 min wait: %d states entered, about %d history events (budget's worst case %d, "
                    + "limit %d); longest silence %s%n", result.statesEntered().size(), events,
                    limits.history().worstCaseEvents(settings), HistoryBudget.MAX_EVENTS, action.longestSilence());
            assertThat(events).isLessThanOrEqualTo(limits.history().worstCaseEvents(settings))
                    .isLessThan(HistoryBudget.MAX_EVENTS);
        }
    }

    /**
     * Auto Scaling's record: completed once with {@code result}, and at no time longer without a heartbeat than the
     * hook's heartbeat timeout (the action would have expired and the completion failed).
     */
    static LifecycleAction assertNeverExpiredAndCompletedOnce(LocalEnvironment environment, String result, String fault) {
        LifecycleAction action = DrainScenariosTest.assertCompletedOnce(environment, result);
        assertThat(action.longestSilence()).as("longest time without a heartbeat").isLessThan(action.heartbeatTimeout());
        System.out.printf("%s (%s): %d heartbeats, longest silence %s of a %s heartbeat timeout%n", fault, INSTANCE_ID,
                action.heartbeats(), action.longestSilence(), action.heartbeatTimeout());
        return action;
    }

    /** The AWS history events of a run: 5 per Task, 2 per other state, 3 per retry, 2 for the execution. */
    static long historyEvents(ExecutionResult result) {
        long events = 2;
        for (ExecutionEvent event : result.events()) {
            switch (event) {
                case ExecutionEvent.StateEntered entered -> events += "Task".equals(entered.stateType()) ? 5 : 2;
                case ExecutionEvent.StateRetried ignored -> events += 3;
                default -> { }
            }
        }
        return events;
    }
}
