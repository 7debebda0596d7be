package dev.gracefulworker.functions.lifecycle;

import dev.gracefulworker.contract.CompletionReason;
import dev.gracefulworker.contract.LifecycleResult;

/**
 * Input of every "Complete (…)" task. {@code result} is {@code "CONTINUE"} or {@code $.settings.onTimeout} /
 * {@code onFailure}; {@code reason} is the contract's wire value ({@code "drained"}, {@code "nothingToDrain"}, …).
 */
public record CompleteLifecycleActionRequest(
        String instanceId,
        String autoScalingGroupName,
        String lifecycleHookName,
        String lifecycleActionToken,
        LifecycleResult result,
        CompletionReason reason,
        boolean dryRun,
        String startedAt) {}
