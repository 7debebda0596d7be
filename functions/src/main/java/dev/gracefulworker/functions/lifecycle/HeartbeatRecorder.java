package dev.gracefulworker.functions.lifecycle;

/** Keeps a lifecycle action alive: RecordLifecycleActionHeartbeat, token first. */
public final class HeartbeatRecorder {

    private final LifecycleActions actions;

    public HeartbeatRecorder(LifecycleActions actions) {
        this.actions = actions;
    }

    /** True when the heartbeat was recorded; false when there is no active lifecycle action any more. */
    public boolean record(LifecycleActionRef action) {
        return TokenFirst.call(action, by -> actions.recordHeartbeat(action, by)).answer() == ActionAnswer.ACCEPTED;
    }
}
