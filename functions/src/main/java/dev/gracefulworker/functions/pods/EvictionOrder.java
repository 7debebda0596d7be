package dev.gracefulworker.functions.pods;

import java.util.List;

/**
 * Which evictions may start now, as Karpenter's terminator orders them (and graceful node shutdown stops pods):
 * non-critical pods first; pods of the {@code system-cluster-critical} / {@code system-node-critical} priority
 * classes (DNS, CNI helpers the others may need while they stop) only once no other pod blocks the node. DaemonSet
 * pods are never evicted (the classifier ignores them).
 *
 * @param now  the pods to evict this poll, in the order listed
 * @param held the critical pods that wait for the others
 * @param others how many non-critical pods still block
 */
record EvictionOrder(List<PodVerdict> now, List<PodVerdict> held, long others) {

    /** @param others the non-critical pods that still block: waited for, to evict, or Terminating and not stuck */
    static EvictionOrder of(List<PodVerdict> toEvict, long others) {
        if (others == 0) {
            return new EvictionOrder(toEvict, List.of(), 0);
        }
        return new EvictionOrder(toEvict.stream().filter(verdict -> !verdict.pod().critical()).toList(),
                toEvict.stream().filter(verdict -> verdict.pod().critical()).toList(), others);
    }

    String heldReason(PodVerdict verdict) {
        return "critical (" + verdict.pod().priorityClassName() + "): evicted once the " + others
                + " other pods are gone";
    }
}
