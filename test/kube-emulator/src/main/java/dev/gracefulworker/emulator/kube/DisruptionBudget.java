package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.emulator.kube.Scenario.PdbSpec;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A PodDisruptionBudget's arithmetic, as the disruption controller computes its status.
 * Healthy = Ready and not being deleted. The expected pod count is the number of pods the selector matches, except that
 * for percentages and maxUnavailable the pods of a managed workload (the emulator's ReplicaSets/StatefulSets) count as
 * its replicas, as the real controller reads the owners' scale.
 */
record DisruptionBudget(PdbSpec spec, LabelSelector selector) {

    /** The computed {@code status} fields of a PodDisruptionBudget. */
    record Status(int expectedPods, int currentHealthy, int desiredHealthy, int disruptionsAllowed) {}

    static DisruptionBudget of(PdbSpec spec) {
        return new DisruptionBudget(spec, LabelSelector.of(spec.selector()));
    }

    boolean covers(JsonNode pod) {
        return spec.namespace().equals(pod.path("metadata").path("namespace").asText())
                && selector.matches(ApiObjects.labels(pod));
    }

    /** The status over the pods of the budget's namespace (pods it does not select are skipped). */
    Status status(Iterable<? extends JsonNode> pods) {
        return status(pods, Map.of());
    }

    /**
     * The status, where {@code scales} maps a managed controller's uid to its replicas: as the disruption controller
     * does for maxUnavailable and percentages, the pods of such a controller count as its scale (a replacement and the
     * pod it replaces are one expected pod), every other pod as one.
     */
    Status status(Iterable<? extends JsonNode> pods, Map<String, Integer> scales) {
        int podCount = 0;
        int unmanaged = 0;
        Set<String> controllers = new HashSet<>();
        int healthy = 0;
        for (JsonNode pod : pods) {
            if (covers(pod)) {
                podCount++;
                String owner = controllerUid(pod);
                if (owner != null && scales.containsKey(owner)) {
                    controllers.add(owner);
                } else {
                    unmanaged++;
                }
                if (ApiObjects.isReady(pod) && !ApiObjects.isDeleting(pod)) {
                    healthy++;
                }
            }
        }
        boolean countsPods = spec.minAvailable() != null && !spec.minAvailable().percent();
        int expected = countsPods ? podCount
                : unmanaged + controllers.stream().mapToInt(scales::get).sum();
        int desired = spec.minAvailable() != null
                ? spec.minAvailable().scaledTo(expected)
                : Math.max(0, expected - spec.maxUnavailable().scaledTo(expected));
        return new Status(expected, healthy, desired, Math.max(0, healthy - desired));
    }

    private static String controllerUid(JsonNode pod) {
        for (JsonNode ref : pod.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                return ref.path("uid").asText();
            }
        }
        return null;
    }
}
