package dev.gracefulworker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A saved event file, by how it reaches the workflow. */
public sealed interface SavedInput {

    /** The lifecycle message itself: the execution input (a saved input replays as it is). */
    record Message(JsonNode message) implements SavedInput {
    }

    /** An SNS event: delivered to the starter, which starts the execution. */
    record SnsEvent(JsonNode event) implements SavedInput {
    }

    /**
     * Reads a file from {@code statemachine/events/} or one like it: an SNS event (Records[].Sns), an EventBridge event
     * (its {@code detail} is the input, as the rule's target passes it) or a lifecycle message.
     */
    static SavedInput read(Path file) {
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            if (json.path("Records").path(0).has("Sns")) {
                return new SnsEvent(json);
            }
            if (json.has("detail-type") && json.has("detail")) {
                return new Message(json.get("detail"));
            }
            return new Message(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input " + file, e);
        }
    }
}
