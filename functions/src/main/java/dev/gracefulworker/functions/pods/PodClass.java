package dev.gracefulworker.functions.pods;

/** What the drain does with a pod. */
public enum PodClass {
    /** Blocks until it leaves by itself. */
    WAIT,
    /** Evicted through the Eviction API; blocks until gone. */
    EVICT,
    /** Never blocks. */
    IGNORE
}
