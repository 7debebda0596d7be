package dev.gracefulworker.functions.pods;

import dev.gracefulworker.functions.settings.Settings;

/**
 * How long to wait before the next check: a tenth of the time waited so far, kept between the poll interval and
 * the maximum poll interval, and never past the deadline. The state machine's history budget (computed at synth)
 * uses the same formula, so a 48 h wait stays far below 25,000 history events.
 */
public final class PollSchedule {

    private PollSchedule() {}

    public static int nextWaitSeconds(long elapsedSeconds, Settings settings) {
        long adaptive = Math.clamp(elapsedSeconds / 10, settings.pollIntervalSeconds(), settings.maxPollIntervalSeconds());
        long untilDeadline = settings.maxWaitSeconds() - elapsedSeconds;
        return (int) Math.max(1, Math.min(adaptive, untilDeadline));
    }

    /** How many pod checks a wait of the full {@code maxWaitSeconds} takes: the first, then one after every wait. */
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
