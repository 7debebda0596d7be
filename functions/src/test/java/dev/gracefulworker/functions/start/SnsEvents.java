package dev.gracefulworker.functions.start;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.support.SavedEvents;
import java.io.IOException;
import java.io.UncheckedIOException;

/** SNS events as Lambda delivers them to the starter, made from the saved one. */
final class SnsEvents {

    private SnsEvents() {}

    /** The saved {@code sns-event-terminating.json}, one record per message, each carrying that message instead. */
    static String eventCarrying(String... messages) {
        ObjectNode event = savedEvent();
        ArrayNode records = (ArrayNode) event.get("Records");
        JsonNode saved = records.get(0);
        records.removeAll();
        for (String message : messages) {
            ObjectNode record = saved.deepCopy();
            ((ObjectNode) record.get("Sns")).put("Message", message);
            records.add(record);
        }
        return event.toString();
    }

    /** {@code statemachine/events/sns-event-terminating.json} as a tree to change. */
    static ObjectNode savedEvent() {
        try {
            return (ObjectNode) Json.mapper().readTree(SavedEvents.read("sns-event-terminating.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
