package dev.gracefulworker.e2e.lambda;

import dev.gracefulworker.e2e.scenario.LambdaFault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scripted Lambda failures of a run, consulted before each invocation: the first fault that applies to the function
 * (with uses left, or with its window open on the scenario clock) decides.
 */
public final class LambdaFaults {

    private final Clock clock;
    private final Instant start;
    private final List<Armed> faults = new ArrayList<>();

    private static final class Armed {
        final LambdaFault fault;
        int remaining;

        Armed(LambdaFault fault) {
            this.fault = fault;
            this.remaining = fault.windowed() ? -1 : fault.times();
        }
    }

    public LambdaFaults(List<LambdaFault> faults, Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
        faults.forEach(fault -> this.faults.add(new Armed(fault)));
    }

    /** None: every invocation runs the handler. */
    public static LambdaFaults none(Clock clock) {
        return new LambdaFaults(List.of(), clock);
    }

    /** The fault this invocation of {@code function} meets, if any; a counted fault is used up by it. */
    public synchronized Optional<LambdaFault.Kind> take(String function) {
        long now = Duration.between(start, clock.instant()).toSeconds();
        for (Armed armed : faults) {
            LambdaFault fault = armed.fault;
            if (!fault.function().equals(function)) {
                continue;
            }
            if (fault.windowed()) {
                if (now >= fault.afterSeconds() && now < fault.afterSeconds() + fault.forSeconds()) {
                    return Optional.of(fault.kind());
                }
            } else if (armed.remaining > 0) {
                armed.remaining--;
                return Optional.of(fault.kind());
            }
        }
        return Optional.empty();
    }
}
