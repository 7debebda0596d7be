package dev.gracefulworker.e2e.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gracefulworker.emulator.kube.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a local run starts from: the cluster (the kube emulator's scenario: nodes, pods, PDBs, faults) plus what the
 * AWS side and the workflow need. The YAML holds the cluster keys at the top level, next to these:
 * <pre>
 * description: one line printed before the run
 * settings: {...}            # applied as the message's NotificationMetadata: the real per-group override path
 * instances: [{id, state, privateDnsName, availabilityZone}]   # default: one running instance per node providerID
 * lifecycleAction: {heartbeatTimeoutSeconds: 300, defaultResult: CONTINUE, started: true}
 * awsFaults: [{action: CompleteLifecycleAction, times: 2}]                 # throttled (Rate exceeded)
 *            [{action: RecordLifecycleActionHeartbeat, status: 500, times: 1}]   # InternalFailure
 * lambdaFaults: [{function: gwt-check-pods, kind: timeout, times: 3}]      # throttled | timeout | out-of-memory | service-error
 *               [{function: gwt-check-pods, kind: throttled, afterSeconds: 60, forSeconds: 600}]   # a window of scenario time
 * kubernetesAccess: kubeconfig | secret | eks                                 # default kubeconfig
 * targetGroups: [{name: web, deregistrationDelaySeconds: 300, attachedToGroup: true,   # ELBv2; delay default 300
 *                 tags: {elbv2.k8s.aws/cluster: workers}, targetType: instance,         # only instance groups
 *                 targets: [i-0a1b2c3d4e5f60718]}]     # registered healthy; default: every instance of the scenario
 * </pre>
 */
public record LocalScenario(String description, Scenario cluster, Optional<ObjectNode> settings,
                            List<InstanceSpec> instances, LifecycleActionSpec lifecycleAction, List<AwsFault> awsFaults,
                            List<LambdaFault> lambdaFaults, KubernetesAccess kubernetesAccess,
                            List<TargetGroupSpec> targetGroups) {

    private static final String BUILT_IN_DEFAULT = "/scenarios/default.yaml";
    private static final List<String> LOCAL_KEYS =
            List.of("description", "settings", "instances", "lifecycleAction", "awsFaults", "lambdaFaults",
                    "kubernetesAccess", "targetGroups");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public LocalScenario {
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(settings, "settings");
        instances = instances == null ? List.of() : List.copyOf(instances);
        lifecycleAction = lifecycleAction == null ? LifecycleActionSpec.DEFAULT : lifecycleAction;
        awsFaults = awsFaults == null ? List.of() : List.copyOf(awsFaults);
        lambdaFaults = lambdaFaults == null ? List.of() : List.copyOf(lambdaFaults);
        kubernetesAccess = kubernetesAccess == null ? KubernetesAccess.KUBECONFIG : kubernetesAccess;
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
    }

    /** The scenario {@code test/run-local} uses when none is given. */
    public static LocalScenario builtInDefault() {
        try (InputStream yaml = LocalScenario.class.getResourceAsStream(BUILT_IN_DEFAULT)) {
            if (yaml == null) {
                throw new IllegalStateException("the built-in scenario " + BUILT_IN_DEFAULT + " is missing from the classpath");
            }
            return parse(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a scenario file (YAML or JSON). */
    public static LocalScenario load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid scenario " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a scenario from YAML or JSON text (JSON is YAML). */
    public static LocalScenario parse(String yamlOrJson) {
        try {
            JsonNode tree = YAML.readTree(yamlOrJson);
            ObjectNode root = tree instanceof ObjectNode object ? object : JSON.createObjectNode();
            String description = root.path("description").asText("");
            Optional<ObjectNode> settings = Optional.ofNullable(root.get("settings"))
                    .map(node -> requireObject(node, "settings"));
            List<InstanceSpec> instances = read(root, "instances", InstanceSpec[].class);
            LifecycleActionSpec lifecycleAction = root.has("lifecycleAction")
                    ? YAML.treeToValue(root.get("lifecycleAction"), LifecycleActionSpec.class) : null;
            List<AwsFault> awsFaults = read(root, "awsFaults", AwsFault[].class);
            List<LambdaFault> lambdaFaults = lambdaFaults(root.get("lambdaFaults"));
            KubernetesAccess access = root.has("kubernetesAccess")
                    ? KubernetesAccess.named(root.get("kubernetesAccess").asText()) : null;
            List<TargetGroupSpec> targetGroups = TargetGroupSpec.parseList(root.get("targetGroups"));
            root.remove(LOCAL_KEYS);
            Scenario cluster = Scenario.parse(JSON.writeValueAsString(root));
            return new LocalScenario(description, cluster, settings, instances, lifecycleAction, awsFaults, lambdaFaults,
                    access, targetGroups);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private static List<LambdaFault> lambdaFaults(JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        var faults = new java.util.ArrayList<LambdaFault>();
        for (JsonNode fault : list) {
            if (!fault.path("kind").isTextual()) {
                throw new IllegalArgumentException("lambdaFaults: each fault needs a kind (throttled, timeout, "
                        + "out-of-memory, service-error): " + fault);
            }
            faults.add(new LambdaFault(fault.path("function").asText(null), LambdaFault.kind(fault.path("kind").asText()),
                    integer(fault, "times"), integer(fault, "afterSeconds"), integer(fault, "forSeconds")));
        }
        return faults;
    }

    private static Integer integer(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asInt() : null;
    }

    private static <T> List<T> read(ObjectNode root, String key, Class<T[]> type) throws JsonProcessingException {
        JsonNode node = root.get(key);
        return node == null || node.isNull() ? List.of() : List.of(YAML.treeToValue(node, type));
    }

    private static ObjectNode requireObject(JsonNode node, String key) {
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException(key + " must be a mapping of setting names to values, not " + node);
        }
        return object;
    }
}
