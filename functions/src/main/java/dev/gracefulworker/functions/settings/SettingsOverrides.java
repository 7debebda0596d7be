package dev.gracefulworker.functions.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.contract.DrainMode;
import dev.gracefulworker.contract.FailurePolicy;
import dev.gracefulworker.contract.DefinitionLimits;
import dev.gracefulworker.contract.InvalidSettingsException;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.contract.SettingKey;
import dev.gracefulworker.contract.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
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

    // every SettingKey has exactly one rule: SettingsOverridesTest checks the two lists agree
    private static final Map<SettingKey, Rule> RULES = new EnumMap<>(SettingKey.class);

    static {
        RULES.put(SettingKey.WAIT_FOR_PODS,
                new Rule("an array of {\"namespace\", \"labelSelector\"} objects", SettingsOverrides::isSelectorList));
        RULES.put(SettingKey.DRAIN_MODE, enumRule(DrainMode.values()));
        RULES.put(SettingKey.POLL_INTERVAL_SECONDS, intRule());
        RULES.put(SettingKey.MAX_POLL_INTERVAL_SECONDS, intRule());
        RULES.put(SettingKey.MAX_WAIT_SECONDS, intRule());
        RULES.put(SettingKey.HEARTBEAT_TIMEOUT_SECONDS, intRule());
        RULES.put(SettingKey.MAX_OUTAGE_SECONDS, intRule());
        RULES.put(SettingKey.TERMINATION_SKEW_SECONDS, intRule());
        RULES.put(SettingKey.VOLUME_DETACH_TIMEOUT_SECONDS, intRule());
        RULES.put(SettingKey.EXCLUDE_FROM_LOAD_BALANCERS, new Rule("true or false", JsonNode::isBoolean));
        RULES.put(SettingKey.LOAD_BALANCER_DRAIN_TIMEOUT_SECONDS, intRule());
        RULES.put(SettingKey.TARGET_GROUP_ARNS, new Rule("an array of target group ARNs",
                SettingsOverrides::isTextList));
        RULES.put(SettingKey.WAIT_FOR_UNREPLACEABLE_PODS, new Rule("true or false", JsonNode::isBoolean));
        RULES.put(SettingKey.FORCE_DELETE_BEFORE_DEADLINE, new Rule("true or false", JsonNode::isBoolean));
        RULES.put(SettingKey.TAINT_NODE, new Rule("true or false", JsonNode::isBoolean));
        RULES.put(SettingKey.DRY_RUN, new Rule("true or false", JsonNode::isBoolean));
        RULES.put(SettingKey.ON_TIMEOUT, enumRule(LifecycleResult.values()));
        RULES.put(SettingKey.ON_FAILURE, enumRule(FailurePolicy.values()));
    }

    private final ObjectMapper json;

    public SettingsOverrides(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The deployed settings with the metadata's overrides applied, checked against every settings rule and the
     * definition's limits (history and heartbeats) (an override is not seen at synth).
     */
    public Settings apply(Settings deployed, String notificationMetadata, DefinitionLimits limits) {
        if (notificationMetadata == null || notificationMetadata.isBlank()) {
            return deployed.validated(limits);
        }
        JsonNode metadata;
        try {
            metadata = json.readTree(notificationMetadata);
        } catch (JsonProcessingException e) {
            return ignored(deployed, "NotificationMetadata is not JSON", limits);
        }
        if (metadata == null || !metadata.isObject()) {
            return ignored(deployed, "NotificationMetadata is not a JSON object", limits);
        }
        ObjectNode merged = json.valueToTree(deployed);
        List<String> overridden = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Rule rule = SettingKey.of(field.getKey()).map(RULES::get).orElse(null);
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
            return json.treeToValue(merged, Settings.class).validated(limits);
        } catch (JsonProcessingException e) {
            throw new InvalidSettingsException("NotificationMetadata", e.getOriginalMessage());
        }
    }

    private static Settings ignored(Settings deployed, String reason, DefinitionLimits limits) {
        return deployed.toBuilder().overridden(List.of()).ignoredOverrideKeys(List.of()).overridesIgnored(reason).build()
                .validated(limits);
    }

    private static Rule intRule() {
        return new Rule("a whole number of seconds", node -> node.isIntegralNumber() && node.canConvertToInt());
    }

    private static Rule enumRule(Enum<?>[] values) {
        List<String> names = Arrays.stream(values).map(Enum::name).toList();
        return new Rule("one of " + String.join(", ", names), node -> node.isTextual() && names.contains(node.asText()));
    }

    private static boolean isTextList(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
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
