package dev.gracefulworker.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An ELBv2 target group the local AWS endpoint holds, with its targets registered healthy. {@code attachedToGroup}
 * attaches it to the Auto Scaling group of the terminating instance (DescribeAutoScalingGroups' TargetGroupARNs);
 * {@code targets} empty means every instance of the scenario.
 */
public record TargetGroupSpec(String name, int deregistrationDelaySeconds, boolean attachedToGroup,
                              Map<String, String> tags, List<String> targets) {

    private static final List<String> KEYS =
            List.of("name", "deregistrationDelaySeconds", "attachedToGroup", "tags", "targetType", "targets");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
    private static final int DEFAULT_DELAY_SECONDS = 300;
    private static final int MAX_DELAY_SECONDS = 3600;

    public TargetGroupSpec {
        Objects.requireNonNull(name, "a target group needs a name");
        tags = Map.copyOf(tags);
        targets = List.copyOf(targets);
    }

    /** The targets to register: this group's own, else {@code scenarioInstances}. */
    public List<String> targetsOr(List<String> scenarioInstances) {
        return targets.isEmpty() ? scenarioInstances : targets;
    }

    /** The {@code targetGroups:} list of a scenario, each error naming the field, e.g. {@code targetGroups[1].name}. */
    static List<TargetGroupSpec> parseList(JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("targetGroups must be a list of target groups, not " + list);
        }
        var groups = new ArrayList<TargetGroupSpec>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            TargetGroupSpec group = parse(list.get(i), "targetGroups[" + i + "]");
            if (!names.add(group.name())) {
                throw new IllegalArgumentException("targetGroups[" + i + "].name: " + group.name() + " is named twice");
            }
            groups.add(group);
        }
        return groups;
    }

    private static TargetGroupSpec parse(JsonNode group, String at) {
        if (!group.isObject()) {
            throw new IllegalArgumentException(at + " must be a mapping ({name, deregistrationDelaySeconds, "
                    + "attachedToGroup, tags, targetType, targets}), not " + group);
        }
        group.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(at + ": unknown key " + key + " (one of " + String.join(", ", KEYS) + ")");
            }
        });
        JsonNode name = group.path("name");
        if (!name.isTextual() || !NAME.matcher(name.asText()).matches()) {
            throw new IllegalArgumentException(at + ".name: 1 to 32 letters, digits and inner hyphens, "
                    + (group.has("name") ? "not " + name : "missing"));
        }
        JsonNode delay = group.path("deregistrationDelaySeconds");
        if (!delay.isMissingNode() && !(delay.canConvertToInt() && delay.isIntegralNumber()
                && delay.asInt() >= 0 && delay.asInt() <= MAX_DELAY_SECONDS)) {
            throw new IllegalArgumentException(at + ".deregistrationDelaySeconds: 0 to " + MAX_DELAY_SECONDS
                    + " seconds, not " + delay);
        }
        JsonNode attached = group.path("attachedToGroup");
        if (!attached.isMissingNode() && !attached.isBoolean()) {
            throw new IllegalArgumentException(at + ".attachedToGroup: true or false, not " + attached);
        }
        JsonNode targetType = group.path("targetType");
        if (!targetType.isMissingNode() && !targetType.asText().equals("instance")) {
            throw new IllegalArgumentException(at + ".targetType: only instance target groups are emulated, not "
                    + targetType);
        }
        return new TargetGroupSpec(name.asText(), delay.isMissingNode() ? DEFAULT_DELAY_SECONDS : delay.asInt(),
                attached.asBoolean(false), tags(group.get("tags"), at + ".tags"), targets(group.get("targets"), at + ".targets"));
    }

    private static Map<String, String> tags(JsonNode tags, String at) {
        var found = new LinkedHashMap<String, String>();
        if (tags == null) {
            return found;
        }
        if (!tags.isObject()) {
            throw new IllegalArgumentException(at + " must be a mapping of tag keys to values, not " + tags);
        }
        tags.fields().forEachRemaining(tag -> {
            if (!tag.getValue().isValueNode() || tag.getValue().isNull()) {
                throw new IllegalArgumentException(at + "." + tag.getKey() + ": a tag value is text, not " + tag.getValue());
            }
            found.put(tag.getKey(), tag.getValue().asText());
        });
        return found;
    }

    private static List<String> targets(JsonNode targets, String at) {
        if (targets == null) {
            return List.of();
        }
        if (!targets.isArray() || targets.isEmpty()) {
            throw new IllegalArgumentException(at + " must be a list of instance ids (leave it out for every "
                    + "instance), not " + targets);
        }
        var ids = new ArrayList<String>();
        for (int i = 0; i < targets.size(); i++) {
            JsonNode id = targets.get(i);
            if (!id.isTextual() || !INSTANCE_ID.matcher(id.asText()).matches()) {
                throw new IllegalArgumentException(at + "[" + i + "]: an instance id (i-0123456789abcdef0), not " + id);
            }
            ids.add(id.asText());
        }
        return ids;
    }

    /** The tags as {@code key=value, ...} (sorted by key); empty when the group has none. */
    public Optional<String> describeTags() {
        return tags.isEmpty() ? Optional.empty() : Optional.of(String.join(", ",
                tags.entrySet().stream().map(tag -> tag.getKey() + "=" + tag.getValue()).sorted().toList()));
    }
}
