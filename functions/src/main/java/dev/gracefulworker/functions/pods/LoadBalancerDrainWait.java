package dev.gracefulworker.functions.pods;

import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.loadbalancing.TargetGroupHold;
import dev.gracefulworker.functions.loadbalancing.TargetGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Once no pod blocks and the volumes are done: whether to wait for the load balancers. A target still registered (or
 * {@code draining}) in a target group may still get connections on its NodePort; terminated now, they would be cut.
 * Bounded by {@code loadBalancerDrainTimeoutSeconds}. A failure to read the groups is thrown (the poll fails and is
 * retried), never taken for "no target group", so throttling cannot end the wait early.
 */
final class LoadBalancerDrainWait {

    /** Wait: these groups still hold the instance; {@code since} is when the wait began. */
    record Waiting(List<TargetGroupHold> holding, Instant since) {

        /** What the console shows for each group: its name, the state, why it was looked at, and for how long. */
        List<String> describe(Instant now) {
            long seconds = Duration.between(since, now).toSeconds();
            return holding.stream().map(hold -> "target group %s (%s for %d s, %s)"
                    .formatted(hold.name(), hold.state(), seconds, hold.foundBy())).toList();
        }
    }

    private final TargetGroups targetGroups;

    LoadBalancerDrainWait(TargetGroups targetGroups) {
        this.targetGroups = targetGroups;
    }

    /**
     * The groups to wait for, or empty to finish now (with any reason not to wait written to the census). The first
     * look discovers the groups; while the wait lasts ({@code previous} not empty) only those are read again.
     */
    Optional<Waiting> check(String instanceId, String autoScalingGroupName, Settings settings, Instant waitingSince,
            List<TargetGroupHold> previous, Instant now, PodCensus census) {
        int timeoutSeconds = settings.loadBalancerDrainTimeoutSeconds();
        if (timeoutSeconds == 0) {
            return Optional.empty();
        }
        if (instanceId == null || instanceId.isBlank() || autoScalingGroupName == null || autoScalingGroupName.isBlank()) {
            census.warns("load balancers", "not waited for: the input names no instance or Auto Scaling group");
            return Optional.empty();
        }
        List<TargetGroupHold> holding = waitingSince != null && !previous.isEmpty()
                ? targetGroups.stillHolding(instanceId, previous)
                : targetGroups.holding(instanceId, autoScalingGroupName, settings.targetGroupArns());
        if (holding.isEmpty()) {
            return Optional.empty();
        }
        Instant since = waitingSince == null ? now : waitingSince;
        if (Duration.between(since, now).toSeconds() >= timeoutSeconds) {
            holding.forEach(hold -> census.warns("target group " + hold.name(), "still holds the instance ("
                    + hold.state() + ") after " + timeoutSeconds + " s (loadBalancerDrainTimeoutSeconds)"));
            return Optional.empty();
        }
        return Optional.of(new Waiting(holding, since));
    }
}
