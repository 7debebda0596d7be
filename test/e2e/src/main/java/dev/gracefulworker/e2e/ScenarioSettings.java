package dev.gracefulworker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * A scenario's {@code settings:} applied the way a group overrides the deployed settings in production: as the
 * lifecycle message's NotificationMetadata, merged over the metadata the message already carries.
 */
record ScenarioSettings(Optional<ObjectNode> settings) {

    /** The message with the settings in its NotificationMetadata; the same instance when there is nothing to apply. */
    JsonNode applyTo(JsonNode message) {
        ExecutionInput input = new ExecutionInput(message);
        if (settings.isEmpty() || !(message instanceof ObjectNode object) || !input.isCompleteTermination()) {
            return message;
        }
        ObjectNode metadata = input.metadataObject().orElseGet(JsonNodeFactory.instance::objectNode);
        metadata.setAll(settings.get());
        return object.deepCopy().put("NotificationMetadata", metadata.toString());
    }

    /** An SNS event whose records' messages carry the settings, as the hook would publish them. */
    JsonNode applyToSnsEvent(JsonNode snsEvent) {
        JsonNode event = snsEvent.deepCopy();
        for (JsonNode record : event.path("Records")) {
            if (record.path("Sns") instanceof ObjectNode sns && sns.path("Message").isTextual()) {
                Optional<ObjectNode> message = ExecutionInput.parseObject(sns.get("Message").asText());
                JsonNode applied = message.map(this::applyTo).orElse(null);
                if (message.isPresent() && applied != message.get()) {
                    sns.put("Message", applied.toString());
                }
            }
        }
        return event;
    }
}
