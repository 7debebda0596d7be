package dev.gracefulworker.emulator.kube.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.ScenarioClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** kubectl against the workload controller: ReplicaSets and StatefulSets listed and created, a drain they survive. */
class KubectlWorkloadConformanceTest {
    private static final String SCENARIO = """
            nodes:
              - {name: node-1}
              - {name: node-2}
              - {name: node-3}
            replicaSets:
              - {name: web-7c9d, namespace: web, replicas: 3, labels: {app: web}, nodes: [node-1, node-1, node-2],
                 readyAfterSeconds: 10, terminationGracePeriodSeconds: 10}
            statefulSets:
              - {name: db, namespace: data, replicas: 2, nodes: [node-2, node-3]}
            podDisruptionBudgets:
              - {name: web, namespace: web, selector: {matchLabels: {app: web}}, maxUnavailable: 1}
            """;

    @RegisterExtension
    final KubectlOnEmulator running = new KubectlOnEmulator(SCENARIO, new ScenarioClock(Instant.parse("2026-11-25T09:00:00Z")));
    private final ScenarioClock clock = running.clock;
    private final KubeEmulator emulator = running.emulator;
    private final Kubectl kubectl = running.kubectl;

    @Test
    void getReplicaSetsAndStatefulSets_printsDesiredCurrentAndReady() {
        Kubectl.Result result = kubectl.run("get", "rs,sts", "-A");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdoutLines()).containsExactly(
                "NAMESPACE   NAME                       DESIRED   CURRENT   READY   AGE",
                "web         replicaset.apps/web-7c9d   3         3         3       60m",
                "",
                "NAMESPACE   NAME                  READY   AGE",
                "data        statefulset.apps/db   2/2     60m");
    }

    @Test
    void createFromAFile_createsTheReplicaSet_whosePodsAreScheduledAndBecomeReady(@TempDir Path dir) throws IOException {
        Path manifest = Files.writeString(dir.resolve("cart.yaml"), """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: cart
                  namespace: web
                  annotations: {emulator.gracefulworker.dev/ready-after-seconds: "5"}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: cart}}
                  template:
                    metadata: {labels: {app: cart}}
                    spec:
                      containers: [{name: cart, image: public.ecr.aws/docker/library/busybox:1.37}]
                """);

        // no OpenAPI documents are served, so kubectl cannot validate the manifest client-side
        Kubectl.Result create = kubectl.run("create", "--validate=false", "-f", manifest.toString());
        Kubectl.Result starting = kubectl.run("get", "rs", "cart", "-n", "web");
        clock.advance(Duration.ofSeconds(5));
        Kubectl.Result ready = kubectl.run("get", "rs", "cart", "-n", "web");
        Kubectl.Result pods = kubectl.run("get", "pods", "-n", "web", "-l", "app=cart", "-o",
                "custom-columns=NODE:.spec.nodeName,OWNER:.metadata.ownerReferences[0].name", "--no-headers");

        assertThat(create.exitCode()).as(create.stderr()).isZero();
        assertThat(create.stdoutLines()).containsExactly("replicaset.apps/cart created");
        assertThat(starting.stdoutLines()).containsExactly(
                "NAME   DESIRED   CURRENT   READY   AGE",
                "cart   2         2         0       0s");
        assertThat(ready.stdoutLines()).containsExactly(
                "NAME   DESIRED   CURRENT   READY   AGE",
                "cart   2         2         2       5s");
        // node-3 has one pod and node-1/node-2 two each: the least-loaded node first, then the tie by name
        assertThat(pods.stdoutLines()).containsExactlyInAnyOrder("node-3   cart", "node-1   cart");
    }

    @Test
    void drain_ofANodeWhosePodsBelongToAReplicaSet_completesThroughTheBudget_andTheReplacementsLandElsewhere() {
        Kubectl.Running drain = kubectl.start("drain", "node-1", "--ignore-daemonsets", "--timeout=90s");

        // maxUnavailable 1: one pod goes, the other waits (429) until the first one's replacement is Ready
        drain.awaitUntil(() -> emulator.evictions().stream().anyMatch(e -> e.endsWith(" 429")));
        clock.advance(Duration.ofSeconds(10));
        drain.awaitUntil(() -> emulator.evictions().stream().filter(e -> e.endsWith(" 201")).count() == 2);
        clock.advance(Duration.ofSeconds(10));             // the evicted pods' grace; the second replacement Ready
        Kubectl.Result result = drain.await(60);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdoutLines().getLast()).isEqualTo("node/node-1 drained");
        assertThat(result.stderrLines()).anyMatch(line -> line.endsWith(
                "(will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget."));
        List<JsonNode> web = emulator.pods().stream()
                .filter(p -> p.path("metadata").path("namespace").asText().equals("web")).toList();
        assertThat(web).hasSize(3)
                .noneMatch(p -> p.path("spec").path("nodeName").asText().equals("node-1"));
        assertThat(emulator.evictionsPerWorkload()).containsExactly(Map.entry("ReplicaSet/web/web-7c9d", 2));
        assertThat(emulator.budgetViolations()).isZero();
        Kubectl.Result rs = kubectl.run("get", "rs", "-n", "web");
        assertThat(rs.stdoutLines()).containsExactly(
                "NAME       DESIRED   CURRENT   READY   AGE",
                "web-7c9d   3         3         3       60m");
    }
}
