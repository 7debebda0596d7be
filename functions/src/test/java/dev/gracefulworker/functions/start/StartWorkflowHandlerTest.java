package dev.gracefulworker.functions.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.gracefulworker.emulator.aws.Execution;
import dev.gracefulworker.functions.InvalidEnvironmentException;
import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import dev.gracefulworker.functions.support.SavedEvents;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StartWorkflowHandlerTest {

    private static final String EXECUTION = "i-0a1b2c3d4e5f60718-3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18";

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;
    private StartWorkflowHandler handler;

    @BeforeEach
    void start() {
        world = worlds.start("nodes: []");
        world.aws.stepFunctions().addStateMachine(Emulated.STATE_MACHINE_ARN);
        handler = new StartWorkflowHandler(world.wiring());
    }

    @Test
    void terminationMessage_startsOneExecutionWithTheMessageAsInput() {
        String message = SavedEvents.read("lifecycle-terminating.json");

        StartResult result = handler.handleRequest(sns(message), null);

        assertThat(result.notifications()).containsExactly(
                new NotificationResult(StartOutcome.STARTED, "i-0a1b2c3d4e5f60718", EXECUTION, "started"));
        assertThat(world.aws.stepFunctions().executions()).singleElement().satisfies(execution -> {
            assertThat(execution.name()).isEqualTo(EXECUTION);
            assertThat(execution.input()).isEqualTo(message);
        });
        assertThat(world.metrics.total(Metric.ExecutionsStarted)).isEqualTo(1);
    }

    @Test
    void duplicateDeliveryAfterTheExecutionEnded_isSuccessWithoutASecondExecution() {
        String message = SavedEvents.read("lifecycle-terminating.json");
        handler.handleRequest(sns(message), null);
        Execution first = world.aws.stepFunctions().executions().getFirst();
        world.aws.stepFunctions().finish(first.arn(), "SUCCEEDED", "{}");

        StartResult again = handler.handleRequest(sns(message), null);

        assertThat(again.notifications()).extracting(NotificationResult::outcome).containsExactly(StartOutcome.ALREADY_STARTED);
        assertThat(world.aws.stepFunctions().executions()).hasSize(1);
    }

    @Test
    void duplicateDeliveryWhileRunning_collapsesIntoTheSameExecution() {
        String message = SavedEvents.read("lifecycle-terminating.json");

        handler.handleRequest(sns(message), null);
        handler.handleRequest(sns(message), null);

        assertThat(world.aws.stepFunctions().executions()).hasSize(1);
    }

    @Test
    void testNotificationAndLaunching_areIgnoredAndStartNothing() {
        StartResult result = handler.handleRequest(sns(SavedEvents.read("lifecycle-test-notification.json"),
                SavedEvents.read("lifecycle-launching.json")), null);

        assertThat(result.notifications()).extracting(NotificationResult::outcome)
                .containsExactly(StartOutcome.IGNORED, StartOutcome.IGNORED);
        assertThat(world.aws.calls("StartExecution")).isEmpty();
        assertThat(world.metrics.total(Metric.NotificationsIgnored)).isEqualTo(2);
    }

    @Test
    void malformedMessage_isRejectedAndStartsNothingEvenBesideAGoodOne() {
        String good = SavedEvents.read("lifecycle-terminating.json");
        String bad = good.replace("\"EC2InstanceId\": \"i-0a1b2c3d4e5f60718\",", "");

        assertThatThrownBy(() -> handler.handleRequest(sns(good, bad), null))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("EC2InstanceId is missing");
        assertThat(world.aws.calls("StartExecution")).isEmpty();
        assertThat(world.metrics.total(Metric.MessagesRejected)).isEqualTo(1);
    }

    @Test
    void throttledStart_surfacesAsRetryable() {
        world.aws.throttle("StartExecution", 1);

        assertThatThrownBy(() -> handler.handleRequest(sns(SavedEvents.read("lifecycle-terminating.json")), null))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("StartExecution " + EXECUTION);
    }

    @Test
    void missingStateMachineArn_failsAtInitNamingTheVariable() {
        Map<String, String> withoutArn = new HashMap<>();
        withoutArn.put("STATE_MACHINE_ARN", null);

        assertThatThrownBy(() -> new StartWorkflowHandler(world.wiring(withoutArn)))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessage("environment variable STATE_MACHINE_ARN: is not set");
    }

    private static SNSEvent sns(String... messages) {
        List<SNSEvent.SNSRecord> records = java.util.Arrays.stream(messages)
                .map(message -> new SNSEvent.SNSRecord().withSns(new SNSEvent.SNS().withMessage(message)))
                .toList();
        return new SNSEvent().withRecords(records);
    }
}
