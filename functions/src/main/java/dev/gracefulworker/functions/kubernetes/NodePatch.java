package dev.gracefulworker.functions.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * A JSON merge patch of a node. {@code taints} is the whole new list (merge patch replaces lists), so the patch
 * carries the {@code resourceVersion} it was computed from: a concurrent change makes it fail with 409 instead of
 * silently dropping someone else's taint.
 */
public record NodePatch(boolean unschedulable, List<Taint> taints, Map<String, String> annotations, String resourceVersion,
        Map<String, String> labels) {

    public NodePatch {
        taints = List.copyOf(taints);
        annotations = Map.copyOf(annotations);
        labels = Map.copyOf(labels);
    }
}
