package dev.gracefulworker.functions.pods;

/** The one field "Done waiting?" reads. NOT_STARTED is only ever written by "Start the clock". */
public enum DrainStatus {
    NOT_STARTED,
    DRAINED,
    WAITING,
    DEADLINE_PASSED,
    ACTION_ENDED
}
