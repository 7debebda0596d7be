package dev.gracefulworker.e2e.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.e2e.RepoLayout;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The saved inputs of {@code statemachine/events/}, as the scenarios feed them to the workflow or the starter. */
final class SavedEvents {

    static final String INSTANCE_ID = "i-0a1b2c3d4e5f60718";
    static final String NODE_NAME = "ip-10-0-1-23.eu-west-1.compute.internal";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedEvents() {
    }

    /** {@code lifecycle-terminating.json}: the group terminates i-0a1b2c3d4e5f60718. */
    static JsonNode terminating() {
        return read("lifecycle-terminating.json");
    }

    /** A saved file as it is. */
    static JsonNode read(String fileName) {
        try {
            return JSON.readTree(RepoLayout.locate().savedEvent(fileName).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code sns-event-terminating.json} carrying {@code message} instead of its own. */
    static JsonNode snsEventCarrying(JsonNode message) {
        ObjectNode event = (ObjectNode) read("sns-event-terminating.json");
        ((ObjectNode) event.path("Records").get(0).path("Sns")).put("Message", message.toString());
        return event;
    }

    /** The terminating message without one of its fields. */
    static JsonNode terminatingWithout(String field) {
        ObjectNode message = (ObjectNode) terminating();
        message.remove(field);
        return message;
    }
}
