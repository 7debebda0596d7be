package dev.gracefulworker.functions.lifecycle;

/** What CompleteLifecycleAction did. */
public enum CompletionAction {
    COMPLETED,
    /** There was no active lifecycle action: completed before (a replay), expired, or abandoned. */
    ALREADY_COMPLETED,
    DRY_RUN
}
