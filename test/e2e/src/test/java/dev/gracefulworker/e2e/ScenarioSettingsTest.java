package dev.gracefulworker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScenarioSettings settings = new ScenarioSettings(Optional.of(object("{\"drainMode\": \"WAIT\"}")));

    @Test
    void settings_becomeTheMessagesNotificationMetadata() throws Exception {
        JsonNode message = settings.applyTo(saved("lifecycle-terminating.json"));

        assertThat(JSON.readTree(message.path("NotificationMetadata").asText()))
                .isEqualTo(JSON.readTree("{\"drainMode\": \"WAIT\"}"));
    }

    @Test
    void settings_areMergedOverTheMetadataTheMessageCarries() throws Exception {
        JsonNode message = settings.applyTo(saved("lifecycle-terminating-with-metadata.json"));

        JsonNode metadata = JSON.readTree(message.path("NotificationMetadata").asText());
        assertThat(metadata.path("drainMode").asText()).isEqualTo("WAIT");
        assertThat(metadata.path("maxWaitSeconds").asInt()).isEqualTo(7200);
    }

    @Test
    void messageThatIsNotATermination_isLeftAsItIs() throws Exception {
        JsonNode testNotification = saved("lifecycle-test-notification.json");

        assertThat(settings.applyTo(testNotification)).isSameAs(testNotification);
    }

    @Test
    void snsEvent_carriesTheSettingsInItsMessage() throws Exception {
        JsonNode event = settings.applyToSnsEvent(saved("sns-event-terminating.json"));

        JsonNode message = JSON.readTree(event.at("/Records/0/Sns/Message").asText());
        assertThat(message.path("EC2InstanceId").asText()).isEqualTo("i-0a1b2c3d4e5f60718");
        assertThat(message.path("NotificationMetadata").asText()).contains("WAIT");
    }

    private static JsonNode saved(String fileName) throws Exception {
        return JSON.readTree(RepoLayout.locate().savedEvent(fileName).toFile());
    }

    private static ObjectNode object(String json) {
        return ExecutionInput.parseObject(json).orElseThrow();
    }
}
