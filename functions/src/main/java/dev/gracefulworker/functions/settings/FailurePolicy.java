package dev.gracefulworker.functions.settings;

/** What the workflow does with the lifecycle action when the drain fails. */
public enum FailurePolicy {
    CONTINUE,
    ABANDON,
    /** Complete nothing: the hook's own timeout applies its default result. */
    LEAVE_TO_HOOK_TIMEOUT
}
