package dev.gracefulworker.functions.pods;

/** What this check did about the heartbeat. */
public enum HeartbeatStatus {
    RECORDED,
    NOT_DUE,
    DRY_RUN
}
