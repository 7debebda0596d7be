package dev.gracefulworker.functions.cordon;

import dev.gracefulworker.functions.TaskInputs;
import dev.gracefulworker.functions.kubernetes.NodeInfo;
import dev.gracefulworker.functions.kubernetes.NodePatch;
import dev.gracefulworker.functions.kubernetes.Nodes;
import dev.gracefulworker.functions.kubernetes.Taint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cordons the matched node: {@code spec.unschedulable=true}, optionally a NoSchedule taint, and an annotation naming
 * the lifecycle action so an operator sees why. Reads first and patches only what is missing, so running it twice
 * changes nothing the second time. Dry run reads and reports, and writes nothing.
 */
public final class NodeCordoner {

    public static final String ACTION_ANNOTATION = "graceful-worker-terminator/lifecycle-action";
    /**
     * The well-known label the Service controller (cloud-provider-aws) and the AWS Load Balancer Controller read to take
     * the node out of their target groups.
     */
    public static final String EXCLUDE_FROM_LOAD_BALANCERS_LABEL = "node.kubernetes.io/exclude-from-external-load-balancers";
    public static final Taint TERMINATING_TAINT = new Taint("graceful-worker-terminator/terminating", null, "NoSchedule");

    private final Nodes nodes;

    public NodeCordoner(Nodes nodes) {
        this.nodes = nodes;
    }

    public CordonResult cordon(CordonRequest request) {
        Optional<NodeInfo> found = nodes.find(TaskInputs.required("nodeName", request.nodeName()));
        if (found.isEmpty()) {
            return gone(request.nodeName());
        }
        NodeInfo node = found.get();
        String actionName = request.autoScalingGroupName() + "/" + request.lifecycleHookName() + "/" + request.executionName();
        boolean needsTaint = request.taintNode() && !node.hasTaint(TERMINATING_TAINT);
        boolean needsAnnotation = !node.annotation(ACTION_ANNOTATION).filter(actionName::equals).isPresent();
        boolean needsLabel = request.excludeFromLoadBalancers()
                && !node.label(EXCLUDE_FROM_LOAD_BALANCERS_LABEL).filter("true"::equals).isPresent();
        boolean alreadyCordoned = node.unschedulable();
        boolean tainted = request.taintNode() || node.hasTaint(TERMINATING_TAINT);

        if (alreadyCordoned && !needsTaint && !needsAnnotation && !needsLabel) {
            return new CordonResult(node.name(), CordonAction.ALREADY_CORDONED, tainted,
                    "node " + node.name() + " was already cordoned for " + actionName);
        }
        String changes = describe(alreadyCordoned, needsTaint, needsAnnotation, needsLabel);
        if (request.dryRun()) {
            return new CordonResult(node.name(), alreadyCordoned ? CordonAction.ALREADY_CORDONED : CordonAction.WOULD_CORDON,
                    node.hasTaint(TERMINATING_TAINT), "dry run: would " + changes + " on node " + node.name());
        }
        List<Taint> taints = new ArrayList<>(node.taints());
        if (needsTaint) {
            taints.add(TERMINATING_TAINT);
        }
        if (!nodes.patch(node.name(), new NodePatch(true, taints, Map.of(ACTION_ANNOTATION, actionName), node.resourceVersion(),
                needsLabel ? Map.of(EXCLUDE_FROM_LOAD_BALANCERS_LABEL, "true") : Map.of()))) {
            return gone(node.name());
        }
        return new CordonResult(node.name(), alreadyCordoned ? CordonAction.ALREADY_CORDONED : CordonAction.CORDONED,
                tainted, changes + " on node " + node.name() + " for " + actionName);
    }

    private static CordonResult gone(String nodeName) {
        return new CordonResult(nodeName, CordonAction.NODE_GONE, false, "node " + nodeName + " is no longer in the cluster");
    }

    private static String describe(boolean alreadyCordoned, boolean needsTaint, boolean needsAnnotation,
            boolean needsLabel) {
        List<String> changes = new ArrayList<>();
        if (!alreadyCordoned) {
            changes.add("set unschedulable");
        }
        if (needsTaint) {
            changes.add("add taint " + TERMINATING_TAINT.key() + ":" + TERMINATING_TAINT.effect());
        }
        if (needsAnnotation) {
            changes.add("annotate " + ACTION_ANNOTATION);
        }
        if (needsLabel) {
            changes.add("label " + EXCLUDE_FROM_LOAD_BALANCERS_LABEL + "=true");
        }
        return String.join(", ", changes);
    }
}
