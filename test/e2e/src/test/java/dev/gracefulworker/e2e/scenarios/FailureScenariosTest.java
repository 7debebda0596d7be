package dev.gracefulworker.e2e.scenarios;

import dev.gracefulworker.contract.WorkflowFunction;
import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.TaskFunctions;
import dev.gracefulworker.e2e.interpreter.ExecutionEvent;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.lambda.Invocation;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.emulator.aws.AwsCall;
import dev.gracefulworker.emulator.aws.LifecycleAction;
import dev.gracefulworker.statemachine.WorkflowStates;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gracefulworker.e2e.scenarios.SavedEvents.INSTANCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** Kubernetes and Auto Scaling failing: retried where the definition says so, then fail-open. */
class FailureScenariosTest {

    private static final String RETRYABLE = "dev.gracefulworker.functions.RetryableException";
    private static final String NODE_WITH_A_WEB_POD = """
            nodes:
              - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
            pods:
              - {name: web-a, namespace: web, node: ip-10-0-1-23.eu-west-1.compute.internal, labels: {app: web},
                 owner: {kind: ReplicaSet, name: web-5d8f7b}, terminationGracePeriodSeconds: 10}
            """;

    @Test
    void podListFailingLongerThanMaxOutage_completesTheActionFailOpen_andFailsTheExecutionWithTheCause() {
        LocalScenario scenario = LocalScenario.parse(NODE_WITH_A_WEB_POD + """
                settings: {maxOutageSeconds: 60}
                faults:
                  - {method: GET, path: /api/v1/pods, status: 500}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo(RETRYABLE);
            assertThat(result.cause()).contains("500");
            // a failed check every 15 s (the first poll interval) until 60 s passed without one; no Retry in between
            assertThat(invocationsOf(environment, TaskFunctions.CHECK_PODS)).hasSize(4);
            assertThat(result.timesEntered(WorkflowStates.KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK)).isEqualTo(3);
            assertThat(result.statesEntered()).endsWith(WorkflowStates.OUTAGE_TOO_LONG, WorkflowStates.STOP_RETRYING_CHECKS,
                    WorkflowStates.FAILURE_POLICY, WorkflowStates.COMPLETE_AFTER_FAILURE, WorkflowStates.DRAIN_FAILED);
            // the fail-open completion went to Auto Scaling directly, without Lambda
            assertThat(environment.serviceIntegrations().calls()).filteredOn(call -> call.action()
                    .equals("completeLifecycleAction")).singleElement()
                    .satisfies(call -> assertThat(call.parameters().path("LifecycleActionResult").asText())
                            .isEqualTo("CONTINUE"));
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void failureWithLeaveToHookTimeout_failsTheExecution_andLeavesTheActionToTheHook() {
        LocalScenario scenario = LocalScenario.parse(NODE_WITH_A_WEB_POD + """
                settings: {onFailure: LEAVE_TO_HOOK_TIMEOUT}
                faults:
                  - {method: GET, path: /api/v1/pods, status: 503}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo(RETRYABLE);
            assertThat(result.statesEntered()).endsWith(WorkflowStates.FAILURE_POLICY, WorkflowStates.LEFT_TO_HOOK_TIMEOUT);
            LifecycleAction action = environment.aws().autoScaling().action(INSTANCE_ID).orElseThrow();
            assertThat(action.state()).isEqualTo(LifecycleAction.State.PENDING);
            assertThat(environment.aws().calls("CompleteLifecycleAction")).isEmpty();
        }
    }

    @Test
    void podListSlowerThanTheClientTimeoutOnce_isRetried_andTheNodeIsDrained() {
        LocalScenario scenario = LocalScenario.parse(NODE_WITH_A_WEB_POD + """
                # 16 s: longer than the handlers' Kubernetes read timeout (15 s, KubernetesClientFactory)
                faults:
                  - {method: GET, path: /api/v1/pods, delayMillis: 16000, times: 1}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.events()).filteredOn(ExecutionEvent.StateFailed.class::isInstance)
                    .singleElement()
                    .satisfies(failed -> assertThat(((ExecutionEvent.StateFailed) failed).error()).isEqualTo(RETRYABLE));
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(environment.kube().orElseThrow().evictions()).containsExactly("web/web-a 201");
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void cordonRefusedByABusyApiServerFourTimes_ridesItOutInItsOutageLoop_andTheNodeIsDrained() {
        // API Priority and Fairness answering 429 four times in a row, as in a wave of 100 drains (test/e2e/fleets):
        // a task's few retries would have given up and failed the drain; the cordon's loop heartbeats and tries again
        LocalScenario scenario = LocalScenario.parse(NODE_WITH_A_WEB_POD + """
                faults:
                  - {method: PATCH, path: /api/v1/nodes/, status: 429, retryAfterSeconds: 1, times: 4}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(invocationsOf(environment, WorkflowFunction.CORDON_NODE.placeholderName())).hasSize(5);
            assertThat(result.timesEntered(WorkflowStates.KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CORDON)).isEqualTo(4);
            assertThat(result.timesEntered(WorkflowStates.WAIT_BEFORE_RETRYING_THE_CORDON)).isEqualTo(4);
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(environment.kube().orElseThrow().node(SavedEvents.NODE_NAME).orElseThrow()
                    .at("/spec/unschedulable").asBoolean()).isTrue();
            assertThat(environment.kube().orElseThrow().evictions()).containsExactly("web/web-a 201");
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void cordonFailingLongerThanMaxOutage_completesTheActionFailOpen_withoutEvictingAnything() {
        LocalScenario scenario = LocalScenario.parse(NODE_WITH_A_WEB_POD + """
                settings: {maxOutageSeconds: 60}
                faults:
                  - {method: PATCH, path: /api/v1/nodes/, status: 503}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(result.error()).isEqualTo(RETRYABLE);
            assertThat(result.cause()).contains("503");
            // a failed cordon every 15 s (the first poll interval) until 60 s passed, counted as the checks' outages are
            assertThat(invocationsOf(environment, WorkflowFunction.CORDON_NODE.placeholderName())).hasSize(4);
            assertThat(result.timesEntered(WorkflowStates.KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CORDON)).isEqualTo(3);
            assertThat(result.statesEntered()).doesNotContain(WorkflowStates.CHECK_PODS)
                    .endsWith(WorkflowStates.CORDON_OUTAGE_TOO_LONG, WorkflowStates.STOP_RETRYING_THE_CORDON,
                            WorkflowStates.FAILURE_POLICY, WorkflowStates.COMPLETE_AFTER_FAILURE,
                            WorkflowStates.DRAIN_FAILED);
            assertThat(environment.kube().orElseThrow().evictions()).isEmpty();
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void throttledCompletion_isRetried_andTheActionIsCompletedExactlyOnce() {
        LocalScenario scenario = LocalScenario.parse(NODE_WITH_A_WEB_POD + """
                awsFaults:
                  - {action: CompleteLifecycleAction, times: 4}
                """);

        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            ExecutionResult result = environment.execute(SavedEvents.terminating(), event -> { });

            List<AwsCall> completions = environment.aws().calls("CompleteLifecycleAction");
            assertThat(completions).filteredOn(call -> "Throttling".equals(call.errorCode())).hasSize(4);
            assertThat(completions).filteredOn(AwsCall::succeeded).hasSize(1);
            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }

    private static List<Invocation> invocationsOf(LocalEnvironment environment, String functionName) {
        return environment.lambda().invocations().stream()
                .filter(invocation -> invocation.functionName().equals(functionName))
                .toList();
    }
}
