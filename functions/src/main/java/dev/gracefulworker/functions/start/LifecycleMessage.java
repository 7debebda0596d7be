package dev.gracefulworker.functions.start;

/** The fields of an Auto Scaling termination lifecycle message the workflow acts on. */
public record LifecycleMessage(
        String instanceId,
        String lifecycleActionToken,
        String autoScalingGroupName,
        String lifecycleHookName,
        String lifecycleTransition,
        String destination) {

    public static final String TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING";
}
