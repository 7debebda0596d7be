package dev.gracefulworker.bench.cluster;

import dev.gracefulworker.emulator.kube.Scenario;
import dev.gracefulworker.emulator.kube.Scenario.NodeSpec;
import dev.gracefulworker.emulator.kube.Scenario.Owner;
import dev.gracefulworker.emulator.kube.Scenario.OwnerKind;
import dev.gracefulworker.emulator.kube.Scenario.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cluster the benchmarks run against: the terminating targets, and a busy rest of the cluster
 * ({@value #OTHER_NODES} nodes with {@value #PODS_PER_OTHER_NODE} pods each) that a poll must not pay for.
 */
public final class ClusterScenario {

    public static final int OTHER_NODES = 50;
    public static final int PODS_PER_OTHER_NODE = 100;
    /** What the benchmark settings wait for: the Job pods on each target. */
    public static final String WAITED_NAMESPACE = "batch";
    public static final String WAITED_SELECTOR = "app=report-runner";

    private ClusterScenario() {}

    public static Scenario of(List<Target> targets) {
        List<NodeSpec> nodes = new ArrayList<>();
        List<PodSpec> pods = new ArrayList<>();
        for (Target target : targets) {
            nodes.add(NodeSpec.named(target.nodeName(), target.providerId()));
            for (int i = 0; i < target.pods(); i++) {
                pods.add(i < Target.DAEMONSET_PODS ? daemonSetPod(target, i) : waitedPod(target, i));
            }
        }
        for (int n = 0; n < OTHER_NODES; n++) {
            String node = "ip-10-2-0-%d.eu-west-1.compute.internal".formatted(n + 1);
            nodes.add(NodeSpec.named(node, "aws:///eu-west-1b/i-0c%015x".formatted(n + 1)));
            for (int i = 0; i < PODS_PER_OTHER_NODE; i++) {
                pods.add(pod("web", "web-%d-%d".formatted(n, i), node, Map.of("app", "web"), new Owner(OwnerKind.ReplicaSet, "web-7d9f")));
            }
        }
        return new Scenario(nodes, pods);
    }

    private static PodSpec daemonSetPod(Target target, int i) {
        String name = List.of("aws-node", "kube-proxy", "node-exporter").get(i);
        return pod("kube-system", name + "-" + target.instanceId(), target.nodeName(), Map.of("app", name),
                new Owner(OwnerKind.DaemonSet, name));
    }

    private static PodSpec waitedPod(Target target, int i) {
        return pod(WAITED_NAMESPACE, "report-runner-%s-%d".formatted(target.instanceId(), i), target.nodeName(),
                Map.of("app", "report-runner", "team", "reporting"), new Owner(OwnerKind.Job, "report-runner-" + i));
    }

    private static PodSpec pod(String namespace, String name, String node, Map<String, String> labels, Owner owner) {
        return new PodSpec(name, namespace, node, labels, Map.of(), owner, null, null, null, null, null, null, null, null, null,
                null, null);
    }
}
