package dev.gracefulworker.functions.lifecycle;

/** Names one lifecycle action: by its token, or by the instance id as fallback. */
public record LifecycleActionRef(String autoScalingGroupName, String lifecycleHookName, String instanceId, String lifecycleActionToken) {}
