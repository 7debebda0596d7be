package dev.gracefulworker.functions.pods;

import dev.gracefulworker.contract.DrainStatus;
import dev.gracefulworker.functions.loadbalancing.TargetGroupHold;
import java.util.List;

/**
 * Progress of the wait ({@code $.poll}): written by "Start the clock" (status NOT_STARTED, counters 0, both times
 * the execution's start) and by every "Check pods". Times are ISO-8601 strings as the context object gives them.
 *
 * @param evictionsThrottled  evictions the API server turned away this poll (429 without a PodDisruptionBudget)
 * @param stuckTerminating    Terminating pods past their grace period plus terminationSkewSeconds: they no longer block
 * @param waitingForVolumes   VolumeAttachments still naming the node once no pod blocks
 * @param volumeWaitStartedAt when the wait for the volumes began (carried from poll to poll), or null
 * @param holdingTargetGroups the target groups that still hold the instance once no pod blocks, each with its state
 *                            and why it was looked at (carried from poll to poll: later polls read only their health);
 *                            empty when none
 * @param loadBalancerWaitStartedAt when the wait for the load balancers began (carried from poll to poll), or null
 * @param warnings            pods and volumes that no longer block, or were evicted with a loss, each with why
 */
public record DrainProgress(
        DrainStatus status,
        int polls,
        int waitingFor,
        int evicting,
        int ignored,
        int evictedThisPoll,
        int evictionsBlocked,
        List<String> blockingPods,
        int waitedFor,
        int nextWaitSeconds,
        String waitStartedAt,
        long elapsedSeconds,
        int heartbeats,
        String lastHeartbeatAt,
        HeartbeatStatus heartbeat,
        PollOutage outage,
        int evictionsThrottled,
        int stuckTerminating,
        int waitingForVolumes,
        String volumeWaitStartedAt,
        List<String> warnings,
        List<TargetGroupHold> holdingTargetGroups,
        String loadBalancerWaitStartedAt) {

    /** The console shows at most this many blocking pods. */
    public static final int MAX_BLOCKING_PODS = 20;

    public DrainProgress {
        blockingPods = blockingPods == null ? List.of() : List.copyOf(blockingPods);
        outage = outage == null ? PollOutage.NONE : outage;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        holdingTargetGroups = holdingTargetGroups == null ? List.of() : List.copyOf(holdingTargetGroups);
    }
}
