package dev.gracefulworker.functions.settings;

/** Whether pods not waited for are evicted. */
public enum DrainMode {
    /** Evict every evictable pod that is not waited for. */
    EVICT,
    /** Only wait for the selected pods; touch nothing. */
    WAIT
}
