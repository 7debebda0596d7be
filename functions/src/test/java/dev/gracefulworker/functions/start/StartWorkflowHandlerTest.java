package dev.gracefulworker.functions.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.emulator.aws.Execution;
import dev.gracefulworker.functions.InvalidEnvironmentException;
import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.SavedEvents;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StartWorkflowHandlerTest {

    private static final String EXECUTION = "i-0a1b2c3d4e5f60718-3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18";

    @RegisterExtension
    final EmulatedStarter starter = new EmulatedStarter();
    private Emulated world;

    @BeforeEach
    void start() {
        world = starter.world();
    }

    @Test
    void terminationMessage_startsOneExecutionWithTheMessageAsInput() {
        String message = SavedEvents.read("lifecycle-terminating.json");

        StartResult result = deliver(sns(message));

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
        deliver(sns(message));
        Execution first = world.aws.stepFunctions().executions().getFirst();
        world.aws.stepFunctions().finish(first.arn(), "SUCCEEDED", "{}");

        StartResult again = deliver(sns(message));

        assertThat(again.notifications()).extracting(NotificationResult::outcome).containsExactly(StartOutcome.ALREADY_STARTED);
        assertThat(world.aws.stepFunctions().executions()).hasSize(1);
    }

    @Test
    void duplicateDeliveryWhileRunning_collapsesIntoTheSameExecution() {
        String message = SavedEvents.read("lifecycle-terminating.json");

        deliver(sns(message));
        deliver(sns(message));

        assertThat(world.aws.stepFunctions().executions()).hasSize(1);
    }

    @Test
    void testNotificationAndLaunching_areIgnoredAndStartNothing() {
        StartResult result = deliver(sns(SavedEvents.read("lifecycle-test-notification.json"),
                SavedEvents.read("lifecycle-launching.json")));

        assertThat(result.notifications()).extracting(NotificationResult::outcome)
                .containsExactly(StartOutcome.IGNORED, StartOutcome.IGNORED);
        assertThat(world.aws.calls("StartExecution")).isEmpty();
        assertThat(world.metrics.total(Metric.NotificationsIgnored)).isEqualTo(2);
    }

    @Test
    void malformedMessage_isRejectedAndStartsNothingEvenBesideAGoodOne() {
        String good = SavedEvents.read("lifecycle-terminating.json");
        String bad = good.replace("\"EC2InstanceId\": \"i-0a1b2c3d4e5f60718\",", "");

        assertThatThrownBy(() -> deliver(sns(good, bad)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("EC2InstanceId is missing");
        assertThat(world.aws.calls("StartExecution")).isEmpty();
        assertThat(world.metrics.total(Metric.MessagesRejected)).isEqualTo(1);
    }

    @Test
    void messageWithTrailingData_isRejectedNamingIt() {
        String message = SavedEvents.read("lifecycle-terminating.json").strip();

        assertRejectedAndNothingStarted(sns(message + "xyz"),
                "malformed lifecycle message: Message has data after its JSON value (from character " + message.length() + ")");
    }

    @Test
    void twoConcatenatedMessages_areRejectedAsTrailingData() {
        String message = SavedEvents.read("lifecycle-terminating.json").strip();
        String other = message.replace("i-0a1b2c3d4e5f60718", "i-0fedcba9876543210");

        assertRejectedAndNothingStarted(sns(message + other),
                "malformed lifecycle message: Message has data after its JSON value (from character " + message.length() + ")");
    }

    @Test
    void messageWithTrailingWhitespace_startsItsExecution() {
        String message = SavedEvents.read("lifecycle-terminating.json").strip() + " \n";

        assertThat(deliver(sns(message)).notifications()).extracting(NotificationResult::outcome)
                .containsExactly(StartOutcome.STARTED);
    }

    @Test
    void messageWithADuplicateKey_isRejectedNamingTheKey() {
        String message = SavedEvents.read("lifecycle-terminating.json")
                .replace("\"EC2InstanceId\":", "\"EC2InstanceId\": \"i-0fedcba9876543210\", \"EC2InstanceId\":");

        assertRejectedAndNothingStarted(sns(message), "malformed lifecycle message: Message has the key 'EC2InstanceId' twice");
    }

    @Test
    void messageOverStepFunctionsInputLimit_isRejectedWithItsSizeAndTheLimit() {
        String message = terminatingOfSize(ExecutionInputLimit.MAX_BYTES + 1);

        assertRejectedAndNothingStarted(sns(message), "malformed lifecycle message: Message is 262145 bytes of UTF-8,"
                + " over the 262144 bytes (256 KiB) Step Functions accepts as an execution's input");
    }

    @Test
    void messageOfExactlyTheInputLimitInUtf8_startsWithItAsInput() {
        String message = terminatingOfSize(ExecutionInputLimit.MAX_BYTES);

        assertThat(deliver(sns(message)).notifications()).extracting(NotificationResult::outcome)
                .containsExactly(StartOutcome.STARTED);
        assertThat(world.aws.stepFunctions().executions()).singleElement()
                .satisfies(execution -> assertThat(execution.input()).isEqualTo(message));
    }

    @Test
    void throttledStart_surfacesAsRetryable() {
        world.aws.throttle("StartExecution", 1);

        assertThatThrownBy(() -> deliver(sns(SavedEvents.read("lifecycle-terminating.json"))))
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

    private void assertRejectedAndNothingStarted(String event, String message) {
        assertThatThrownBy(() -> deliver(event))
                .isExactlyInstanceOf(MalformedMessageException.class)
                .hasMessage(message);
        assertThat(world.aws.calls("StartExecution")).isEmpty();
        assertThat(world.metrics.total(Metric.MessagesRejected)).isEqualTo(1);
    }

    /** The terminating message padded with two-byte characters to {@code bytes} of UTF-8 (more than it has in chars). */
    private static String terminatingOfSize(int bytes) {
        String base = SavedEvents.read("lifecycle-terminating.json").strip();
        String open = base.substring(0, base.length() - 1) + ", \"Padding\": \"";
        int missing = bytes - (open + "\"}").getBytes(StandardCharsets.UTF_8).length;
        String message = open + "é".repeat(missing / 2) + "a".repeat(missing % 2) + "\"}";
        assertThat(message.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return message;
    }

    private StartResult deliver(String event) {
        return starter.deliver(event);
    }

    private static String sns(String... messages) {
        return SnsEvents.eventCarrying(messages);
    }
}
