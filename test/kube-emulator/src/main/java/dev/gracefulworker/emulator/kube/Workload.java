package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.emulator.kube.Scenario.OwnerKind;
import dev.gracefulworker.emulator.kube.Scenario.Owner;
import dev.gracefulworker.emulator.kube.Scenario.PodSpec;
import dev.gracefulworker.emulator.kube.Scenario.WorkloadSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ReplicaSet or StatefulSet the workload controller manages, and the replacements it still owes; guarded by the
 * {@link Cluster}'s lock. A ReplicaSet owes a pod from the moment one of its pods starts terminating (a new generated
 * name); a StatefulSet owes an ordinal once the pod of that ordinal is gone (the same name).
 */
final class Workload {
    /** Annotations that carry the emulator's delays on an object created through the API (kubectl create -f). */
    static final String READY_AFTER_ANNOTATION = "emulator.gracefulworker.dev/ready-after-seconds";
    static final String RECREATE_AFTER_ANNOTATION = "emulator.gracefulworker.dev/recreate-after-seconds";
    private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    final OwnerKind kind;
    final WorkloadSpec spec;
    final String uid;
    final Instant created;
    /** The object as stored (metadata and spec); {@code status} is computed when it is read. */
    private final ObjectNode object;
    /** ReplicaSet: when each owed replacement is created. */
    final List<Instant> owedPods = new ArrayList<>();
    /** StatefulSet: when each owed ordinal is recreated. */
    final TreeMap<Integer, Instant> owedOrdinals = new TreeMap<>();
    private int generatedNames;

    private Workload(OwnerKind kind, WorkloadSpec spec, ObjectNode object, Instant created) {
        this.kind = kind;
        this.spec = spec;
        this.created = created;
        this.uid = ApiObjects.uid(kind.name(), spec.namespace(), spec.name());
        this.object = object;
        ObjectNode metadata = object.with("metadata");
        metadata.put("name", spec.name()).put("namespace", spec.namespace()).put("uid", uid)
                .put("generation", 1).put("creationTimestamp", Json.time(created));
        object.remove("status");
        object.remove("kind");
        object.remove("apiVersion");
    }

    /** A workload declared in the scenario. */
    static Workload declared(OwnerKind kind, WorkloadSpec spec, Instant created) {
        ObjectNode object = ApiObjects.controller(kind, spec.namespace(), spec.name(), spec.labels(), created);
        ObjectNode podSpec = (ObjectNode) object.with("spec").with("template").with("spec");
        podSpec.put("terminationGracePeriodSeconds", spec.terminationGracePeriodSeconds());
        if (!spec.tolerations().isEmpty()) {
            podSpec.set("tolerations", Json.MAPPER.valueToTree(spec.tolerations()));
        }
        object.with("spec").put("replicas", spec.replicas());
        return new Workload(kind, spec, object, created);
    }

    /** A workload created through the API: the delays come from the emulator's annotations (default 0). */
    static Workload created(OwnerKind kind, String namespace, JsonNode body, Instant now) {
        if (!(body instanceof ObjectNode given) || given.path("metadata").path("name").asText("").isEmpty()) {
            throw ApiError.badRequest("a " + kind.name() + " needs metadata.name");
        }
        JsonNode template = given.path("spec").path("template");
        Map<String, String> labels = ApiObjects.labels(template);
        if (labels.isEmpty()) {
            throw ApiError.badRequest(kind.name() + ".apps \"" + given.path("metadata").path("name").asText()
                    + "\" is invalid: spec.template.metadata.labels: Required value");
        }
        JsonNode annotations = given.path("metadata").path("annotations");
        JsonNode podSpec = template.path("spec");
        List<Scenario.Toleration> tolerations = new ArrayList<>();
        for (JsonNode t : podSpec.path("tolerations")) {
            tolerations.add(Json.MAPPER.convertValue(t, Scenario.Toleration.class));
        }
        WorkloadSpec spec = new WorkloadSpec(given.path("metadata").path("name").asText(), namespace,
                given.path("spec").path("replicas").asInt(1), labels,
                annotations.path(READY_AFTER_ANNOTATION).asInt(0), annotations.path(RECREATE_AFTER_ANNOTATION).asInt(0),
                null, podSpec.path("terminationGracePeriodSeconds").asInt(30), tolerations);
        ObjectNode object = given.deepCopy();
        object.with("spec").put("replicas", spec.replicas());
        return new Workload(kind, spec, object, now);
    }

