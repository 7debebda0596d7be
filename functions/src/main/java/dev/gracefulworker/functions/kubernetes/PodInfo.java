package dev.gracefulworker.functions.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the classifier needs to know about a pod. */
public record PodInfo(
        String namespace,
        String name,
        String uid,
        String phase,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<String> ownerKinds,
        boolean terminating) {

    public static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

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

    /** {@code namespace/name}, the way kubectl names a pod. */
    public String reference() {
        return namespace + "/" + name;
    }
}
