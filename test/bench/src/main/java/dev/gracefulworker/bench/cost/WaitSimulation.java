package dev.gracefulworker.bench.cost;

import dev.gracefulworker.contract.PollSchedule;
import dev.gracefulworker.contract.Settings;

/**
 * Replays the poll schedule the handler uses ({@link PollSchedule}) for a node whose pods are gone after a given
 * time. Time is counted from the first check; the states before it take no time in this model.
 */
public final class WaitSimulation {

    private WaitSimulation() {}

    /**
     * How a wait unfolds.
     *
     * @param podsGoneAfterSeconds when the last pod finishes
     * @param iterations           poll iterations (Wait + Check pods + Done waiting?) until the check that ends the wait
     * @param endedAtSeconds       when that check runs
     * @param deadlinePassed       it ended because maxWaitSeconds was reached, not because the pods were gone
     */
    public record Outcome(long podsGoneAfterSeconds, long iterations, long endedAtSeconds, boolean deadlinePassed) {

        /** How long the node stayed after its pods were gone: the delay polling adds to the scale-in. */
        public long detectionDelaySeconds() {
            return deadlinePassed ? 0 : endedAtSeconds - podsGoneAfterSeconds;
        }
    }

    /** The checks of a wait for pods that are gone after {@code podsGoneAfterSeconds}. */
    public static Outcome waitFor(long podsGoneAfterSeconds, Settings settings) {
        long elapsed = 0;
        long iterations = 0;
        while (elapsed < podsGoneAfterSeconds && elapsed < settings.maxWaitSeconds()) {
            elapsed += PollSchedule.nextWaitSeconds(elapsed, settings);
            iterations++;
        }
        boolean deadline = elapsed < podsGoneAfterSeconds;
        return new Outcome(podsGoneAfterSeconds, iterations, elapsed, deadline);
    }

    /**
     * The longest wait whose history stays within {@code maxEvents}: the time of the last check that still fits,
     * with the poll intervals of {@code settings} and no deadline.
     */
    public static Outcome longestWaitWithin(int maxEvents, TerminationPath path, Settings settings) {
        Settings noDeadline = withMaxWait(settings, Integer.MAX_VALUE);
        if (path.historyEvents(0) > maxEvents) {
            throw new IllegalArgumentException("even a termination without waiting writes " + path.historyEvents(0)
                    + " events, above " + maxEvents);
        }
        long elapsed = 0;
        long iterations = 0;
        while (path.historyEvents(iterations + 1) <= maxEvents) {
            elapsed += PollSchedule.nextWaitSeconds(elapsed, noDeadline);
            iterations++;
        }
        return new Outcome(elapsed, iterations, elapsed, false);
    }

    /** {@code settings} with another maxWaitSeconds (as a deployment or a per-group override would set it). */
    public static Settings withMaxWait(Settings settings, int maxWaitSeconds) {
        return settings.toBuilder().maxWaitSeconds(maxWaitSeconds).build();
    }
}
