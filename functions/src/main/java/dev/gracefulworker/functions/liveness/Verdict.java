package dev.gracefulworker.functions.liveness;

/** Whether the workflow has a node to drain. */
public enum Verdict {
    DRAIN,
    NOTHING_TO_DRAIN
}
