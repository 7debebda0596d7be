package dev.gracefulworker.e2e.interpreter;

/** How an execution ended. */
public enum ExecutionStatus {
    SUCCEEDED,
    FAILED
}
