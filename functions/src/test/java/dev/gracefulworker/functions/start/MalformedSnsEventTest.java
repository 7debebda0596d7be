package dev.gracefulworker.functions.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.support.SavedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SNS events Lambda could hand the starter broken: each is a {@link MalformedMessageException} naming the place,
 * thrown by our code (never a NullPointerException, never the runtime's deserializer), and starts nothing.
 */
class MalformedSnsEventTest {

    @RegisterExtension
    final EmulatedStarter starter = new EmulatedStarter();
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``                                        | the event is empty",
            "null                                      | the event is null",
            "[]                                        | the event is not a JSON object",
            "`\"Records\"`                             | the event is not a JSON object",
            "{}                                        | Records is missing",
            "{\"Records\": null}                       | Records is null",
            "{\"Records\": {}}                         | Records is not an array",
            "{\"Records\": \"x\"}                      | Records is not an array",
            "{\"Records\": []}                         | Records is empty",
            "{\"Records\": [null]}                     | Records[0] is null",
            "{\"Records\": [42]}                       | Records[0] is not a JSON object",
            "{\"Records\": [{}]}                       | Records[0].Sns is missing",
            "{\"Records\": [{\"Sns\": null}]}          | Records[0].Sns is null",
            "{\"Records\": [{\"Sns\": [1]}]}           | Records[0].Sns is not a JSON object",
            "{\"Records\": [{\"Sns\": {}}]}            | Records[0].Sns.Message is missing",
            "{\"Records\": [{\"Sns\": {\"Message\": null}}]}  | Records[0].Sns.Message is null",
            "{\"Records\": [{\"Sns\": {\"Message\": 42}}]}    | Records[0].Sns.Message is not a string",
            "{\"Records\": [{\"Sns\": {\"Message\": {}}}]}    | Records[0].Sns.Message is not a string",
            "`{\"Records\": [], \"Records\": [1]}`     | the event has the key 'Records' twice",
            "{\"Records\": []} xyz                     | the event has data after its JSON value (from character 15)",
            "{\"Records\": [] }{}                      | the event has data after its JSON value (from character 16)",
            "{\"Records\": [                           | the event is not JSON"})
    void brokenEnvelope_isRejectedNamingThePlace(String event, String problem) {
        assertThatThrownBy(() -> starter.deliver(event))
                .isExactlyInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("malformed SNS event: " + problem);
        assertThat(starter.world().aws.calls("StartExecution")).isEmpty();
        assertThat(starter.world().metrics.total(Metric.MessagesRejected)).isEqualTo(1);
    }

    @Test
    void brokenSecondRecord_isNamedByIndexAndTheGoodFirstStartsNothing() {
        String good = SnsEvents.eventCarrying(SavedEvents.read("lifecycle-terminating.json"));
        String event = good.replaceFirst("]}$", ",{\"Sns\":{\"Subject\":\"no message\"}}]}");

        assertThatThrownBy(() -> starter.deliver(event))
                .isExactlyInstanceOf(MalformedMessageException.class)
                .hasMessage("malformed SNS event: Records[1].Sns.Message is missing")
                .satisfies(e -> assertThat(((MalformedMessageException) e).field()).isEqualTo("Records[1].Sns.Message"));
        assertThat(starter.world().aws.calls("StartExecution")).isEmpty();
    }

    @Test
    void recordWithoutAnythingButItsMessage_isEnough() {
        String event = "{\"Records\":[{\"Sns\":{\"Message\":" + quoted(SavedEvents.read("lifecycle-terminating.json")) + "}}]}";

        assertThat(starter.deliver(event).notifications()).extracting(NotificationResult::outcome)
                .containsExactly(StartOutcome.STARTED);
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }
}
