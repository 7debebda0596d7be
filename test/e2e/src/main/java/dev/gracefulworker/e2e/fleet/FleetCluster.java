package dev.gracefulworker.e2e.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.e2e.scenario.LocalScenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The cluster and the lifecycle messages a {@link FleetSpec} describes, generated from its seed: old nodes full of
 * workload pods (ReplicaSets and StatefulSets of 5–50 replicas spread over the nodes, each with a
 * PodDisruptionBudget), one replacement node per old node that joins when its batch starts, and one lifecycle message
 * per old node.
 */
public record FleetCluster(LocalScenario scenario, List<Member> members, int workloads, int workloadPods) {

    /** An old node, the instance behind it, the replacement that joins for it, and its termination. */
    public record Member(int index, int batch, String nodeName, String instanceId, String replacementNodeName,
                         JsonNode message) {
    }

    static final String GROUP = "workers";
    static final String HOOK = "graceful-termination";
    private static final String[] ZONES = {"eu-west-1a", "eu-west-1b", "eu-west-1c"};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Generates the fleet; the same spec (seed included) gives the same cluster. */
    public static FleetCluster of(FleetSpec spec) {
        Random random = new Random(spec.seed());
        ObjectNode root = JSON.createObjectNode();
        root.put("description", spec.description());
        spec.settings().ifPresent(settings -> root.set("settings", settings.deepCopy()));
        if (spec.latencyMillis() > 0) {
            root.put("latencyMillis", spec.latencyMillis());
        }
        ArrayNode nodes = root.putArray("nodes");
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < spec.nodes(); i++) {
            String oldNode = nodeName(1, i);
            String instanceId = instanceId(0x1000 + i);
            String newNode = nodeName(101, i);
            addNode(nodes, oldNode, instanceId, i, true);
            addNode(nodes, newNode, instanceId(0x9000 + i), i, false);
            members.add(new Member(i, i / spec.batchSize(), oldNode, instanceId, newNode,
                    message(instanceId, new UUID(random.nextLong(), random.nextLong()).toString())));
        }
        int[] counts = addWorkloads(root, spec, members, random);
        return new FleetCluster(LocalScenario.parse(root.toString()), List.copyOf(members), counts[0], counts[1]);
    }

    /** Workload pods dealt over the old nodes ({@code podsPerNode} each), one workload after another. */
    private static int[] addWorkloads(ObjectNode root, FleetSpec spec, List<Member> members, Random random) {
        List<String> slots = new ArrayList<>();
        for (Member member : members) {
            for (int p = 0; p < spec.podsPerNode(); p++) {
                slots.add(member.nodeName());
            }
        }
        Collections.shuffle(slots, random);
        ArrayNode replicaSets = root.putArray("replicaSets");
        ArrayNode statefulSets = root.putArray("statefulSets");
        ArrayNode budgets = root.putArray("podDisruptionBudgets");
        int workload = 0;
        for (int next = 0; next < slots.size(); workload++) {
            int remaining = slots.size() - next;
            int replicas = spec.minReplicas() + random.nextInt(spec.maxReplicas() - spec.minReplicas() + 1);
            // the last workloads share what is left so none falls below the minimum: a 3-replica workload under
            // minAvailable 80% would allow no disruption at all (Kubernetes rounds the percentage up)
            if (remaining <= spec.maxReplicas()) {
                replicas = remaining;
            } else if (remaining - replicas < spec.minReplicas()) {
                replicas = remaining - spec.minReplicas();
            }
            String name = "app-" + workload;
            String namespace = "team-" + (workload % 5);
            // one workload in five is a StatefulSet: replaced by ordinal once its pod is gone, not when it starts going
            ObjectNode spec0 = (workload % 5 == 4 ? statefulSets : replicaSets).addObject()
                    .put("name", name).put("namespace", namespace).put("replicas", replicas)
                    .put("readyAfterSeconds", spec.readyAfterSeconds())
                    .put("recreateAfterSeconds", spec.recreateAfterSeconds())
                    .put("terminationGracePeriodSeconds", spec.terminationGracePeriodSeconds());
            ArrayNode onNodes = spec0.putArray("nodes");
            slots.subList(next, next + replicas).forEach(onNodes::add);
            next += replicas;
            ObjectNode budget = budgets.addObject().put("name", name).put("namespace", namespace);
            budget.putObject("selector").putObject("matchLabels").put("app", name);
            if (workload % 2 == 0) {
                budget.put("maxUnavailable", 1);
            } else {
                budget.put("minAvailable", "80%");
            }
        }
        return new int[] {workload, slots.size()};
    }

    private static void addNode(ArrayNode nodes, String name, String instanceId, int index, boolean ready) {
        String zone = ZONES[index % ZONES.length];
        ObjectNode node = nodes.addObject().put("name", name).put("providerID", "aws:///" + zone + "/" + instanceId)
                .put("ready", ready);
        node.putObject("labels").put("topology.kubernetes.io/zone", zone).put("eks.amazonaws.com/nodegroup", GROUP);
    }

    private static JsonNode message(String instanceId, String token) {
        return JSON.createObjectNode()
                .put("Origin", "AutoScalingGroup")
                .put("Destination", "EC2")
                .put("Service", "AWS Auto Scaling")
                .put("Time", "2026-11-20T09:41:07.512Z")
                .put("AccountId", "111122223333")
                .put("RequestId", UUID.nameUUIDFromBytes(token.getBytes()).toString())
                .put("LifecycleActionToken", token)
                .put("AutoScalingGroupName", GROUP)
                .put("LifecycleHookName", HOOK)
                .put("EC2InstanceId", instanceId)
                .put("LifecycleTransition", "autoscaling:EC2_INSTANCE_TERMINATING");
    }

    /** {@code ip-10-0-<block>-<n>.eu-west-1.compute.internal}: private DNS names, as EKS names its nodes. */
    private static String nodeName(int block, int index) {
        return "ip-10-0-" + (block + index / 200) + "-" + (10 + index % 200) + ".eu-west-1.compute.internal";
    }

    private static String instanceId(int number) {
        return String.format("i-0%016x", number);
    }
}
