package dev.gracefulworker.functions.pods;

/**
 * Whether to record a heartbeat now: when the next check would come later than half the heartbeat timeout after
 * the last heartbeat. Half leaves room for a retried or slow check before the hook would time out.
 */
public final class HeartbeatSchedule {

    private HeartbeatSchedule() {}

    public static boolean isDue(long secondsSinceLastHeartbeat, int nextWaitSeconds, int heartbeatTimeoutSeconds) {
        return 2 * (secondsSinceLastHeartbeat + nextWaitSeconds) >= heartbeatTimeoutSeconds;
    }
}
