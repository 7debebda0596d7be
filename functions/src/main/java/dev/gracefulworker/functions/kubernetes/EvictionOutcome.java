package dev.gracefulworker.functions.kubernetes;

/** What the Eviction API answered. */
public enum EvictionOutcome {
    /** 201/200: graceful deletion started. */
    EVICTED,
    /** 404, or the pod was replaced by another with the same name: nothing left to evict. */
    GONE,
    /** 429: a PodDisruptionBudget allows no disruption now; try again on the next poll. */
    BLOCKED
}