    String key() {
        return key(kind, spec.namespace(), spec.name());
    }

    static String key(OwnerKind kind, String namespace, String name) {
        return kind.name() + "/" + namespace + "/" + name;
    }

    /** The name of a new pod: {@code name-<ordinal>} for a StatefulSet, {@code name-<5 generated characters>} else. */
    String podName(int ordinal) {
        if (kind == OwnerKind.StatefulSet) {
            return spec.name() + "-" + ordinal;
        }
        int n = Math.floorMod((uid + "#" + generatedNames++).hashCode(), 27 * 27 * 27 * 27 * 27);
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(NAME_ALPHABET.charAt(n % 27));
            n /= 27;
        }
        return spec.name() + "-" + suffix;
    }

    /** The ordinal of a StatefulSet pod, or -1. */
    int ordinal(String podName) {
        String prefix = spec.name() + "-";
        if (kind != OwnerKind.StatefulSet || !podName.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(podName.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** An unscheduled pod of this workload (the scheduler binds it), or one on {@code node} already running. */
    PodSpec podSpec(String podName, String node) {
        return new PodSpec(podName, spec.namespace(), node, spec.labels(), null, new Owner(kind, spec.name()), null,
                null, null, null, null, null, spec.terminationGracePeriodSeconds(), null, null, null, null);
    }

    /** The pod object for {@code podSpec}: a uid of its own (a recreated ordinal is a new pod) and the tolerations. */
    ObjectNode podObject(PodSpec podSpec, Instant podCreated, boolean readyNow, String podUid) {
        ObjectNode pod = ApiObjects.pod(podSpec, podCreated, readyNow);
        ((ObjectNode) pod.get("metadata")).put("uid", podUid);
        if (!spec.tolerations().isEmpty()) {
            ((ObjectNode) pod.get("spec")).set("tolerations", Json.MAPPER.valueToTree(spec.tolerations()));
        }
        if (kind == OwnerKind.StatefulSet) {
            ((ObjectNode) pod.get("spec")).put("hostname", podSpec.name()).put("subdomain", spec.name());
        }
        return pod;
    }

    /** The object as a GET returns it, with the status the controller would have written. */
    ObjectNode toJson(List<JsonNode> ownedPods, long resourceVersion) {
        ObjectNode json = Json.object().put("kind", kind.name()).put("apiVersion", kind.apiVersion());
        json.setAll(object.deepCopy());
        ((ObjectNode) json.get("metadata")).put("resourceVersion", Long.toString(resourceVersion));
        int current = 0;
        int ready = 0;
        for (JsonNode pod : ownedPods) {
            if (!ApiObjects.isDeleting(pod)) {
                current++;
                if (ApiObjects.isReady(pod)) {
                    ready++;
                }
            }
        }
        ObjectNode status = json.putObject("status").put("replicas", current);
        if (kind == OwnerKind.ReplicaSet) {
            status.put("fullyLabeledReplicas", current);
        }
        status.put("readyReplicas", ready).put("availableReplicas", ready).put("observedGeneration", 1);
        if (kind == OwnerKind.StatefulSet) {
            status.put("currentReplicas", current).put("updatedReplicas", current);
        }
        return json;
    }

    static Map<String, Integer> scales(Iterable<Workload> workloads) {
        Map<String, Integer> scales = new HashMap<>();
        workloads.forEach(w -> scales.put(w.uid, w.spec.replicas()));
        return scales;
    }
}
