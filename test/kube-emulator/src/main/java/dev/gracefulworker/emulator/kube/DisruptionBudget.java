package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.emulator.kube.Scenario.PdbSpec;

/**
 * A PodDisruptionBudget's arithmetic, as the disruption controller computes its status.
 * Healthy = Ready and not being deleted. The expected pod count is the number of pods the selector matches (the real
 * controller reads the owning controllers' scale for percentages and maxUnavailable; with replacement pods declared
 * in the scenario the two agree).
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
        int expected = 0;
        int healthy = 0;
        for (JsonNode pod : pods) {
            if (covers(pod)) {
                expected++;
                if (ApiObjects.isReady(pod) && !ApiObjects.isDeleting(pod)) {
                    healthy++;
                }
            }
        }
        int desired = spec.minAvailable() != null
                ? spec.minAvailable().scaledTo(expected)
                : Math.max(0, expected - spec.maxUnavailable().scaledTo(expected));
        return new Status(expected, healthy, desired, Math.max(0, healthy - desired));
    }
}
