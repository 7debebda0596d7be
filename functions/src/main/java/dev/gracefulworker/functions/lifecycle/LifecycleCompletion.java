package dev.gracefulworker.functions.lifecycle;

import dev.gracefulworker.contract.LifecycleResult;

/** Output of every "Complete: …" task ({@code $.completion}). */
public record LifecycleCompletion(
        String instanceId,
        LifecycleResult result,
        String reason,
        CompletionAction action,
        String outcome,
        boolean usedInstanceIdFallback,
        long durationSeconds) {}
