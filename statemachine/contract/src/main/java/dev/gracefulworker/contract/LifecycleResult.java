package dev.gracefulworker.contract;

/** The result sent with CompleteLifecycleAction; also the {@code onTimeout} setting. */
public enum LifecycleResult {
    CONTINUE,
    ABANDON
}
