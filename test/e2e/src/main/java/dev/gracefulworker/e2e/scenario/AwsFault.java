package dev.gracefulworker.e2e.scenario;

import java.util.Objects;

/**
 * A scripted AWS failure: the next {@code times} calls of {@code action} are throttled ({@code Rate exceeded}), or,
 * with a {@code status}, answered with that 5xx.
 */
public record AwsFault(String action, Integer status, Integer times) {

    public AwsFault {
        Objects.requireNonNull(action, "an AWS fault needs an action, e.g. CompleteLifecycleAction");
        times = times == null ? 1 : times;
    }

    /** Whether this fault is throttling rather than a server error. */
    public boolean throttling() {
        return status == null;
    }
}
