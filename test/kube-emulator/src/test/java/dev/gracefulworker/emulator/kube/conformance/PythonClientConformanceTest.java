package dev.gracefulworker.emulator.kube.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.Scenario;
import dev.gracefulworker.emulator.kube.ScenarioClock;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Kubernetes Python client (Debian's python3-kubernetes) against the emulator over HTTPS: the script
 * in src/test/resources/python lists, patches, evicts and reads, and every answer deserializes into the client's models.
 * The script runs once; each test checks one part of its report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonClientConformanceTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCENARIO = """
            nodes:
              - {name: node-1, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
              - {name: node-2}
            pods:
              - {name: web-a, namespace: web, node: node-1, labels: {app: web}, owner: {kind: ReplicaSet, name: web-7c9d}}
              - {name: web-b, namespace: web, node: node-2, labels: {app: web, tier: cache}, owner: {kind: ReplicaSet, name: web-7c9d}}
              - {name: worker-1, namespace: batch, node: node-1, labels: {app: worker}, terminationGracePeriodSeconds: 45}
              - {name: done-1, namespace: batch, node: node-1, labels: {app: worker}, phase: Succeeded}
            podDisruptionBudgets:
              - {name: web, namespace: web, selector: {matchLabels: {app: web}}, maxUnavailable: 0}
            replicaSets:
              - {name: shop, namespace: shop, replicas: 2, nodes: [node-2]}
            statefulSets:
              - {name: db, namespace: shop, replicas: 1, nodes: [node-2]}
            """;

    private KubeEmulator emulator;
    private JsonNode report;

    @BeforeAll
    void runTheScript(@TempDir Path dir) throws Exception {
        requirePythonClient();
        emulator = KubeEmulator.start(Scenario.parse(SCENARIO), new ScenarioClock(Instant.parse("2026-11-25T09:00:00Z")));
        Path kubeconfig = emulator.writeKubeconfig(dir.resolve("kubeconfig"));
        Path out = dir.resolve("report.json");
        Path err = dir.resolve("stderr.txt");
        Process python = new ProcessBuilder(PYTHON.toString(), script().toString(), kubeconfig.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!python.waitFor(60, TimeUnit.SECONDS)) {
            python.destroyForcibly();
            fail("the Python client script did not finish in 60 s:\n" + Files.readString(err));
        }
        if (python.exitValue() != 0) {
            fail("the Python client script failed (exit " + python.exitValue() + "):\n" + Files.readString(err));
        }
        report = new ObjectMapper().readTree(out.toFile());
    }

    @AfterAll
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static void requirePythonClient() throws IOException, InterruptedException {
        String hint = "install it with `apt-get install -y python3-kubernetes` (.ci/run does)";
        if (!Files.isExecutable(PYTHON)) {
            fail("/usr/bin/python3 is missing; the Python client conformance test needs it with the kubernetes package: "
                    + hint);
        }
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import kubernetes").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        if (probe.waitFor() != 0) {
            fail("the official Kubernetes Python client is not installed for /usr/bin/python3: " + hint);
        }
    }

    private static Path script() throws URISyntaxException {
        return Path.of(PythonClientConformanceTest.class.getResource("/python/client_conformance.py").toURI());
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asText).toList();
    }

    @Test
    void fieldAndLabelSelectors_returnTheMatchingPods() {
        assertThat(strings(report.path("podsOnNode1"))).containsExactly("batch/done-1", "batch/worker-1", "web/web-a");
        assertThat(strings(report.path("webPodsByLabel"))).containsExactly("web/web-a");
        assertThat(strings(report.path("runningBatchPods"))).containsExactly("batch/worker-1");
    }

    @Test
    void unsupportedFieldSelector_raisesApiException400() {
        assertThat(report.path("badFieldSelector").path("status").asInt()).isEqualTo(400);
        assertThat(report.path("badFieldSelector").path("message").asText())
                .isEqualTo("field label not supported: spec.host");
    }

    @Test
    void nodeAndPod_deserializeIntoTheClientsModels() {
        assertThat(report.path("node").path("providerID").asText()).isEqualTo("aws:///eu-west-1a/i-0a1b2c3d4e5f60718");
        assertThat(report.path("node").path("hostnameLabel").asText()).isEqualTo("node-1");
        assertThat(report.path("node").path("ready").asText()).isEqualTo("True");
        assertThat(report.path("pod").path("ownerKind").asText()).isEqualTo("ReplicaSet");
        assertThat(report.path("pod").path("phase").asText()).isEqualTo("Running");
        assertThat(report.path("pod").path("containerReady").asBoolean()).isTrue();
    }

    @Test
    void patchedNode_isCordonedAndAnnotatedOnTheServer() {
        assertThat(report.path("patchedNode").path("unschedulable").asBoolean()).isTrue();
        assertThat(report.path("patchedNode").path("resourceVersionAdvanced").asBoolean()).isTrue();
        JsonNode node = emulator.node("node-1").orElseThrow();
        assertThat(node.path("spec").path("unschedulable").asBoolean()).isTrue();
        assertThat(node.path("metadata").path("annotations").path("example.com/drained-by").asText()).isEqualTo("python");
    }

    @Test
    void budgetStatus_isReadAsTheDisruptionControllerWritesIt() {
        assertThat(report.path("budget").path("maxUnavailable").asInt()).isZero();
        assertThat(report.path("budget").path("disruptionsAllowed").asInt()).isZero();
        assertThat(report.path("budget").path("currentHealthy").asInt()).isEqualTo(2);
        assertThat(report.path("budget").path("desiredHealthy").asInt()).isEqualTo(2);
        assertThat(report.path("budget").path("expectedPods").asInt()).isEqualTo(2);
        assertThat(strings(report.path("budgetsListed"))).containsExactly("web");
    }

    @Test
    void evictions_give201_429WithTheBudgetCause_and404() {
        assertThat(report.path("blockedEviction").path("status").asInt()).isEqualTo(429);
        assertThat(report.path("blockedEviction").path("reason").asText()).isEqualTo("TooManyRequests");
        assertThat(report.path("blockedEviction").path("message").asText())
                .isEqualTo("Cannot evict pod as it would violate the pod's disruption budget.");
        assertThat(strings(report.path("blockedEviction").path("causes"))).containsExactly("DisruptionBudget");
        assertThat(report.path("evictedPod").path("deletionTimestamp").asText()).isEqualTo("2026-11-25T09:00:45+00:00");
        assertThat(report.path("evictedPod").path("deletionGracePeriodSeconds").asInt()).isEqualTo(45);
        assertThat(report.path("missingEviction").path("status").asInt()).isEqualTo(404);
        assertThat(emulator.evictions()).startsWith("web/web-a 429", "batch/worker-1 201", "batch/ghost 404");
    }

    @Test
    void missingObjectsAndMissingToken_raiseNotFoundAndUnauthorized() {
        assertThat(report.path("missingPod").path("status").asInt()).isEqualTo(404);
        assertThat(report.path("missingPod").path("message").asText()).isEqualTo("pods \"ghost\" not found");
        assertThat(report.path("withoutToken").path("status").asInt()).isEqualTo(401);
        assertThat(report.path("withoutToken").path("reason").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void workloads_readIntoTheClientsModels_andAnEvictedPodIsReplacedOnTheNodeLeftSchedulable() {
        assertThat(report.path("replicaSet").path("replicas").asInt()).isEqualTo(2);
        assertThat(report.path("replicaSet").path("readyReplicas").asInt()).isEqualTo(2);
        assertThat(report.path("replicaSet").path("selector").path("app").asText()).isEqualTo("shop");
        assertThat(strings(report.path("statefulSetsListed"))).containsExactly("db");
        // node-1 has fewer pods, but the script cordoned it before the eviction: the replacement runs on node-2
        assertThat(strings(report.path("shopPodsAfterEviction")))
                .containsExactlyInAnyOrder("Running node-2", "Running node-2", "Terminating node-2");
    }
}
