package dev.gracefulworker.functions.start;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Reads an SNS message from Auto Scaling into plain data first; acting on it is someone else's job. The message must
 * be exactly one JSON object (no data after it, no key twice): it becomes the execution's input as it is, and its ids
 * name the execution.
 */
public final class LifecycleMessageParser {

    static final String TEST_NOTIFICATION = "autoscaling:TEST_NOTIFICATION";
    /** An EC2 instance id: {@code i-} and 8 or 17 hex digits (also what {@code gwt status} accepts). */
    public static final Pattern INSTANCE_ID = Pattern.compile("i-(?:[0-9a-f]{8}|[0-9a-f]{17})");

    public Notification parse(String message) {
        JsonNode root = readObject(message);
        String group = text(root, "AutoScalingGroupName");
        String event = text(root, "Event");
        if (TEST_NOTIFICATION.equals(event)) {
            return new Notification.Ignored("test notification", group);
        }
        String transition = text(root, "LifecycleTransition");
        if (transition == null) {
            if (event != null) {
                return new Notification.Ignored("not a lifecycle action: " + event, group);
            }
            throw new MalformedMessageException("LifecycleTransition",
                    root.hasNonNull("LifecycleTransition") ? "is not a string" : "is missing");
        }
        if (!LifecycleMessage.TERMINATING.equals(transition)) {
            return new Notification.Ignored("transition " + transition + " is not a termination", group);
        }
        String instanceId = required(root, "EC2InstanceId");
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            throw new MalformedMessageException("EC2InstanceId", "is not an instance id: '" + instanceId + "'");
        }
        LifecycleMessage lifecycle = new LifecycleMessage(
                instanceId,
                required(root, "LifecycleActionToken"),
                required(root, "AutoScalingGroupName"),
                required(root, "LifecycleHookName"),
                transition,
                text(root, "Destination"));
        ExecutionInputLimit.check(message);
        return new Notification.Termination(lifecycle, message);
    }

    private static JsonNode readObject(String message) {
        if (message == null) {
            throw new MalformedMessageException("Message", "is missing");
        }
        try {
            JsonNode root = StrictJson.read(message);
            if (!root.isObject()) {
                throw new MalformedMessageException("Message", "is not a JSON object");
            }
            return root;
        } catch (StrictJson.Rejection e) {
            throw new MalformedMessageException("Message", e.getMessage());
        }
    }

    private static String required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedMessageException(field, "is missing");
        }
        if (!node.isTextual()) {
            throw new MalformedMessageException(field, "is not a string");
        }
        if (node.asText().isBlank()) {
            throw new MalformedMessageException(field, "is empty");
        }
        return node.asText();
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
