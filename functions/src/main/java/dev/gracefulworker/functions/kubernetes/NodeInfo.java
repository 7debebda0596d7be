package dev.gracefulworker.functions.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the functions need to know about a Node, read once from the API server. */
public record NodeInfo(
        String name,
        String providerId,
        String hostnameLabel,
        boolean unschedulable,
        boolean ready,
        List<Taint> taints,
        Map<String, String> annotations,
        String resourceVersion,
        Map<String, String> labels) {

    public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

    public NodeInfo {
        taints = List.copyOf(taints);
        annotations = Map.copyOf(annotations);
        labels = Map.copyOf(labels);
    }

    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }

    public Optional<String> label(String key) {
        return Optional.ofNullable(labels.get(key));
    }

    public boolean hasTaint(Taint taint) {
        return taints.stream().anyMatch(taint::sameKeyAndEffect);
    }
}
