package dev.gracefulworker.functions.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.functions.lifecycle.LifecycleResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Applies a hook's {@code NotificationMetadata} (a JSON object) over the deployed settings. Metadata that is not a
 * JSON object is ignored with a reason (it may be used for something else); a known key with a bad value fails;
 * unknown keys are listed and ignored.
 */
public final class SettingsOverrides {

    private record Rule(String expected, Predicate<JsonNode> accepts) {}

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("waitForPods", new Rule("an array of {\"namespace\", \"labelSelector\"} objects", SettingsOverrides::isSelectorList));
        RULES.put("drainMode", enumRule(DrainMode.values()));
        RULES.put("pollIntervalSeconds", intRule());
        RULES.put("maxPollIntervalSeconds", intRule());
        RULES.put("maxWaitSeconds", intRule());
        RULES.put("heartbeatTimeoutSeconds", intRule());
        RULES.put("taintNode", new Rule("true or false", JsonNode::isBoolean));
        RULES.put("dryRun", new Rule("true or false", JsonNode::isBoolean));
        RULES.put("onTimeout", enumRule(LifecycleResult.values()));
        RULES.put("onFailure", enumRule(FailurePolicy.values()));
    }

    private final ObjectMapper json;

    public SettingsOverrides(ObjectMapper json) {
        this.json = json;
    }

    public Settings apply(Settings deployed, String notificationMetadata) {
        if (notificationMetadata == null || notificationMetadata.isBlank()) {
            return deployed.validated();
        }
        JsonNode metadata;
        try {
            metadata = json.readTree(notificationMetadata);
        } catch (JsonProcessingException e) {
            return ignored(deployed, "NotificationMetadata is not JSON");
        }
        if (metadata == null || !metadata.isObject()) {
            return ignored(deployed, "NotificationMetadata is not a JSON object");
        }
        ObjectNode merged = json.valueToTree(deployed);
        List<String> overridden = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Rule rule = RULES.get(field.getKey());
            if (rule == null) {
                unknown.add(field.getKey());
                continue;
            }
            if (!rule.accepts().test(field.getValue())) {
                throw new InvalidSettingsException(field.getKey(),
                        "NotificationMetadata has " + field.getValue() + ", expected " + rule.expected());
            }
            merged.set(field.getKey(), field.getValue());
            overridden.add(field.getKey());
        }
        merged.set("overridden", json.valueToTree(overridden));
        merged.set("ignoredOverrideKeys", json.valueToTree(unknown));
        merged.putNull("overridesIgnored");
        try {
            return json.treeToValue(merged, Settings.class).validated();
        } catch (JsonProcessingException e) {
            throw new InvalidSettingsException("NotificationMetadata", e.getOriginalMessage());
        }
    }

    private static Settings ignored(Settings deployed, String reason) {
        return new Settings(deployed.waitForPods(), deployed.drainMode(), deployed.pollIntervalSeconds(),
                deployed.maxPollIntervalSeconds(), deployed.maxWaitSeconds(), deployed.heartbeatTimeoutSeconds(),
                deployed.taintNode(), deployed.dryRun(), deployed.onTimeout(), deployed.onFailure(),
                List.of(), List.of(), reason).validated();
    }

    private static Rule intRule() {
        return new Rule("a whole number of seconds", node -> node.isIntegralNumber() && node.canConvertToInt());
    }

    private static Rule enumRule(Enum<?>[] values) {
        List<String> names = Arrays.stream(values).map(Enum::name).toList();
        return new Rule("one of " + String.join(", ", names), node -> node.isTextual() && names.contains(node.asText()));
    }

    private static boolean isSelectorList(JsonNode node) {
        if (!(node instanceof ArrayNode array)) {
            return false;
        }
        for (JsonNode item : array) {
            if (!item.isObject() || !item.path("namespace").isTextual()
                    || !(item.path("labelSelector").isTextual() || item.path("labelSelector").isMissingNode())) {
                return false;
            }
        }
        return true;
    }
}
