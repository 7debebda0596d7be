package dev.gracefulworker.functions.liveness;

import dev.gracefulworker.contract.LivenessVerdict;
import dev.gracefulworker.functions.TaskInputs;
import dev.gracefulworker.functions.kubernetes.Nodes;
import java.util.Optional;

/**
 * Decides whether there is anything to drain: the instance must be running and have a node in the cluster.
 * An instance that is not running is never looked up in the cluster.
 */
public final class LivenessChecker {

    static final String NOT_FOUND = "not-found";

    private final InstanceDirectory instances;
    private final Nodes nodes;
    private final NodeFinder finder;

    public LivenessChecker(InstanceDirectory instances, Nodes nodes, NodeFinder finder) {
        this.instances = instances;
        this.nodes = nodes;
        this.finder = finder;
    }

    public Liveness check(String instanceId) {
        Optional<InstanceInfo> found = instances.find(TaskInputs.required("instanceId", instanceId));
        if (found.isEmpty()) {
            return new Liveness(instanceId, NOT_FOUND, null, null, null, false, null, LivenessVerdict.NOTHING_TO_DRAIN,
                    "instance not found");
        }
        InstanceInfo instance = found.get();
        if (!instance.running()) {
            return nothingToDrain(instance, "instance is " + instance.state());
        }
        return finder.find(instance, nodes.list())
                .map(match -> new Liveness(instanceId, instance.state(), instance.availabilityZone(),
                        instance.privateDnsName(), match.node().name(), match.node().ready(), match.matchedBy(),
                        LivenessVerdict.DRAIN, "node " + match.node().name() + " matched by " + match.matchedBy()))
                .orElseGet(() -> nothingToDrain(instance, "no node for instance " + instanceId + " in the cluster"));
    }

    private static Liveness nothingToDrain(InstanceInfo instance, String reason) {
        return new Liveness(instance.instanceId(), instance.state(), instance.availabilityZone(),
                instance.privateDnsName(), null, false, null, LivenessVerdict.NOTHING_TO_DRAIN, reason);
    }
}
