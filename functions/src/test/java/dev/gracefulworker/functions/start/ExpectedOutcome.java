package dev.gracefulworker.functions.start;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.functions.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the starter should do with an SNS event, read from the rules as WORKFLOW.md and the functions README state
 * them, independently of the starter's code: its own walk over the tokens finds repeated keys and trailing data, and
 * fields are read from a lenient tree only once the text is known to be one clean value.
 */
sealed interface ExpectedOutcome {

    /** The event or one of its messages is malformed: nothing may start. */
    record Rejected(String why) implements ExpectedOutcome {}

    /** One entry per record, in order. */
    record Accepted(List<Entry> entries) implements ExpectedOutcome {}

    /** What one record asks for. */
    sealed interface Entry {}

    /** A termination: an execution of this name with exactly this input. */
    record Start(String executionName, String input) implements Entry {}

    /** A test notification or another transition. */
    record Ignore() implements Entry {}

    Pattern INSTANCE_ID = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");
    List<String> IDS = List.of("EC2InstanceId", "LifecycleActionToken", "AutoScalingGroupName", "LifecycleHookName");
    int MAX_INPUT_BYTES = 262_144;

    static ExpectedOutcome of(String event) {
        Optional<JsonNode> root = oneCleanValue(event);
        if (root.isEmpty() || !root.get().isObject()) {
            return new Rejected("event: not one clean JSON object");
        }
        JsonNode records = root.get().get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            return new Rejected("Records: not a non-empty array");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode record : records) {
            JsonNode message = record.isObject() && record.get("Sns") != null && record.get("Sns").isObject()
                    ? record.get("Sns").get("Message") : null;
            if (message == null || !message.isTextual()) {
                return new Rejected("a record without a string Sns.Message");
            }
            Optional<Entry> entry = entry(message.asText());
            if (entry.isEmpty()) {
                return new Rejected("a malformed message");
            }
            entries.add(entry.get());
        }
        return new Accepted(entries);
    }

    private static Optional<Entry> entry(String text) {
        Optional<JsonNode> parsed = oneCleanValue(text);
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            return Optional.empty();
        }
        JsonNode message = parsed.get();
        JsonNode event = message.get("Event");
        JsonNode transition = message.get("LifecycleTransition");
        boolean eventIsText = event != null && event.isTextual();
        if (eventIsText && event.asText().equals("autoscaling:TEST_NOTIFICATION")) {
            return Optional.of(new Ignore());
        }
        if (transition == null || !transition.isTextual()) {
            return eventIsText ? Optional.of(new Ignore()) : Optional.empty();
        }
        if (!transition.asText().equals("autoscaling:EC2_INSTANCE_TERMINATING")) {
            return Optional.of(new Ignore());
        }
        for (String id : IDS) {
            JsonNode value = message.get(id);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                return Optional.empty();
            }
        }
        String instanceId = message.get("EC2InstanceId").asText();
        if (!INSTANCE_ID.matcher(instanceId).matches() || text.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new Start(ExecutionName.of(instanceId, message.get("LifecycleActionToken").asText()), text));
    }

    /** The value {@code text} holds if it is exactly one JSON value with no key repeated in any object. */
    private static Optional<JsonNode> oneCleanValue(String text) {
        try (JsonParser tokens = new JsonFactory().createParser(text)) {
            Deque<Set<String>> open = new ArrayDeque<>();
            int depth = 0;
            JsonToken token = tokens.nextToken();
            while (token != null) {
                switch (token) {
                    case START_OBJECT -> {
                        open.push(new HashSet<>());
                        depth++;
                    }
                    case END_OBJECT -> {
                        open.pop();
                        depth--;
                    }
                    case START_ARRAY -> depth++;
                    case END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (!open.peek().add(tokens.currentName())) {
                            return Optional.empty();
                        }
                    }
                    default -> { }
                }
                if (depth == 0) {
                    break;
                }
                token = tokens.nextToken();
            }
            if (token == null || tokens.nextToken() != null) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException("the token walk accepted what Jackson cannot read: " + text, e);
        }
    }
}
