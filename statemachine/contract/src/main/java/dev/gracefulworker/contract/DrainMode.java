package dev.gracefulworker.contract;

/** What happens to the pods on the node that nobody waits for. */
public enum DrainMode {
    /** Evict every evictable pod that is not waited for (PodDisruptionBudgets respected). */
    EVICT,
    /** Only wait for the selected pods; evict nothing. */
    WAIT
}
