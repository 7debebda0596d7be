package dev.gracefulworker.functions.pods;

import dev.gracefulworker.contract.Settings;

/** Input of "Check pods": the node, the lifecycle action (for heartbeats), the settings and the previous progress. */
public record CheckPodsRequest(
        String nodeName,
        String instanceId,
        String autoScalingGroupName,
        String lifecycleHookName,
        String lifecycleActionToken,
        Settings settings,
        DrainProgress previous) {}
