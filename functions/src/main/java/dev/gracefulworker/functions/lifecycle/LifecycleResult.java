package dev.gracefulworker.functions.lifecycle;

/** The result sent with CompleteLifecycleAction. */
public enum LifecycleResult {
    CONTINUE,
    ABANDON
}
