package dev.gracefulworker.functions.kubernetes;

import java.time.Duration;
import java.util.List;

/** The pods bound to a node, and their eviction. */
public interface Pods {

    List<PodInfo> onNode(String nodeName);

    /** Evicts the pod, giving up on an answer after {@code timeout} (the poll's time budget, not the client's). */
    EvictionOutcome evict(PodInfo pod, Duration timeout);

    /**
     * Deletes the pod with its own grace period, PodDisruptionBudgets bypassed (the forced deadline); true when the
     * deletion started, false when the pod (with this UID) is already gone.
     */
    boolean delete(PodInfo pod);
}
