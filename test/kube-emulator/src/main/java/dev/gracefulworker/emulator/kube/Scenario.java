package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster an emulator starts with: nodes, pods (with their scripted behaviour), managed workloads (ReplicaSets and
 * StatefulSets whose pods the emulator replaces), PodDisruptionBudgets and faults.
 * Read from YAML or JSON; the format is documented in the module's README.
 */
public record Scenario(List<NodeSpec> nodes, List<PodSpec> pods, List<PdbSpec> podDisruptionBudgets, List<Fault> faults,
                       List<VolumeAttachmentSpec> volumeAttachments, Long latencyMillis, List<WorkloadSpec> replicaSets,
                       List<WorkloadSpec> statefulSets, ApiServerSpec apiServer) {

    public Scenario {
        replicaSets = replicaSets == null ? List.of() : List.copyOf(replicaSets);
        statefulSets = statefulSets == null ? List.of() : List.copyOf(statefulSets);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        volumeAttachments = volumeAttachments == null ? List.of() : List.copyOf(volumeAttachments);
        if (latencyMillis != null && latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must not be negative, got " + latencyMillis);
        }
        pods = pods == null ? List.of() : List.copyOf(pods);
        podDisruptionBudgets = podDisruptionBudgets == null ? List.of() : List.copyOf(podDisruptionBudgets);
        faults = faults == null ? List.of() : List.copyOf(faults);
        requireUnique("node", nodes.stream().map(NodeSpec::name).toList());
        requireUnique("pod", pods.stream().map(p -> p.namespace() + "/" + p.name()).toList());
        requireUnique("podDisruptionBudget", podDisruptionBudgets.stream().map(p -> p.namespace() + "/" + p.name()).toList());
        requireUnique("volumeAttachment", volumeAttachments.stream().map(VolumeAttachmentSpec::name).toList());
        requireUnique("replicaSet", replicaSets.stream().map(w -> w.namespace() + "/" + w.name()).toList());
        requireUnique("statefulSet", statefulSets.stream().map(w -> w.namespace() + "/" + w.name()).toList());
        Set<String> nodeNames = new HashSet<>(nodes.stream().map(NodeSpec::name).toList());
        for (PodSpec pod : pods) {
            if (pod.node() != null && !nodeNames.contains(pod.node())) {
                throw new IllegalArgumentException("pod " + pod.namespace() + "/" + pod.name()
                        + " is on node " + pod.node() + ", which the scenario does not declare");
            }
        }
        for (WorkloadSpec workload : concat(replicaSets, statefulSets)) {
            for (String node : workload.nodes()) {
                if (!nodeNames.contains(node)) {
                    throw new IllegalArgumentException("workload " + workload.namespace() + "/" + workload.name()
                            + " spreads over node " + node + ", which the scenario does not declare");
                }
            }
        }
        for (VolumeAttachmentSpec attachment : volumeAttachments) {
            if (!nodeNames.contains(attachment.node())) {
                throw new IllegalArgumentException("volumeAttachment " + attachment.name() + " is on node "
                        + attachment.node() + ", which the scenario does not declare");
            }
        }
    }

    /** A scenario of nodes and pods only. */
    public Scenario(List<NodeSpec> nodes, List<PodSpec> pods) {
        this(nodes, pods, null, null, null, null, null, null, null);
    }

    private static List<WorkloadSpec> concat(List<WorkloadSpec> a, List<WorkloadSpec> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** An empty cluster. */
    public static Scenario empty() {
        return new Scenario(null, null, null, null, null, null, null, null, null);
    }

    /** Reads a scenario file; YAML or JSON. */
    public static Scenario load(Path yamlOrJson) {
        try {
            return parse(Files.readString(yamlOrJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + yamlOrJson, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid scenario " + yamlOrJson + ": " + e.getMessage(), e);
        }
    }

    /** Parses a scenario from YAML or JSON text. */
    public static Scenario parse(String yamlOrJson) {
        if (yamlOrJson.isBlank()) {
            return empty();
        }
        try {
            var mapper = yamlOrJson.stripLeading().startsWith("{") ? Json.MAPPER : Json.YAML;
            Scenario scenario = mapper.readValue(yamlOrJson, Scenario.class);
            return scenario == null ? empty() : scenario;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof IllegalArgumentException ? t.getMessage() : e.getMessage();
    }

    private static void requireUnique(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate " + what + " " + name);
            }
        }
    }

    private static void requireName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a " + what + " needs a name");
        }
    }

    /**
     * The API server's own limits (API Priority and Fairness with one priority level). {@code maxRequestsInFlight}: how
     * many requests it serves at once, omitted = unlimited; {@code queueLengthLimit}: how many more wait for a slot
     * (omitted or 0: rejected with 429 at once, a level whose {@code limitResponse} is {@code Reject});
     * {@code queueWaitSeconds}: how long one waits before its 429 (omitted: 15, kube-apiserver's default).
     */
    public record ApiServerSpec(Integer maxRequestsInFlight, Integer queueLengthLimit, Integer queueWaitSeconds) {
        public ApiServerSpec {
            if (maxRequestsInFlight != null) {
                ConcurrencyLimit.checked(maxRequestsInFlight);
            }
            if (queueLengthLimit != null) {
                ConcurrencyLimit.checkedQueueLength(queueLengthLimit);
            }
            if (queueWaitSeconds != null) {
                ConcurrencyLimit.checkedQueueWait(Duration.ofSeconds(queueWaitSeconds));
            }
            if (maxRequestsInFlight == null && (queueLengthLimit != null || queueWaitSeconds != null)) {
                throw new IllegalArgumentException("apiServer: queueLengthLimit and queueWaitSeconds need "
                        + "maxRequestsInFlight (without a limit nothing waits)");
            }
        }

        /** The queue's length, 0 (reject at once) when omitted. */
        int queueLength() {
            return queueLengthLimit == null ? 0 : queueLengthLimit;
        }

        /** The queue's wait limit, the default when omitted. */
        Duration queueWait() {
            return queueWaitSeconds == null ? ConcurrencyLimit.DEFAULT_QUEUE_WAIT : Duration.ofSeconds(queueWaitSeconds);
        }
    }

    /** A worker node. {@code ready} and {@code labels} default as documented; {@code kubernetes.io/hostname} is added. */
    public record NodeSpec(String name, String providerID, Boolean ready, Boolean unschedulable,
                           Map<String, String> labels, List<Taint> taints, Integer notReadyAfterSeconds) {
        public NodeSpec {
            requireName("node", name);
            if (notReadyAfterSeconds != null && notReadyAfterSeconds < 0) {
                throw new IllegalArgumentException("node " + name + ": notReadyAfterSeconds must not be negative, got "
                        + notReadyAfterSeconds);
            }
            ready = ready == null || ready;
            unschedulable = unschedulable != null && unschedulable;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            taints = taints == null ? List.of() : List.copyOf(taints);
        }

        /** A ready, schedulable node with no labels or taints. */
        public static NodeSpec named(String name, String providerID) {
            return new NodeSpec(name, providerID, true, false, null, null, null);
        }
    }

    /**
     * A ReplicaSet or StatefulSet the emulator's workload controller manages: {@code replicas} pods labelled
     * {@code labels}, Ready at scenario start, spread round-robin over {@code nodes} (omitted: placed by the scheduler).
     * A pod it loses is replaced {@code recreateAfterSeconds} later (a StatefulSet's only once the old pod is gone), and
     * a replacement turns Ready {@code readyAfterSeconds} after it is scheduled.
     */
    public record WorkloadSpec(String name, String namespace, Integer replicas, Map<String, String> labels,
                               Integer readyAfterSeconds, Integer recreateAfterSeconds, List<String> nodes,
                               Integer terminationGracePeriodSeconds, List<Toleration> tolerations) {
        public WorkloadSpec {
            requireName("workload", name);
            namespace = namespace == null ? "default" : namespace;
            replicas = replicas == null ? 1 : replicas;
            labels = labels == null || labels.isEmpty() ? Map.of("app", name) : Map.copyOf(labels);
            readyAfterSeconds = readyAfterSeconds == null ? 0 : readyAfterSeconds;
            recreateAfterSeconds = recreateAfterSeconds == null ? 0 : recreateAfterSeconds;
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
            terminationGracePeriodSeconds = terminationGracePeriodSeconds == null ? 30 : terminationGracePeriodSeconds;
            tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
            for (var field : Map.of("replicas", replicas, "readyAfterSeconds", readyAfterSeconds,
                    "recreateAfterSeconds", recreateAfterSeconds,
                    "terminationGracePeriodSeconds", terminationGracePeriodSeconds).entrySet()) {
                if (field.getValue() < 0) {
                    throw new IllegalArgumentException("workload " + name + ": " + field.getKey()
                            + " must not be negative, got " + field.getValue());
                }
            }
        }
    }

    /** A pod toleration: operator Equal (default) or Exists; an empty effect tolerates every effect. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Toleration(String key, String operator, String value, String effect) {
        public Toleration {
            operator = operator == null ? "Equal" : operator;
            if (!operator.equals("Equal") && !operator.equals("Exists")) {
                throw new IllegalArgumentException("toleration operator must be Equal or Exists, got " + operator);
            }
        }
    }

    /** A node taint. */
    public record Taint(String key, String value, String effect) {
        public Taint {
            if (key == null || effect == null) {
                throw new IllegalArgumentException("a taint needs a key and an effect");
            }
        }
    }

    /** The pod phases the API reports. */
    public enum Phase { Pending, Running, Succeeded, Failed }

    /** The kinds of controller a pod can be owned by. */
    public enum OwnerKind {
        DaemonSet("apps/v1"), ReplicaSet("apps/v1"), StatefulSet("apps/v1"), Job("batch/v1");

        private final String apiVersion;

        OwnerKind(String apiVersion) {
            this.apiVersion = apiVersion;
        }

        String apiVersion() {
            return apiVersion;
        }
    }

    /** A pod's controller. */
    public record Owner(OwnerKind kind, String name) {
        public Owner {
            if (kind == null || name == null) {
                throw new IllegalArgumentException("an owner needs a kind and a name");
            }
        }
    }

    /** A pod and its scripted behaviour over scenario time and polls. */
    public record PodSpec(String name, String namespace, String node, Map<String, String> labels,
                          Map<String, String> annotations, Owner owner, Phase phase, Boolean mirror, Boolean ready,
                          Integer readyAfterSeconds, Integer finishesAfterPolls, Integer finishesAfterSeconds,
                          Integer terminationGracePeriodSeconds, Boolean stuckTerminating, String priorityClassName,
                          Integer priority, Boolean emptyDir) {
        /** The priority admission gives the two built-in classes (scheduling/types.go); other classes default to 0. */
        static final Map<String, Integer> BUILT_IN_PRIORITIES =
                Map.of("system-node-critical", 2_000_001_000, "system-cluster-critical", 2_000_000_000);

        public PodSpec {
            requireName("pod", name);
            namespace = namespace == null ? "default" : namespace;
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
            phase = phase == null ? (node == null ? Phase.Pending : Phase.Running) : phase;
            mirror = mirror != null && mirror;
            ready = ready == null ? phase == Phase.Running : ready;
            terminationGracePeriodSeconds = terminationGracePeriodSeconds == null ? 30 : terminationGracePeriodSeconds;
            stuckTerminating = stuckTerminating != null && stuckTerminating;
            priority = priority != null ? priority
                    : priorityClassName == null ? 0 : BUILT_IN_PRIORITIES.getOrDefault(priorityClassName, 0);
            emptyDir = emptyDir != null && emptyDir;
            requireNotNegative(name, "readyAfterSeconds", readyAfterSeconds);
            requireNotNegative(name, "finishesAfterPolls", finishesAfterPolls);
            requireNotNegative(name, "finishesAfterSeconds", finishesAfterSeconds);
            requireNotNegative(name, "terminationGracePeriodSeconds", terminationGracePeriodSeconds);
            if (mirror && node == null) {
                throw new IllegalArgumentException("mirror pod " + name + " needs a node");
            }
        }

        /** A running, ready pod on {@code node} with default settings. */
        public static PodSpec running(String namespace, String name, String node) {
            return new PodSpec(name, namespace, node, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
        }

        private static void requireNotNegative(String pod, String field, Integer value) {
            if (value != null && value < 0) {
                throw new IllegalArgumentException("pod " + pod + ": " + field + " must not be negative, got " + value);
            }
        }
    }

    /**
     * A storage.k8s.io/v1 VolumeAttachment: a CSI volume attached to a node, detached (the object deleted) after
     * {@code detachesAfterSeconds} of scenario time, or never when that is null.
     */
    public record VolumeAttachmentSpec(String name, String node, String persistentVolumeName, String attacher,
                                       Integer detachesAfterSeconds) {
        public VolumeAttachmentSpec {
            requireName("volumeAttachment", name);
            if (node == null) {
                throw new IllegalArgumentException("volumeAttachment " + name + " needs a node");
            }
            persistentVolumeName = persistentVolumeName == null ? "pvc-" + name : persistentVolumeName;
            attacher = attacher == null ? "ebs.csi.aws.com" : attacher;
            if (detachesAfterSeconds != null && detachesAfterSeconds < 0) {
                throw new IllegalArgumentException("volumeAttachment " + name
                        + ": detachesAfterSeconds must not be negative, got " + detachesAfterSeconds);
            }
        }
    }

    /** A policy/v1 PodDisruptionBudget: exactly one of {@code minAvailable} and {@code maxUnavailable}. */
    public record PdbSpec(String name, String namespace, Selector selector, IntOrPercent minAvailable,
                          IntOrPercent maxUnavailable) {
        public PdbSpec {
            requireName("podDisruptionBudget", name);
            namespace = namespace == null ? "default" : namespace;
            selector = selector == null ? new Selector(null, null) : selector;
            if ((minAvailable == null) == (maxUnavailable == null)) {
                throw new IllegalArgumentException("podDisruptionBudget " + name
                        + " needs exactly one of minAvailable and maxUnavailable");
            }
        }
    }

    /** A metav1.LabelSelector. */
    public record Selector(Map<String, String> matchLabels, List<Expression> matchExpressions) {
        public Selector {
            matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
            matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
        }
    }

    /** One matchExpressions entry: operator In, NotIn, Exists or DoesNotExist. */
    public record Expression(String key, String operator, List<String> values) {
        public Expression {
            if (key == null || operator == null) {
                throw new IllegalArgumentException("a matchExpression needs a key and an operator");
            }
            if (!List.of("In", "NotIn", "Exists", "DoesNotExist").contains(operator)) {
                throw new IllegalArgumentException("matchExpression operator must be In, NotIn, Exists or DoesNotExist, got "
                        + operator);
            }
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** An intstr.IntOrString as PDBs use it: a count ({@code 1}) or a percentage ({@code "50%"}). */
    public record IntOrPercent(int value, boolean percent) {
        public IntOrPercent {
            if (value < 0) {
                throw new IllegalArgumentException("a disruption budget value must not be negative, got " + value);
            }
        }

        @JsonCreator
        public static IntOrPercent count(int count) {
            return new IntOrPercent(count, false);
        }

        @JsonCreator
        public static IntOrPercent parse(String text) {
            String t = text.strip();
            try {
                return t.endsWith("%")
                        ? new IntOrPercent(Integer.parseInt(t.substring(0, t.length() - 1)), true)
                        : new IntOrPercent(Integer.parseInt(t), false);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer or a percentage like \"50%\", got \"" + text + "\"");
            }
        }

        /** The scaled value, rounded up as the disruption controller does. */
        int scaledTo(int total) {
            return percent ? (int) Math.ceil(value * (double) total / 100.0) : value;
        }

        @JsonValue
        Object json() {
            return percent ? value + "%" : (Object) value;
        }
    }
}
