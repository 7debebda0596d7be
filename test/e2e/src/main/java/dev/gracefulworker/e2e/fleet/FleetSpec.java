package dev.gracefulworker.e2e.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gracefulworker.emulator.kube.KubeEmulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a fleet run replaces and how: the file {@code test/run-local --fleet FILE} reads (YAML or JSON). Every key is
 * optional; the defaults are a 10-node refresh, all at once.
 * <pre>
 * description: one line printed before the run
 * nodes: 10                        # old nodes, each terminated by the group: one lifecycle action, one execution
 * podsPerNode: 30                  # workload pods per old node at the start
 * replicas: {min: 5, max: 50}      # each workload's replica count, drawn uniformly; its pods spread over the nodes
 * batchSize: 10                    # nodes terminated together (an instance refresh's MinHealthyPercentage); the next
 *                                  # batch starts when every action of this one is complete
 * workload: {readyAfterSeconds: 10, recreateAfterSeconds: 2, terminationGracePeriodSeconds: 15}
 * apiServer: {maxRequestsInFlight: 0, latencyMillis: 0}     # 0 = unlimited: API Priority and Fairness 429s above it
 * apiServer: {queueLengthLimit: 0, queueWaitSeconds: 15}   # with a limit: how many wait for a slot (0 = 429 at once)
 * autoScaling: {requestsPerSecond: 0, burst: 0}             # 0 = unlimited: Auto Scaling throttles above the rate
 * settings: {...}                  # every execution's NotificationMetadata, as in a scenario file
 * seed: 14                         # the same seed, the same cluster
 * </pre>
 * Each workload gets a PodDisruptionBudget: every other one {@code maxUnavailable: 1}, the rest
 * {@code minAvailable: 80%}. A replacement node joins (turns Ready) for each old node when its batch starts, as an
 * instance refresh that launches before it terminates.
 */
public record FleetSpec(String description, int nodes, int podsPerNode, int minReplicas, int maxReplicas, int batchSize,
                        int readyAfterSeconds, int recreateAfterSeconds, int terminationGracePeriodSeconds,
                        int maxRequestsInFlight, int queueLengthLimit, int queueWaitSeconds, long latencyMillis,
                        double autoScalingRequestsPerSecond,
                        int autoScalingBurst, Optional<ObjectNode> settings, long seed) {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> KEYS = Set.of("description", "nodes", "podsPerNode", "replicas", "batchSize",
            "workload", "apiServer", "autoScaling", "settings", "seed");

    public FleetSpec {
        List<String> problems = new ArrayList<>();
        atLeast(problems, "nodes", nodes, 1);
        atLeast(problems, "podsPerNode", podsPerNode, 0);
        atLeast(problems, "replicas.min", minReplicas, 1);
        if (maxReplicas < minReplicas) {
            problems.add("replicas.max must be at least replicas.min (" + minReplicas + "), got " + maxReplicas);
        }
        atLeast(problems, "batchSize", batchSize, 1);
        atLeast(problems, "workload.readyAfterSeconds", readyAfterSeconds, 0);
        atLeast(problems, "workload.recreateAfterSeconds", recreateAfterSeconds, 0);
        atLeast(problems, "workload.terminationGracePeriodSeconds", terminationGracePeriodSeconds, 0);
        atLeast(problems, "apiServer.maxRequestsInFlight", maxRequestsInFlight, 0);
        atLeast(problems, "apiServer.latencyMillis", latencyMillis, 0);
        atLeast(problems, "apiServer.queueLengthLimit", queueLengthLimit, 0);
        atLeast(problems, "apiServer.queueWaitSeconds", queueWaitSeconds, 1);
        if (queueLengthLimit > 0 && maxRequestsInFlight == 0) {
            problems.add("apiServer.queueLengthLimit needs apiServer.maxRequestsInFlight (without a limit nothing waits)");
        }
        if (autoScalingRequestsPerSecond < 0) {
            problems.add("autoScaling.requestsPerSecond must not be negative, got " + autoScalingRequestsPerSecond);
        }
        if (autoScalingRequestsPerSecond > 0 && autoScalingBurst < 1) {
            problems.add("autoScaling.burst must be at least 1 with a rate, got " + autoScalingBurst);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        description = description == null ? "" : description;
    }

    /** Reads a fleet file; a problem names its key. */
    public static FleetSpec load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fleet file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid fleet file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a fleet description from YAML or JSON text. */
    public static FleetSpec parse(String yamlOrJson) {
        JsonNode root;
        try {
            root = YAML.readTree(yamlOrJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("a fleet file is a mapping of the keys " + KEYS);
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key " + key + " (the keys are " + KEYS + ")");
            }
        });
        JsonNode settings = root.get("settings");
        if (settings != null && !settings.isObject()) {
            throw new IllegalArgumentException("settings must be a mapping of setting names to values, not " + settings);
        }
        int nodes = integer(root, "nodes", 10);
        return new FleetSpec(root.path("description").asText(""), nodes, integer(root, "podsPerNode", 30),
                integer(root.path("replicas"), "replicas.min", 5), integer(root.path("replicas"), "replicas.max", 50),
                integer(root, "batchSize", nodes),
                integer(root.path("workload"), "workload.readyAfterSeconds", 10),
                integer(root.path("workload"), "workload.recreateAfterSeconds", 2),
                integer(root.path("workload"), "workload.terminationGracePeriodSeconds", 15),
                integer(root.path("apiServer"), "apiServer.maxRequestsInFlight", 0),
                integer(root.path("apiServer"), "apiServer.queueLengthLimit", 0),
                integer(root.path("apiServer"), "apiServer.queueWaitSeconds",
                        (int) KubeEmulator.DEFAULT_QUEUE_WAIT.toSeconds()),
                integer(root.path("apiServer"), "apiServer.latencyMillis", 0),
                number(root.path("autoScaling"), "autoScaling.requestsPerSecond"),
                integer(root.path("autoScaling"), "autoScaling.burst", 0),
                Optional.ofNullable((ObjectNode) settings), integer(root, "seed", 14));
    }

    /** How many batches the refresh takes. */
    public int batches() {
        return (nodes + batchSize - 1) / batchSize;
    }

    private static int integer(JsonNode parent, String path, int fallback) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(path + " must be a whole number, not " + value);
        }
        return value.asInt();
    }

    private static double number(JsonNode parent, String path) {
        JsonNode value = parent.get(path.substring(path.lastIndexOf('.') + 1));
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(path + " must be a number, not " + value);
        }
        return value.asDouble();
    }

    private static void atLeast(List<String> problems, String key, long value, long minimum) {
        if (value < minimum) {
            problems.add(key + " must be at least " + minimum + ", got " + value);
        }
    }
}
