package dev.gracefulworker.contract;

/**
 * Whether "Check pods" records a heartbeat now: when the next check would start later than half the heartbeat
 * timeout after the last heartbeat. The other half is the room {@link HeartbeatBudget} gives the rest of this
 * check, the next one and a failed one's heartbeat; the synth proves it is enough.
 */
public final class HeartbeatSchedule {

    private HeartbeatSchedule() {
    }

    /** Whether a heartbeat is due, {@code secondsSinceLastHeartbeat} after the last one, before a wait of {@code nextWaitSeconds}. */
    public static boolean isDue(long secondsSinceLastHeartbeat, int nextWaitSeconds, int heartbeatTimeoutSeconds) {
        return 2 * (secondsSinceLastHeartbeat + nextWaitSeconds) >= heartbeatTimeoutSeconds;
    }
}
