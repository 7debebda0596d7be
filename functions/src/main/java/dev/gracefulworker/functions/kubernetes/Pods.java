package dev.gracefulworker.functions.kubernetes;

import java.util.List;

/** The pods bound to a node, and their eviction. */
public interface Pods {

    List<PodInfo> onNode(String nodeName);

    EvictionOutcome evict(PodInfo pod);
}
