package dev.gracefulworker.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One-line summaries of JSON values, as a console row shows them: {@code status: WAITING, polls: 2, blockingPods: [1]}.
 * Null, empty and zero fields are left out, and so are the fields every task repeats (the message's ids).
 */
final class JsonSummary {

    private static final int NESTED_LIMIT = 48;
    private static final Set<String> REPEATED_IDS = Set.of("instanceId", "autoScalingGroupName", "lifecycleHookName",
            "lifecycleActionToken", "executionName", "startedAt");

    private JsonSummary() {
    }

    /** The value on one line, at most {@code limit} characters; nested values that are too long shrink to {…} or [n]. */
    static String of(JsonNode value, int limit) {
        String line = render(value, true, true);
        if (line.equals("{}")) {
            line = render(value, true, false);
        }
        if (value != null && value.isObject() && line.length() >= 2) {
            line = line.substring(1, line.length() - 1);
        }
        return line.length() <= limit ? line : line.substring(0, limit - 1) + "…";
    }

    private static String render(JsonNode value, boolean top, boolean dropRepeatedIds) {
        if (value == null || value.isMissingNode()) {
            return "-";
        }
        if (value.isObject()) {
            List<String> fields = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (!isNoise(field.getKey(), field.getValue(), top && dropRepeatedIds)) {
                    fields.add(field.getKey() + ": " + nested(field.getValue()));
                }
            }
            String rendered = "{" + String.join(", ", fields) + "}";
            return top || rendered.length() <= NESTED_LIMIT ? rendered : "{…}";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(nested(item)));
            String rendered = "[" + String.join(", ", items) + "]";
            return top || rendered.length() <= NESTED_LIMIT ? rendered : "[" + value.size() + "]";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static boolean isNoise(String key, JsonNode value, boolean dropRepeatedIds) {
        boolean empty = value.isNull() || (value.isContainerNode() && value.isEmpty())
                || (value.isTextual() && value.asText().isEmpty()) || (value.isNumber() && value.asDouble() == 0);
        return empty || (dropRepeatedIds && REPEATED_IDS.contains(key));
    }

    private static String nested(JsonNode value) {
        return render(value, false, false);
    }
}
