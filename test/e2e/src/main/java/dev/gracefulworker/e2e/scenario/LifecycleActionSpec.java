package dev.gracefulworker.e2e.scenario;

/**
 * The lifecycle hook's wait the execution input refers to. {@code started: false} leaves Auto Scaling without an action
 * for the message (it already ended); the heartbeat timeout defaults to the settings' heartbeatTimeoutSeconds.
 */
public record LifecycleActionSpec(Integer heartbeatTimeoutSeconds, String defaultResult, Boolean started) {

    /** Started, with the settings' heartbeat timeout and CONTINUE as the default result (what the stack deploys). */
    public static final LifecycleActionSpec DEFAULT = new LifecycleActionSpec(null, null, null);

    public LifecycleActionSpec {
        defaultResult = defaultResult == null ? "CONTINUE" : defaultResult;
        started = started == null || started;
    }
}
