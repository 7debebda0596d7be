package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The emulator's scheduler: a node fits a pod when it is Ready, not cordoned ({@code spec.unschedulable}) and has no
 * {@code NoSchedule}/{@code NoExecute} taint the pod does not tolerate; of the nodes that fit, the least loaded (fewest
 * pods not yet finished) wins, ties by name. No resources, affinity or topology spread: a deliberately small subset.
 */
final class Scheduler {
    private Scheduler() {}

    /** The node to bind the pod to, or empty when none fits (the pod stays Pending). */
    static Optional<String> place(JsonNode pod, Collection<ObjectNode> nodes, ToIntFunction<String> load) {
        String best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (ObjectNode node : nodes) {
            String name = node.path("metadata").path("name").asText();
            if (fits(node, pod)) {
                int l = load.applyAsInt(name);
                if (l < bestLoad || (l == bestLoad && name.compareTo(best) < 0)) {
                    best = name;
                    bestLoad = l;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    static boolean fits(JsonNode node, JsonNode pod) {
        if (!ApiObjects.isReady(node) || node.path("spec").path("unschedulable").asBoolean(false)) {
            return false;
        }
        for (JsonNode taint : node.path("spec").path("taints")) {
            String effect = taint.path("effect").asText();
            if ((effect.equals("NoSchedule") || effect.equals("NoExecute")) && !tolerated(taint, pod)) {
                return false;
            }
        }
        return true;
    }

    /** As {@code v1.Toleration.ToleratesTaint}: matching effect (or none), key (or none with Exists), and value. */
    private static boolean tolerated(JsonNode taint, JsonNode pod) {
        for (JsonNode t : pod.path("spec").path("tolerations")) {
            String effect = t.path("effect").asText("");
            String key = t.path("key").asText("");
            boolean exists = "Exists".equals(t.path("operator").asText("Equal"));
            if (!effect.isEmpty() && !effect.equals(taint.path("effect").asText())) {
                continue;
            }
            if (!key.isEmpty() && !key.equals(taint.path("key").asText())) {
                continue;
            }
            if (key.isEmpty() && !exists) {
                continue;
            }
            if (exists || t.path("value").asText("").equals(taint.path("value").asText(""))) {
                return true;
            }
        }
        return false;
    }
}
