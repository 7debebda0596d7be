package dev.gracefulworker.functions.lifecycle;

import dev.gracefulworker.contract.CompletionReason;
import dev.gracefulworker.contract.LifecycleResult;

/** Output of every "Complete (…)" task ({@code $.completion}); {@code reason} is written as its wire value. */
public record LifecycleCompletion(
        String instanceId,
        LifecycleResult result,
        CompletionReason reason,
        CompletionAction action,
        String outcome,
        boolean usedInstanceIdFallback,
        long durationSeconds) {}
