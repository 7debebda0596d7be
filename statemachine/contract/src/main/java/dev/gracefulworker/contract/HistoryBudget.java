package dev.gracefulworker.contract;

import java.util.Optional;

/**
 * The worst-case number of history events of one execution, against the 25,000 a Standard execution holds.
 * {@code fixedEvents} is counted from the definition at synth (the longest path through the states besides the poll
 * loop) and rendered into the definition, so the run-time check of per-group overrides reads the very number the
 * synth computed. Every further pod check adds one poll iteration of {@value #EVENTS_PER_POLL_ITERATION} events.
 *
 * @param fixedEvents events of an execution that checks pods once
 */
public record HistoryBudget(int fixedEvents) {

    /** The most events a Standard execution's history can hold. */
    public static final int MAX_EVENTS = 25_000;
    /** Wait (entered, exited) + Lambda task (entered, scheduled, started, succeeded, exited) + Choice (entered, exited). */
    public static final int EVENTS_PER_POLL_ITERATION = 9;

    public HistoryBudget {
        if (fixedEvents < 1) {
            throw new IllegalArgumentException("fixedEvents must be positive, was " + fixedEvents);
        }
    }

    /** Events of the longest execution these settings allow: waiting the full {@code maxWaitSeconds}. */
    public long worstCaseEvents(Settings settings) {
        return fixedEvents + (long) (PollSchedule.maxChecks(settings) - 1) * EVENTS_PER_POLL_ITERATION;
    }

    /** Why these settings do not fit in one execution's history, if they do not. */
    public Optional<SettingsViolation> violation(Settings settings) {
        long events = worstCaseEvents(settings);
        if (events <= MAX_EVENTS) {
            return Optional.empty();
        }
        return Optional.of(new SettingsViolation(SettingKey.MAX_POLL_INTERVAL_SECONDS.key(),
                ("History budget exceeded: waiting maxWaitSeconds=%d with pollIntervalSeconds=%d and "
                        + "maxPollIntervalSeconds=%d takes up to %d pod checks, %d history events, above the %d a "
                        + "Standard execution holds. Raise maxPollIntervalSeconds (the interval grows to it after 10 x "
                        + "pollIntervalSeconds of waiting), raise pollIntervalSeconds, or lower maxWaitSeconds.")
                        .formatted(settings.maxWaitSeconds(), settings.pollIntervalSeconds(),
                                settings.maxPollIntervalSeconds(), PollSchedule.maxChecks(settings), events, MAX_EVENTS)));
    }
}
