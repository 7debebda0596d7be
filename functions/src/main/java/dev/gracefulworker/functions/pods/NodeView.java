package dev.gracefulworker.functions.pods;

import dev.gracefulworker.functions.kubernetes.NodeInfo;
import dev.gracefulworker.functions.kubernetes.Nodes;
import java.util.Optional;

/** The drained node as one poll sees it: read at most once, and only when a rule needs it. */
final class NodeView {

    private final Nodes nodes;
    private final String name;
    private Optional<NodeInfo> node;

    NodeView(Nodes nodes, String name) {
        this.nodes = nodes;
        this.name = name;
    }

    boolean gone() {
        return read().isEmpty();
    }

    /** Whether a kubelet is there to finish what it was asked: the node exists and reports Ready. */
    boolean kubeletResponding() {
        return read().map(NodeInfo::ready).orElse(false);
    }

    private Optional<NodeInfo> read() {
        if (node == null) {
            node = nodes.find(name);
        }
        return node;
    }
}
