package dev.gracefulworker.functions.kubernetes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the classifier and the drain need to know about a pod.
 *
 * @param deletionTimestamp when its graceful deletion's grace period ends (the API server sets it to the time of the
 *                          delete plus the grace period); null when the pod is not being deleted
 * @param controlled        whether an owner reference is its controller: a pod without one is not recreated
 * @param emptyDir          whether it has an emptyDir volume: that data is lost when it goes
 * @param ready             whether its Ready condition is True: only a Ready pod counts as healthy for a
 *                          PodDisruptionBudget, so only its eviction uses up the budget's allowed disruptions
 */
public record PodInfo(
        String namespace,
        String name,
        String uid,
        String phase,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<String> ownerKinds,
        Instant deletionTimestamp,
        String priorityClassName,
        boolean controlled,
        boolean emptyDir,
        long terminationGracePeriodSeconds,
        boolean ready) {

    public static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
    /** The pod spec's default {@code terminationGracePeriodSeconds}. */
    public static final long DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
    /** The two built-in priority classes; Karpenter and graceful node shutdown stop these pods last. */
    public static final Set<String> CRITICAL_PRIORITY_CLASSES = Set.of("system-cluster-critical", "system-node-critical");

    public PodInfo {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        ownerKinds = List.copyOf(ownerKinds);
    }

    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }

    public boolean mirror() {
        return annotations.containsKey(MIRROR_ANNOTATION);
    }

    public boolean finished() {
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    public boolean ownedBy(String kind) {
        return ownerKinds.contains(kind);
    }

    public boolean terminating() {
        return deletionTimestamp != null;
    }

    public boolean critical() {
        return priorityClassName != null && CRITICAL_PRIORITY_CLASSES.contains(priorityClassName);
    }

    /** {@code namespace/name}, the way kubectl names a pod. */
    public String reference() {
        return namespace + "/" + name;
    }
}
