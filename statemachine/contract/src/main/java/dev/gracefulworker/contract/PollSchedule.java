package dev.gracefulworker.contract;

/**
 * How long "Wait before next check" waits: a tenth of the time waited so far, kept between
 * {@code pollIntervalSeconds} and {@code maxPollIntervalSeconds}, and never past the deadline. Short intervals while
 * pods are likely to finish soon, then intervals that grow, so a 48 h wait stays far below 25,000 history events.
 * "Check pods" waits by it and the synth-time {@link HistoryBudget} counts by it.
 */
public final class PollSchedule {

    private PollSchedule() {
    }

    /** Seconds to wait before the next pod check, {@code elapsedSeconds} after the wait started; at least 1. */
    public static int nextWaitSeconds(long elapsedSeconds, Settings settings) {
        long grown = Math.clamp(elapsedSeconds / 10, settings.pollIntervalSeconds(), settings.maxPollIntervalSeconds());
        long untilDeadline = settings.maxWaitSeconds() - elapsedSeconds;
        return (int) Math.max(1, Math.min(grown, untilDeadline));
    }

    /**
     * The most pod checks a wait of {@code maxWaitSeconds} can take: one at the start and one after every wait, until
     * the deadline. Assumes the checks themselves take no time, which is the worst case.
     */
    public static int maxChecks(Settings settings) {
        int checks = 1;
        long elapsed = 0;
        while (elapsed < settings.maxWaitSeconds()) {
            elapsed += nextWaitSeconds(elapsed, settings);
            checks++;
        }
        return checks;
    }
}
