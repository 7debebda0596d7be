package dev.gracefulworker.functions.kubernetes;

/** What the Eviction API answered. */
public sealed interface EvictionOutcome {

    /** 201/200: graceful deletion started. */
    record Evicted() implements EvictionOutcome {}

    /** 404, or the pod was replaced by another with the same name (UID precondition, 409): nothing left to evict. */
    record Gone() implements EvictionOutcome {}

    /** 429 with a {@code DisruptionBudget} cause: a PodDisruptionBudget allows no disruption now. */
    record Blocked() implements EvictionOutcome {}

    /**
     * 429 without a {@code DisruptionBudget} cause: API Priority and Fairness (or another limiter) turned the request
     * away; the server asks to wait {@code retryAfterSeconds} (its {@code Retry-After}, 1 when it gave none).
     */
    record Throttled(int retryAfterSeconds) implements EvictionOutcome {}

    /** No answer before the call's deadline: the eviction may or may not have happened; the next poll sees which. */
    record Unanswered() implements EvictionOutcome {}
}
