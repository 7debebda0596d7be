package dev.gracefulworker.functions.start;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the SNS event as Lambda delivers it (the raw bytes of the stream entry point) into its messages, one per
 * record, in order. Ours, not the runtime's typed {@code SNSEvent}: that deserializer throws before the handler on
 * a broken event, and the getters hand back nulls that fail later as NullPointerExceptions. Here every broken place
 * is a {@link MalformedMessageException} naming its path ({@code Records[2].Sns.Message is missing}).
 */
final class SnsEventReader {

    private static final String EVENT = "the event";

    List<SnsMessage> read(byte[] event) {
        JsonNode root;
        try {
            root = StrictJson.read(new String(event, StandardCharsets.UTF_8));
        } catch (StrictJson.Rejection e) {
            throw MalformedMessageException.inEvent(EVENT, e.getMessage());
        }
        JsonNode records = present(object(root, EVENT), "Records", "Records");
        if (!records.isArray()) {
            throw MalformedMessageException.inEvent("Records", "is not an array");
        }
        if (records.isEmpty()) {
            // SNS delivers one record per invocation: an event without any is not from SNS
            throw MalformedMessageException.inEvent("Records", "is empty");
        }
        List<SnsMessage> messages = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            String record = "Records[" + i + "]";
            JsonNode sns = present(object(records.get(i), record), "Sns", record + ".Sns");
            String path = record + ".Sns.Message";
            JsonNode message = present(object(sns, record + ".Sns"), "Message", path);
            if (!message.isTextual()) {
                throw MalformedMessageException.inEvent(path, "is not a string");
            }
            messages.add(new SnsMessage(path, message.asText()));
        }
        return messages;
    }

    private static JsonNode object(JsonNode node, String path) {
        if (node.isNull()) {
            throw MalformedMessageException.inEvent(path, "is null");
        }
        if (!node.isObject()) {
            throw MalformedMessageException.inEvent(path, "is not a JSON object");
        }
        return node;
    }

    private static JsonNode present(JsonNode parent, String key, String path) {
        JsonNode value = parent.get(key);
        if (value == null) {
            throw MalformedMessageException.inEvent(path, "is missing");
        }
        if (value.isNull()) {
            throw MalformedMessageException.inEvent(path, "is null");
        }
        return value;
    }
}
