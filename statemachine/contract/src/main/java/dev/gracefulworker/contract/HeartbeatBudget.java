package dev.gracefulworker.contract;

import java.util.Optional;

/**
 * The longest time that can pass between two heartbeats of the lifecycle action, from the definition's worst-case
 * task timings (every attempt running into its task timeout, every retry waiting its longest backoff), against the
 * hook's heartbeat timeout. Counted from the definition at synth and rendered into it, like {@link HistoryBudget}.
 *
 * <p>Heartbeats are recorded by "Keep the hook alive" before the node is cordoned, by "Check pods" first thing when
 * {@link HeartbeatSchedule} says one is due, and by "Keep the hook alive after a failed check" (or "... cordon")
 * whenever a check (or the cordon) fails. So the gaps are: from the start to the first heartbeat; from it to the first
 * check; after a failed cordon, the wait ({@code pollIntervalSeconds}) and again the way to the first check; and round
 * the loop, where a check that found no heartbeat due leaves at most half the timeout, then the rest of that check,
 * the wait (at most half the timeout), and the next check or its failure's heartbeat.
 *
 * @param untilFirstHeartbeatSeconds from the execution's start until "Keep the hook alive" has recorded
 * @param untilFirstCheckSeconds     from then until the first check (or its failure's heartbeat) has recorded
 * @param checkSeconds               one "Check pods", all attempts
 * @param heartbeatCallSeconds       one heartbeat state, all attempts
 */
public record HeartbeatBudget(int untilFirstHeartbeatSeconds, int untilFirstCheckSeconds, int checkSeconds,
                              int heartbeatCallSeconds) {

    /**
     * What the hook's timer may have run before the execution started (the lifecycle notification's delivery through
     * SNS and the starter), plus clock skew.
     */
    public static final int MARGIN_SECONDS = 30;

    public HeartbeatBudget {
        if (untilFirstHeartbeatSeconds < 1 || untilFirstCheckSeconds < 1 || checkSeconds < 1 || heartbeatCallSeconds < 1) {
            throw new IllegalArgumentException("every duration of a HeartbeatBudget must be positive: " + this);
        }
    }

    /** The longest gap between two heartbeats with these settings, in seconds. */
    public long longestGapSeconds(Settings settings) {
        return Math.max(Math.max(roundTheLoopSeconds(settings), afterAFailedCordonSeconds(settings)),
                Math.max(untilFirstHeartbeatSeconds, untilFirstCheckSeconds));
    }

    /** Round the poll loop: half the timeout left by a check, the rest of it, the wait, the next check's heartbeat. */
    private long roundTheLoopSeconds(Settings settings) {
        return settings.heartbeatTimeoutSeconds() / 2 + 2L * checkSeconds + heartbeatCallSeconds;
    }

    /** From the heartbeat after a failed cordon: the wait, then the cordon tried again and the first check. */
    public long afterAFailedCordonSeconds(Settings settings) {
        return (long) settings.pollIntervalSeconds() + untilFirstCheckSeconds;
    }

    /** The shortest heartbeat timeout these timings can keep alive, at the shortest poll interval. */
    public int minimumHeartbeatTimeoutSeconds() {
        // the smallest timeout whose larger half (what the schedule leaves) holds the rest of the loop and the margin
        long loop = 2L * (2L * checkSeconds + heartbeatCallSeconds + MARGIN_SECONDS) - 1;
        long intake = Math.max(untilFirstHeartbeatSeconds, untilFirstCheckSeconds) + MARGIN_SECONDS;
        return (int) Math.max(loop, intake);
    }

    /** Why the hook could time out between two heartbeats with these settings, if it could. */
    public Optional<SettingsViolation> violation(Settings settings) {
        long gap = longestGapSeconds(settings);
        if (gap + MARGIN_SECONDS <= settings.heartbeatTimeoutSeconds()) {
            return Optional.empty();
        }
        return Optional.of(new SettingsViolation(SettingKey.HEARTBEAT_TIMEOUT_SECONDS.key(),
                ("heartbeatTimeoutSeconds (%d) is too short for the workflow's worst case: up to %d s can pass between "
                        + "two heartbeats when every task attempt runs into its timeout (start to first heartbeat %d s, "
                        + "to the first check %d s, after a failed cordon %d s, round the poll loop %d s), plus %d s for "
                        + "the notification's delivery: raise heartbeatTimeoutSeconds to at least %d, or lower "
                        + "pollIntervalSeconds.")
                        .formatted(settings.heartbeatTimeoutSeconds(), gap, untilFirstHeartbeatSeconds,
                                untilFirstCheckSeconds, afterAFailedCordonSeconds(settings), roundTheLoopSeconds(settings),
                                MARGIN_SECONDS, Math.max(minimumHeartbeatTimeoutSeconds(),
                                        afterAFailedCordonSeconds(settings) + MARGIN_SECONDS))));
    }
}
