package dev.gracefulworker.functions.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.support.SavedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LifecycleMessageParserTest {

    private final LifecycleMessageParser parser = new LifecycleMessageParser();

    @Test
    void terminatingMessage_isATerminationWithEveryId() {
        String message = SavedEvents.read("lifecycle-terminating.json");

        Notification parsed = parser.parse(message);

        assertThat(parsed).isEqualTo(new Notification.Termination(new LifecycleMessage("i-0a1b2c3d4e5f60718",
                "3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18", "workers-spot-a", "graceful-termination",
                LifecycleMessage.TERMINATING, "EC2"), message));
    }

    @Test
    void terminatingToWarmPool_isATerminationThatKeepsItsDestination() {
        Notification parsed = parser.parse(SavedEvents.read("lifecycle-terminating-to-warm-pool.json"));

        assertThat(parsed).isInstanceOfSatisfying(Notification.Termination.class,
                t -> assertThat(t.message().destination()).isEqualTo("WarmPool"));
    }

    @Test
    void terminatingWithMetadata_isATerminationWhoseInputKeepsTheMetadata() {
        String message = SavedEvents.read("lifecycle-terminating-with-metadata.json");

        Notification parsed = parser.parse(message);

        assertThat(parsed).isInstanceOfSatisfying(Notification.Termination.class,
                t -> assertThat(t.rawMessage()).isEqualTo(message).contains("NotificationMetadata"));
    }

    @Test
    void eventBridgeDetail_parsesLikeTheSnsMessage() throws Exception {
        JsonNode detail = Json.mapper().readTree(SavedEvents.read("eventbridge-terminating.json")).get("detail");

        Notification parsed = parser.parse(detail.toString());

        assertThat(parsed).isInstanceOfSatisfying(Notification.Termination.class,
                t -> assertThat(t.message().instanceId()).isEqualTo("i-0a1b2c3d4e5f60718"));
    }

    @Test
    void testNotification_isIgnoredWithItsReason() {
        Notification parsed = parser.parse(SavedEvents.read("lifecycle-test-notification.json"));

        assertThat(parsed).isEqualTo(new Notification.Ignored("test notification", "workers-spot-a"));
    }

    @Test
    void launchingTransition_isIgnoredAsNotATermination() {
        Notification parsed = parser.parse(SavedEvents.read("lifecycle-launching.json"));

        assertThat(parsed).isEqualTo(new Notification.Ignored(
                "transition autoscaling:EC2_INSTANCE_LAUNCHING is not a termination", "workers-spot-a"));
    }

    @Test
    void autoScalingEventNotification_isIgnoredAsNotALifecycleAction() {
        Notification parsed = parser.parse("{\"Event\":\"autoscaling:EC2_INSTANCE_TERMINATE\",\"AutoScalingGroupName\":\"g\"}");

        assertThat(parsed).isEqualTo(new Notification.Ignored("not a lifecycle action: autoscaling:EC2_INSTANCE_TERMINATE", "g"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC2InstanceId", "LifecycleActionToken", "AutoScalingGroupName", "LifecycleHookName", "LifecycleTransition"})
    void missingField_isRejectedNamingTheField(String field) throws Exception {
        ObjectNode message = terminating();
        message.remove(field);

        assertThatThrownBy(() -> parser.parse(message.toString()))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(field + " is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC2InstanceId", "LifecycleActionToken", "AutoScalingGroupName", "LifecycleHookName"})
    void emptyField_isRejectedNamingTheField(String field) throws Exception {
        ObjectNode message = terminating();
        message.put(field, " ");

        assertThatThrownBy(() -> parser.parse(message.toString()))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC2InstanceId", "LifecycleActionToken", "AutoScalingGroupName", "LifecycleHookName"})
    void nonStringField_isRejectedNamingTheField(String field) throws Exception {
        ObjectNode message = terminating();
        message.put(field, 42);

        assertThatThrownBy(() -> parser.parse(message.toString()))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining("is not a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"i-123", "i-0a1b2c3d4e5f6071", "i-0A1B2C3D4E5F60718", "0a1b2c3d4e5f60718", "i-0a1b2c3d4e5f607189", "node-1"})
    void badInstanceId_isRejected(String instanceId) throws Exception {
        ObjectNode message = terminating();
        message.put("EC2InstanceId", instanceId);

        assertThatThrownBy(() -> parser.parse(message.toString()))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo("EC2InstanceId"))
                .hasMessageContaining(instanceId);
    }

    @Test
    void shortFormInstanceId_isAccepted() throws Exception {
        ObjectNode message = terminating();
        message.put("EC2InstanceId", "i-0a1b2c3d");

        assertThat(parser.parse(message.toString())).isInstanceOf(Notification.Termination.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "not json at all           | is not JSON",
            "[1, 2]                    | is not a JSON object",
            "\"a string\"              | is not a JSON object",
            "{\"a\": 1} xyz            | has data after its JSON value (from character 8)",
            "{\"a\": 1}{\"a\": 2}        | has data after its JSON value (from character 8)",
            "{\"a\": 1}]                 | has data after its JSON value (from character 8)",
            "{\"a\": 1, \"a\": 1}        | has the key 'a' twice",
            "{\"a\": {\"b\": 1, \"b\": 2}} | has the key 'b' twice"})
    void messageThatIsNotAnObject_isRejectedAsMessage(String message, String problem) {
        assertThatThrownBy(() -> parser.parse(message))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo("Message"))
                .hasMessageContaining(problem);
    }

    @Test
    void nonStringTransition_isRejectedAsNotAString() throws Exception {
        ObjectNode message = terminating();
        message.put("LifecycleTransition", 42);

        assertThatThrownBy(() -> parser.parse(message.toString()))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo("LifecycleTransition"))
                .hasMessageContaining("LifecycleTransition is not a string");
    }

    @Test
    void emptyMessage_isRejectedAsMessage() {
        assertThatThrownBy(() -> parser.parse(""))
                .isInstanceOfSatisfying(MalformedMessageException.class, e -> assertThat(e.field()).isEqualTo("Message"));
    }

    private static ObjectNode terminating() throws Exception {
        return (ObjectNode) Json.mapper().readTree(SavedEvents.read("lifecycle-terminating.json"));
    }
}
