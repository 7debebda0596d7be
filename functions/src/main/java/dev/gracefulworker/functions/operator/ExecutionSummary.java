package dev.gracefulworker.functions.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution of a termination as {@code gwt status} shows it.
 *
 * @param name      {@code <instanceId>-<token>}, or {@code <original>-replay-<n>}
 * @param arn       the execution ARN
 * @param status    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED (or PENDING_REDRIVE)
 * @param startDate when it started
 * @param stopDate  when it ended; empty while running
 * @param outcome   the output's {@code outcome} (completed, timeout, nothingToDrain, …) once it succeeded
 * @param polls     the output's {@code polls}: how many times the pods were checked
 * @param error     a failed execution's error and cause, e.g. {@code DrainFailed: Check pods failed …}
 */
record ExecutionSummary(String name, String arn, String status, Instant startDate, Optional<Instant> stopDate,
                        Optional<String> outcome, Optional<Integer> polls, Optional<String> error) {

    ExecutionSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(stopDate, "stopDate");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(polls, "polls");
        Objects.requireNonNull(error, "error");
    }

    /** Start to stop; for a running execution, start to {@code now}. */
    Duration duration(Instant now) {
        Duration duration = Duration.between(startDate, stopDate.orElse(now));
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    boolean running() {
        return stopDate.isEmpty();
    }
}
