package dev.gracefulworker.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/** The fields of an execution input (a lifecycle message) the runner itself needs; the workflow reads the rest. */
record ExecutionInput(JsonNode json) {

    static final String TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING";
    private static final ObjectMapper JSON = new ObjectMapper();

    Optional<String> instanceId() {
        return text("EC2InstanceId");
    }

    Optional<String> token() {
        return text("LifecycleActionToken");
    }

    Optional<String> groupName() {
        return text("AutoScalingGroupName");
    }

    Optional<String> hookName() {
        return text("LifecycleHookName");
    }

    /** The NotificationMetadata when it is a JSON object (the only form that overrides settings). */
    Optional<ObjectNode> metadataObject() {
        return text("NotificationMetadata").flatMap(ExecutionInput::parseObject);
    }

    /** A terminating lifecycle action with all four ids: one Auto Scaling holds in Terminating:Wait. */
    boolean isCompleteTermination() {
        return text("LifecycleTransition").filter(TERMINATING::equals).isPresent()
                && instanceId().isPresent() && token().isPresent() && groupName().isPresent() && hookName().isPresent();
    }

    /** A JSON object from text; empty for anything else, including text that is not JSON. */
    static Optional<ObjectNode> parseObject(String json) {
        try {
            return JSON.readTree(json) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String field) {
        JsonNode value = json.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
