package dev.gracefulworker.functions.lifecycle;

import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.functions.aws.AwsFailures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

/** {@link LifecycleActions} through the Auto Scaling API, reading its ValidationError messages. */
public final class AutoScalingLifecycleActions implements LifecycleActions {

    static final String NO_ACTIVE_ACTION = "No active Lifecycle Action found";

    private final AutoScalingClient autoScaling;

    public AutoScalingLifecycleActions(AutoScalingClient autoScaling) {
        this.autoScaling = autoScaling;
    }

    @Override
    public ActionAnswer complete(LifecycleActionRef action, LifecycleResult result, Identify by) {
        return answer("CompleteLifecycleAction", action, by, () -> autoScaling.completeLifecycleAction(r -> {
            r.autoScalingGroupName(action.autoScalingGroupName())
                    .lifecycleHookName(action.lifecycleHookName())
                    .lifecycleActionResult(result.name());
            switch (by) {
                case BY_TOKEN -> r.lifecycleActionToken(action.lifecycleActionToken());
                case BY_INSTANCE_ID -> r.instanceId(action.instanceId());
            }
        }));
    }

    @Override
    public ActionAnswer recordHeartbeat(LifecycleActionRef action, Identify by) {
        return answer("RecordLifecycleActionHeartbeat", action, by, () -> autoScaling.recordLifecycleActionHeartbeat(r -> {
            r.autoScalingGroupName(action.autoScalingGroupName()).lifecycleHookName(action.lifecycleHookName());
            switch (by) {
                case BY_TOKEN -> r.lifecycleActionToken(action.lifecycleActionToken());
                case BY_INSTANCE_ID -> r.instanceId(action.instanceId());
            }
        }));
    }

    private static ActionAnswer answer(String operation, LifecycleActionRef action, Identify by, Runnable call) {
        try {
            call.run();
            return ActionAnswer.ACCEPTED;
        } catch (SdkException e) {
            String message = AwsFailures.errorMessage(e);
            if ("ValidationError".equals(AwsFailures.errorCode(e))) {
                // "No active Lifecycle Action found with token/instance ID": completed, expired or never there.
                if (message.contains(NO_ACTIVE_ACTION)) {
                    return ActionAnswer.NO_ACTIVE_ACTION;
                }
                // Any other validation error on the token (malformed) gets a second chance by instance id.
                if (by == Identify.BY_TOKEN) {
                    return ActionAnswer.TOKEN_REJECTED;
                }
            }
            throw AwsFailures.translate(operation + " for instance " + action.instanceId() + " in group "
                    + action.autoScalingGroupName() + " (hook " + action.lifecycleHookName() + ")", e);
        }
    }
}
