package dev.gracefulworker.emulator.kube.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.ScenarioClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** kubectl, a client nobody here wrote, against the emulator: the output and the cluster state a real cluster gives. */
class KubectlConformanceTest {
    private static final String DRAINED = "ip-10-0-1-23.eu-west-1.compute.internal";
    private static final String OTHER = "ip-10-0-2-40.eu-west-1.compute.internal";
    private static final String SCENARIO = """
            nodes:
              - {name: %1$s, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
              - {name: %2$s, providerID: "aws:///eu-west-1b/i-0f9e8d7c6b5a40312"}
            pods:
              - {name: node-agent-x7k2p, namespace: kube-system, node: %1$s, owner: {kind: DaemonSet, name: node-agent}}
              - {name: kube-proxy-%1$s, namespace: kube-system, node: %1$s, mirror: true}
              - {name: report-runner-28861920-abcde, namespace: batch, node: %1$s, phase: Succeeded,
                 owner: {kind: Job, name: report-runner-28861920}}
              - {name: worker-6d5f-1, namespace: batch, node: %1$s, owner: {kind: ReplicaSet, name: worker-6d5f},
                 terminationGracePeriodSeconds: 10}
              - {name: web-7c9d-a, namespace: web, node: %1$s, labels: {app: web}, owner: {kind: ReplicaSet, name: web-7c9d}}
              - {name: web-7c9d-b, namespace: web, node: %2$s, labels: {app: web}, owner: {kind: ReplicaSet, name: web-7c9d},
                 readyAfterSeconds: 30}
            podDisruptionBudgets:
              - {name: web, namespace: web, selector: {matchLabels: {app: web}}, minAvailable: 1}
            """.formatted(DRAINED, OTHER);

    @RegisterExtension
    final KubectlOnEmulator running = new KubectlOnEmulator(SCENARIO, new ScenarioClock(Instant.parse("2026-11-25T09:00:00Z")));
    private final ScenarioClock clock = running.clock;
    private final KubeEmulator emulator = running.emulator;
    private final Kubectl kubectl = running.kubectl;

    private JsonNode node(String name) {
        return emulator.node(name).orElseThrow();
    }

    @Test
    void cordon_marksTheNodeUnschedulableAndUncordonClearsIt() {
        Kubectl.Result cordon = kubectl.run("cordon", DRAINED);
        boolean cordoned = node(DRAINED).path("spec").path("unschedulable").asBoolean();
        Kubectl.Result again = kubectl.run("cordon", DRAINED);
        Kubectl.Result uncordon = kubectl.run("uncordon", DRAINED);

        assertThat(cordon.exitCode()).as(cordon.stderr()).isZero();
        assertThat(cordon.stdoutLines()).containsExactly("node/" + DRAINED + " cordoned");
        assertThat(cordoned).isTrue();
        assertThat(again.stdoutLines()).containsExactly("node/" + DRAINED + " already cordoned");
        assertThat(uncordon.stdoutLines()).containsExactly("node/" + DRAINED + " uncordoned");
        assertThat(node(DRAINED).path("spec").has("unschedulable")).isFalse();
        assertThat(emulator.requests()).filteredOn(r -> r.method().equals("PATCH")).hasSize(2);
    }

    @Test
    void getPodsOfOneNode_printsThemAcrossNamespaces() {
        Kubectl.Result result = kubectl.run("get", "pods", "-A", "--field-selector", "spec.nodeName=" + DRAINED);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdoutLines()).containsExactly(
                "NAMESPACE     NAME                                                 READY   STATUS      RESTARTS   AGE",
                "batch         report-runner-28861920-abcde                         0/1     Completed   0          50m",
                "batch         worker-6d5f-1                                        1/1     Running     0          50m",
                "kube-system   kube-proxy-ip-10-0-1-23.eu-west-1.compute.internal   1/1     Running     0          50m",
                "kube-system   node-agent-x7k2p                                     1/1     Running     0          50m",
                "web           web-7c9d-a                                           1/1     Running     0          50m");
    }

    @Test
    void getNodes_printsStatusAndVersion() {
        kubectl.run("cordon", DRAINED);

        Kubectl.Result result = kubectl.run("get", "nodes");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdoutLines()).containsExactly(
                "NAME                                      STATUS                     ROLES    AGE   VERSION",
                "ip-10-0-1-23.eu-west-1.compute.internal   Ready,SchedulingDisabled   <none>   60m   v1.32.9-eks-113cf36",
                "ip-10-0-2-40.eu-west-1.compute.internal   Ready                      <none>   60m   v1.32.9-eks-113cf36");
    }

    @Test
    void drain_skipsDaemonSetAndMirrorPods_retriesThroughTheBudget_andWaitsForDeletion() {
        Kubectl.Running drain = kubectl.start("drain", DRAINED, "--ignore-daemonsets", "--delete-emptydir-data",
                "--timeout=90s");

        // The budget blocks until the replacement on the other node is ready (scenario time), then the evicted pods
        // leave once their grace has passed: scenario time moves only when kubectl has got that far.
        drain.awaitUntil(() -> emulator.evictions().contains("web/web-7c9d-a 429"));
        clock.advance(Duration.ofSeconds(30));
        drain.awaitUntil(() -> emulator.evictions().contains("web/web-7c9d-a 201"));
        clock.advance(Duration.ofSeconds(30));
        Kubectl.Result result = drain.await(60);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        List<String> out = result.stdoutLines();
        assertThat(out.getFirst()).isEqualTo("node/" + DRAINED + " cordoned");
        assertThat(out.getLast()).isEqualTo("node/" + DRAINED + " drained");
        assertThat(out).contains(
                "evicting pod web/web-7c9d-a",
                "evicting pod batch/worker-6d5f-1",
                "evicting pod batch/report-runner-28861920-abcde",
                "pod/web-7c9d-a evicted",
                "pod/worker-6d5f-1 evicted",
                "pod/report-runner-28861920-abcde evicted");
        assertThat(out).filteredOn("evicting pod web/web-7c9d-a"::equals).hasSize(2);
        assertThat(out).noneMatch(line -> line.contains("kube-proxy") || line.contains("node-agent"));
        assertThat(result.stderrLines()).contains(
                "Warning: ignoring DaemonSet-managed Pods: kube-system/node-agent-x7k2p",
                "error when evicting pods/\"web-7c9d-a\" -n \"web\" (will retry after 5s): "
                        + "Cannot evict pod as it would violate the pod's disruption budget.");

        assertThat(node(DRAINED).path("spec").path("unschedulable").asBoolean()).isTrue();
        assertThat(emulator.pods()).extracting(p -> p.path("metadata").path("name").asText()).containsExactly(
                "kube-proxy-" + DRAINED, "node-agent-x7k2p", "web-7c9d-b");
        assertThat(emulator.evictions()).containsSubsequence("web/web-7c9d-a 429", "web/web-7c9d-a 201")
                .contains("batch/worker-6d5f-1 201", "batch/report-runner-28861920-abcde 201")
                .noneMatch(e -> e.contains("kube-proxy") || e.contains("node-agent"));
    }
}
