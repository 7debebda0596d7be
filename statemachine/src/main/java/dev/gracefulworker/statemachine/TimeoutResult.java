package dev.gracefulworker.statemachine;

/** The lifecycle action result sent when the maximum wait is reached. */
public enum TimeoutResult {
    CONTINUE,
    ABANDON
}
