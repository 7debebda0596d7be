package dev.gracefulworker.statemachine;

/** What the workflow does with the lifecycle action when a task fails after its retries. */
public enum FailurePolicy {
    /** Fail open: complete the action with CONTINUE so the instance terminates. */
    CONTINUE,
    /** Complete the action with ABANDON. */
    ABANDON,
    /** Leave the action alone: the hook's heartbeat timeout and default result decide. */
    LEAVE_TO_HOOK_TIMEOUT
}
