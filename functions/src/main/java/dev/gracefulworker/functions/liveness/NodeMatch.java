package dev.gracefulworker.functions.liveness;

import dev.gracefulworker.functions.kubernetes.NodeInfo;

/** The node that belongs to an instance, and how we know. */
public record NodeMatch(NodeInfo node, MatchedBy matchedBy) {}
