package dev.gracefulworker.functions.kubernetes;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a pod list, holding only the fields the classifier reads. Decoding into this with Jackson instead of
 * client-java's Gson models cuts a poll's CPU and allocation by an order of magnitude (test/bench measured 26 ms and
 * 6.4 MB per 110-pod list with the models, 2 ms and 0.13 MB with this) and loads far fewer classes on a cold start.
 */
record PodListPage(ListMeta metadata, List<Item> items) {

    /** The list's metadata: the continue token of the next page (the API calls it "continue", a Java keyword). */
    record ListMeta(@JsonProperty("continue") String continueToken) {}

    /** A pod, as far as the classifier needs it. */
    record Item(Metadata metadata, Spec spec, Status status) {}

    /**
     * A pod's spec: its priority class (critical pods go last), whether a volume is an emptyDir, and its grace period
     * (a forced deletion must leave it time to end before the deadline).
     */
    record Spec(String priorityClassName, List<Volume> volumes, Long terminationGracePeriodSeconds) {}

    /** A volume: only whether it is an emptyDir matters (its data is lost with the pod). */
    record Volume(Map<String, Object> emptyDir) {}

    /** A pod's metadata. */
    record Metadata(String namespace, String name, String uid, Map<String, String> labels, Map<String, String> annotations,
            List<OwnerReference> ownerReferences, String deletionTimestamp) {}

    /** An owner reference: its kind (DaemonSet pods never block) and whether it is the pod's controller. */
    record OwnerReference(String kind, Boolean controller) {}

    /** A pod's status: its phase (finished pods never block) and conditions (Ready counts for a disruption budget). */
    record Status(String phase, List<Condition> conditions) {

        boolean ready() {
            return conditions != null && conditions.stream()
                    .anyMatch(c -> "Ready".equals(c.type()) && "True".equals(c.status()));
        }
    }

    /** A pod condition. */
    record Condition(String type, String status) {}

    List<PodInfo> pods() {
        return Optional.ofNullable(items).orElse(List.of()).stream().map(PodListPage::toPodInfo).toList();
    }

    String continueToken() {
        return metadata == null ? null : metadata.continueToken();
    }

    private static PodInfo toPodInfo(Item item) {
        Metadata metadata = item.metadata();
        if (metadata == null) {
            throw new IllegalStateException("the API server listed a pod without metadata");
        }
        List<OwnerReference> owners = Optional.ofNullable(metadata.ownerReferences()).orElse(List.of());
        Spec spec = item.spec() == null ? new Spec(null, null, null) : item.spec();
        return new PodInfo(
                metadata.namespace(),
                metadata.name(),
                metadata.uid(),
                item.status() == null ? null : item.status().phase(),
                Optional.ofNullable(metadata.labels()).orElse(Map.of()),
                Optional.ofNullable(metadata.annotations()).orElse(Map.of()),
                owners.stream().map(OwnerReference::kind).toList(),
                metadata.deletionTimestamp() == null ? null : Instant.parse(metadata.deletionTimestamp()),
                spec.priorityClassName(),
                owners.stream().anyMatch(owner -> Boolean.TRUE.equals(owner.controller())),
                Optional.ofNullable(spec.volumes()).orElse(List.of()).stream().anyMatch(v -> v.emptyDir() != null),
                Optional.ofNullable(spec.terminationGracePeriodSeconds())
                        .orElse(PodInfo.DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS),
                item.status() != null && item.status().ready());
    }
}
