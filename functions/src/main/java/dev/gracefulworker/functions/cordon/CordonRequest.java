package dev.gracefulworker.functions.cordon;

/** Input of "Cordon node". */
public record CordonRequest(
        String nodeName,
        String instanceId,
        String autoScalingGroupName,
        String lifecycleHookName,
        String executionName,
        boolean taintNode,
        boolean excludeFromLoadBalancers,
        boolean dryRun) {}
