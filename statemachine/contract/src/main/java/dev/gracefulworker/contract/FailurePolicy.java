package dev.gracefulworker.contract;

/** What the workflow does with the lifecycle action when a task fails after its retries ("Failure policy?"). */
public enum FailurePolicy {
    /** Fail open: complete the action with CONTINUE so the instance terminates. */
    CONTINUE,
    /** Complete the action with ABANDON. */
    ABANDON,
    /** Complete nothing: the hook's own timeout applies its default result. */
    LEAVE_TO_HOOK_TIMEOUT
}
