package dev.gracefulworker.e2e;

import dev.gracefulworker.e2e.fleet.SharedClock;
import dev.gracefulworker.emulator.kube.ScenarioClock;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** How scenario time passes in a local run: stepped by one execution's Waits, or shared by a fleet of executions. */
public sealed interface ScenarioTime {

    /** The clock the emulators, the handlers and the interpreter's start times read. */
    Clock clock();

    /** An execution is about to spend {@code duration} in a Wait state, or a function ran into its timeout. */
    void elapse(Duration duration);

    /** Where the interpreter's Wait states sleep, when they sleep on a shared clock. */
    Optional<URI> sharedClockWaits();

    /** How many times its nominal TimeoutSeconds the interpreter lets a Task run, in real time. */
    default int taskTimeoutStretch() {
        return 1;
    }

    /** One execution at a time: its clock jumps by each Wait's nominal seconds while the interpreter does not pause. */
    static ScenarioTime stepped() {
        return new Stepped(new ScenarioClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    /** The clock moves as the execution's Waits come, by their nominal seconds. */
    record Stepped(ScenarioClock clock) implements ScenarioTime {
        @Override
        public void elapse(Duration duration) {
            clock.advance(duration);
        }

        @Override
        public Optional<URI> sharedClockWaits() {
            return Optional.empty();
        }
    }

    /** Many executions on one clock: each Wait sleeps on it (through {@code waits}), nothing steps it by hand. */
    record Shared(SharedClock clock, URI waits) implements ScenarioTime {

        /** How much longer a fleet's Tasks may run in real time than their TimeoutSeconds. */
        public static final int TASK_TIMEOUT_STRETCH = 20;

        @Override
        public void elapse(Duration duration) {
            // the Wait itself sleeps on the shared clock; a function's timeout passes in real time, which it counts
        }

        @Override
        public Optional<URI> sharedClockWaits() {
            return Optional.of(waits);
        }

        /**
         * This machine's two cores stand in for the CPU of every concurrent Lambda function: a task that waits for them
         * has not run into its timeout as it would on Lambda. (Function timeouts are FaultBudgetScenariosTest's.)
         */
        @Override
        public int taskTimeoutStretch() {
            return TASK_TIMEOUT_STRETCH;
        }
    }
}
