package dev.gracefulworker.statemachine;

/**
 * The state names of the workflow, exactly as the console, the docs and the end-to-end runner show them. Task and
 * Wait state names contain no colon: the local-sfn CLI splits {@code -t "State:./script"} at every colon.
 */
public final class WorkflowStates {

    public static final String IS_IT_A_TERMINATION = "Is it a termination?";
    public static final String IGNORED_NOT_A_TERMINATION = "Ignored: not a termination";
    public static final String REJECTED_MALFORMED_MESSAGE = "Rejected: malformed lifecycle message";

    public static final String LOAD_DEPLOYED_SETTINGS = "Load deployed settings";
    public static final String START_THE_CLOCK = "Start the clock";
    public static final String PER_GROUP_OVERRIDES = "Per-group overrides?";
    public static final String APPLY_PER_GROUP_OVERRIDES = "Apply per-group overrides";

    public static final String CHECK_INSTANCE_AND_NODE = "Check instance and node";
    public static final String ANYTHING_TO_DRAIN = "Anything to drain?";
    public static final String KEEP_THE_HOOK_ALIVE = "Keep the hook alive";
    public static final String CORDON_NODE = "Cordon node";
    public static final String COUNT_THE_FAILED_CORDON = "Count the failed cordon";
    public static final String CORDON_OUTAGE_TOO_LONG = "Cordon outage too long?";
    public static final String KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CORDON = "Keep the hook alive after a failed cordon";
    public static final String WAIT_BEFORE_RETRYING_THE_CORDON = "Wait before retrying the cordon";
    public static final String STOP_RETRYING_THE_CORDON = "Stop retrying the cordon";

    public static final String CHECK_PODS = "Check pods";
    public static final String DONE_WAITING = "Done waiting?";
    public static final String WAIT_BEFORE_NEXT_CHECK = "Wait before next check";
    public static final String COUNT_THE_FAILED_CHECK = "Count the failed check";
    public static final String OUTAGE_TOO_LONG = "Outage too long?";
    public static final String KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK = "Keep the hook alive after a failed check";
    public static final String STOP_RETRYING_CHECKS = "Stop retrying checks";
    public static final String UNEXPECTED_TASK_RESULT = "Unexpected task result";

    public static final String COMPLETE_DRAINED = "Complete (drained)";
    public static final String COMPLETE_NOTHING_TO_DRAIN = "Complete (nothing to drain)";
    public static final String COMPLETE_MAX_WAIT_REACHED = "Complete (max wait reached)";
    public static final String COMPLETE_ACTION_ALREADY_ENDED = "Complete (action already ended)";
    public static final String REPORT_OUTCOME = "Report outcome";
    public static final String DONE = "Done";

    public static final String FAILURE_POLICY = "Failure policy?";
    public static final String LEFT_TO_HOOK_TIMEOUT = "Drain failed (left to hook timeout)";
    public static final String COMPLETE_AFTER_FAILURE = "Complete after failure";
    public static final String DRAIN_FAILED = "Drain failed";
    public static final String DRAIN_FAILED_ACTION_NOT_COMPLETED = "Drain failed (action not completed)";
    public static final String COULD_NOT_COMPLETE = "Could not complete lifecycle action";

    private WorkflowStates() {
    }
}
