package dev.gracefulworker.functions.kubernetes;

import java.util.List;
import java.util.Optional;

/** The nodes of the cluster. */
public interface Nodes {

    Optional<NodeInfo> find(String name);

    List<NodeInfo> list();

    /** Applies the patch; false when the node no longer exists. */
    boolean patch(String name, NodePatch patch);
}
