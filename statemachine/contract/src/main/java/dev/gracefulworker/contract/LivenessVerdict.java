package dev.gracefulworker.contract;

/** {@code $.target.verdict}: whether the workflow has a node to drain ("Anything to drain?"). */
public enum LivenessVerdict {
    DRAIN,
    NOTHING_TO_DRAIN
}
