package dev.gracefulworker.functions.loadbalancing;

import java.util.List;

/** Which Elastic Load Balancing target groups still hold an instance. */
public interface TargetGroups {

    /**
     * The target groups that hold {@code instanceId} in any state but gone: those attached to the Auto Scaling group,
     * those tagged for the cluster (AWS Load Balancer Controller and Service controller), and {@code explicitArns}.
     * A failure to read them is thrown, never taken for "none": an unread group could still hold the instance.
     */
    List<TargetGroupHold> holding(String instanceId, String autoScalingGroupName, List<String> explicitArns);

    /**
     * Of the groups that held {@code instanceId} at the last look, those that still do, with their state now: only
     * DescribeTargetHealth, no discovery. An instance being terminated is not registered anew, so the groups found at
     * the start of the wait are the only ones it can be in.
     */
    List<TargetGroupHold> stillHolding(String instanceId, List<TargetGroupHold> previous);
}
