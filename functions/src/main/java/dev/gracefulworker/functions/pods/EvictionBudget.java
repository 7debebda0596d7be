package dev.gracefulworker.functions.pods;

import dev.gracefulworker.contract.WorkflowFunction;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The real time one poll may spend evicting. "Check pods" has {@link WorkflowFunction#CHECK_PODS}'s 25 s and the task
 * 30 s; a check that runs out of either goes round the outage loop and, worse, its retry would overlap evictions still
 * running. So new evictions start only in the first {@link #START_WINDOW} of the poll (the pod list included), and
 * every eviction call is abandoned at {@link #CALL_DEADLINE}: that leaves 10 s for the volume check and the heartbeat.
 * What is left is evicted by the next poll.
 */
final class EvictionBudget {

    /** Evictions in flight at once: kubectl drain sends all at once, which a busy API server's APF turns away. */
    static final int PARALLELISM = 8;
    static final Duration START_WINDOW = Duration.ofSeconds(10);
    static final Duration CALL_DEADLINE = Duration.ofSeconds(15);

    private final LongSupplier nanoTime;
    private final long startedAt;

    /** @param nanoTime a monotonic clock ({@code System::nanoTime}): Lambda's timeout is real time, not scenario time */
    EvictionBudget(LongSupplier nanoTime, long startedAt) {
        this.nanoTime = nanoTime;
        this.startedAt = startedAt;
    }

    Duration spent() {
        return Duration.ofNanos(nanoTime.getAsLong() - startedAt);
    }

    boolean mayStartAnother() {
        return spent().compareTo(START_WINDOW) < 0;
    }

    /** How long a call started now may wait for its answer; at least 1 ms so a call is never sent without one. */
    Duration callTimeout() {
        Duration left = CALL_DEADLINE.minus(spent());
        return left.toMillis() < 1 ? Duration.ofMillis(1) : left;
    }
}
