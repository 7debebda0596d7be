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
}
