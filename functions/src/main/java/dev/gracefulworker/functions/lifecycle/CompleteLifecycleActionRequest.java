package dev.gracefulworker.functions.lifecycle;

/** Input of every "Complete: …" task. {@code reason} is drained|nothingToDrain|timeout|actionEnded|failed. */
public record CompleteLifecycleActionRequest(
        String instanceId,
        String autoScalingGroupName,
        String lifecycleHookName,
        String lifecycleActionToken,
        String result,
        String reason,
        boolean dryRun,
        String startedAt) {}
