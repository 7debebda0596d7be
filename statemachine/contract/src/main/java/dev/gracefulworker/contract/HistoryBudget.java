package dev.gracefulworker.contract;

import java.util.Optional;

/**
 * The worst-case number of history events of one execution, against the 25,000 a Standard execution holds. Both
 * numbers are counted from the definition at synth, every Task at its retriers' most attempts, and rendered into
 * the definition, so the run-time check of per-group overrides reads the very numbers the synth computed.
 *
 * @param fixedEvents           events of the longest path through the definition that checks pods once
 * @param eventsPerPollIteration events of the costliest way round the poll loop (a failed check included)
 */
public record HistoryBudget(int fixedEvents, int eventsPerPollIteration) {

    /** The most events a Standard execution's history can hold. */
    public static final int MAX_EVENTS = 25_000;

    public HistoryBudget {
        if (fixedEvents < 1 || eventsPerPollIteration < 1) {
            throw new IllegalArgumentException("fixedEvents and eventsPerPollIteration must be positive, were "
                    + fixedEvents + " and " + eventsPerPollIteration);
        }
    }

    /**
     * The most times the poll loop can go round: the checks of a full {@code maxWaitSeconds} by the poll schedule,
     * plus the checks an outage of {@code maxOutageSeconds} can fail, one per {@code pollIntervalSeconds} at most.
     */
    public static long maxIterations(Settings settings) {
        return PollSchedule.maxChecks(settings) - 1L
                + Math.ceilDiv(settings.maxOutageSeconds(), settings.pollIntervalSeconds());
    }

    /** Events of the longest execution these settings allow. */
    public long worstCaseEvents(Settings settings) {
        return fixedEvents + maxIterations(settings) * eventsPerPollIteration;
    }

    /** Why these settings do not fit in one execution's history, if they do not. */
    public Optional<SettingsViolation> violation(Settings settings) {
        long events = worstCaseEvents(settings);
        if (events <= MAX_EVENTS) {
            return Optional.empty();
        }
        return Optional.of(new SettingsViolation(SettingKey.MAX_POLL_INTERVAL_SECONDS.key(),
                ("History budget exceeded: waiting maxWaitSeconds=%d with pollIntervalSeconds=%d and "
                        + "maxPollIntervalSeconds=%d (and maxOutageSeconds=%d of failing checks) takes up to %d pod "
                        + "checks of up to %d events each, %d history events, above the %d a Standard execution holds. "
                        + "Raise maxPollIntervalSeconds (the interval grows to it after 10 x pollIntervalSeconds of "
                        + "waiting), raise pollIntervalSeconds, or lower maxWaitSeconds or maxOutageSeconds.")
                        .formatted(settings.maxWaitSeconds(), settings.pollIntervalSeconds(),
                                settings.maxPollIntervalSeconds(), settings.maxOutageSeconds(),
                                maxIterations(settings) + 1, eventsPerPollIteration, events, MAX_EVENTS)));
    }
}
