package dev.gracefulworker.e2e.scenarios;

import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.TaskFunctions;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.lambda.LocalLambda;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.emulator.aws.Execution;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SNS → the starter (an asynchronous invocation) → StartExecution → the workflow. */
class StarterScenariosTest {

    private static final LocalScenario ONE_NODE = LocalScenario.parse("""
            nodes:
              - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
            """);

    @Test
    void duplicateSnsDelivery_startsOneExecution_whichDrainsAndCompletesOnce() {
        JsonNode snsEvent = SavedEvents.read("sns-event-terminating.json");

        try (LocalEnvironment environment = LocalEnvironment.emulated(ONE_NODE)) {
            environment.publish(snsEvent);
            environment.publish(snsEvent);
            List<ExecutionResult> results = environment.runStartedExecutions(event -> { });
            LocalLambda.AsyncDelivery lateDuplicate = environment.publish(snsEvent);

            List<Execution> executions = environment.aws().stepFunctions().executions();
            assertThat(executions).singleElement().satisfies(execution -> {
                assertThat(execution.name()).isEqualTo("i-0a1b2c3d4e5f60718-3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18");
                assertThat(execution.status()).isEqualTo("SUCCEEDED");
            });
            assertThat(results).singleElement().satisfies(result -> {
                assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            });
            assertThat(lateDuplicate.attempts()).isEqualTo(1);
            assertThat(environment.runStartedExecutions(event -> { })).isEmpty();
            assertThat(environment.lambda().deadLetters()).isEmpty();
            DrainScenariosTest.assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void testNotification_startsNoExecution() {
        JsonNode snsEvent = SavedEvents.snsEventCarrying(SavedEvents.read("lifecycle-test-notification.json"));

        try (LocalEnvironment environment = LocalEnvironment.emulated(ONE_NODE)) {
            LocalLambda.AsyncDelivery delivery = environment.publish(snsEvent);

            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(environment.aws().stepFunctions().executions()).isEmpty();
            assertThat(environment.lambda().deadLetters()).isEmpty();
            assertThat(environment.aws().calls("StartExecution")).isEmpty();
        }
    }

    @Test
    void malformedMessage_isTriedThreeTimes_thenDeadLettered_andStartsNothing() {
        JsonNode snsEvent = SavedEvents.snsEventCarrying(SavedEvents.terminatingWithout("EC2InstanceId"));

        try (LocalEnvironment environment = LocalEnvironment.emulated(ONE_NODE)) {
            LocalLambda.AsyncDelivery delivery = environment.publish(snsEvent);

            assertThat(delivery.attempts()).isEqualTo(LocalLambda.ASYNC_ATTEMPTS);
            assertThat(environment.lambda().deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.functionName()).isEqualTo(TaskFunctions.START_WORKFLOW);
                assertThat(letter.errorType()).isEqualTo("dev.gracefulworker.functions.start.MalformedMessageException");
                assertThat(letter.errorMessage()).contains("EC2InstanceId");
                assertThat(letter.event()).isEqualTo(snsEvent);
            });
            assertThat(environment.aws().stepFunctions().executions()).isEmpty();
        }
    }
}
