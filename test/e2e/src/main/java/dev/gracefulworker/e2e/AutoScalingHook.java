package dev.gracefulworker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.e2e.scenario.LifecycleActionSpec;
import dev.gracefulworker.emulator.aws.AutoScaling;
import dev.gracefulworker.emulator.aws.LoadBalancing;

import java.util.List;
import java.util.Optional;

/**
 * The group's termination hook as the local Auto Scaling holds it: each terminating message an execution runs with has
 * a lifecycle action in Terminating:Wait (once per token), unless the scenario says the action already ended. As Auto
 * Scaling does before the hook's wait, the instance is deregistered from the target groups attached to the group. The
 * scenario's {@code attachedToGroup} target groups are attached to the message's group first.
 */
record AutoScalingHook(AutoScaling autoScaling, LoadBalancing loadBalancing, LifecycleActionSpec spec,
                       Optional<ObjectNode> deployedSettings, List<String> attachedTargetGroupArns) {

    private static final int FALLBACK_HEARTBEAT_TIMEOUT_SECONDS = 300;

    /** Starts the message's lifecycle action unless it is held already (a replay) or the scenario says it ended. */
    void holdActionFor(ExecutionInput input) {
        input.groupName().filter(_ -> !attachedTargetGroupArns.isEmpty()).ifPresent(this::attachTargetGroups);
        if (!input.isCompleteTermination() || !spec.started()) {
            return;
        }
        String token = input.token().orElseThrow();
        if (autoScaling.actions().stream().noneMatch(action -> action.token().equals(token))) {
            autoScaling.startLifecycleAction(input.groupName().orElseThrow(), input.hookName().orElseThrow(),
                    input.instanceId().orElseThrow(), token, heartbeatTimeoutSeconds(input), spec.defaultResult());
            autoScaling.targetGroupArns(input.groupName().orElseThrow())
                    .forEach(arn -> loadBalancing.deregister(arn, input.instanceId().orElseThrow()));
        }
    }

    private void attachTargetGroups(String groupName) {
        autoScaling.addGroup(groupName);
        List<String> attached = autoScaling.targetGroupArns(groupName);
        attachedTargetGroupArns.stream().filter(arn -> !attached.contains(arn))
                .forEach(arn -> autoScaling.attachTargetGroup(groupName, arn));
    }

    /** The scenario's heartbeat timeout, else the one the execution's settings name (overridden or deployed). */
    private int heartbeatTimeoutSeconds(ExecutionInput input) {
        if (spec.heartbeatTimeoutSeconds() != null) {
            return spec.heartbeatTimeoutSeconds();
        }
        return input.metadataObject().flatMap(AutoScalingHook::heartbeatTimeout)
                .or(() -> deployedSettings.flatMap(AutoScalingHook::heartbeatTimeout))
                .orElse(FALLBACK_HEARTBEAT_TIMEOUT_SECONDS);
    }

    private static Optional<Integer> heartbeatTimeout(ObjectNode settings) {
        JsonNode value = settings.path("heartbeatTimeoutSeconds");
        return value.canConvertToInt() ? Optional.of(value.asInt()) : Optional.empty();
    }
}
