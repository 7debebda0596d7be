package dev.gracefulworker.bench.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.contract.Settings;
import java.time.Duration;
import java.time.Instant;

/**
 * The input each task gets from the state machine for a target (the shapes of statemachine/WORKFLOW.md), with the
 * deployed default settings waiting for the targets' Job pods.
 */
public final class HandlerInputs {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EXECUTION_NAME_PREFIX = "bench-";

    private HandlerInputs() {}

    /** The deployed settings: the functions' defaults, waiting for the Job pods of the targets. */
    public static ObjectNode settings() {
        ObjectNode settings = MAPPER.valueToTree(Settings.defaults());
        settings.putArray("waitForPods").addObject()
                .put("namespace", ClusterScenario.WAITED_NAMESPACE)
                .put("labelSelector", ClusterScenario.WAITED_SELECTOR);
        return settings;
    }

    /** The lifecycle message Auto Scaling sends for the target (the execution's input). */
    public static ObjectNode lifecycleMessage(Target target) {
        return MAPPER.createObjectNode()
                .put("Origin", "AutoScalingGroup")
                .put("Destination", "EC2")
                .put("Service", "AWS Auto Scaling")
                .put("Time", Instant.now().toString())
                .put("AccountId", "111122223333")
                .put("RequestId", "8d0c7f3e-2b8a-4a61-9f0e-5f1e2c9a7b10")
                .put("LifecycleActionToken", target.lifecycleActionToken())
                .put("AutoScalingGroupName", Target.GROUP)
                .put("LifecycleHookName", Target.HOOK)
                .put("EC2InstanceId", target.instanceId())
                .put("LifecycleTransition", "autoscaling:EC2_INSTANCE_TERMINATING");
    }

    /** The SNS event that delivers the lifecycle message to the starter. */
    public static ObjectNode snsEvent(Target target) {
        ObjectNode event = MAPPER.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject().put("EventSource", "aws:sns").put("EventVersion", "1.0");
        record.putObject("Sns")
                .put("Type", "Notification")
                .put("MessageId", "c1a7e9d2-6b3f-4e80-a5d1-9f2c0b7e4a63")
                .put("TopicArn", "arn:aws:sns:eu-west-1:111122223333:worker-lifecycle")
                .put("Message", lifecycleMessage(target).toString())
                .put("Timestamp", Instant.now().toString());
        return event;
    }

    public static ObjectNode applyOverrides() {
        ObjectNode input = MAPPER.createObjectNode();
        input.set("deployed", settings());
        input.put("notificationMetadata", "{\"maxWaitSeconds\":7200,\"drainMode\":\"WAIT\"}");
        return input;
    }

    public static ObjectNode checkLiveness(Target target) {
        return MAPPER.createObjectNode().put("instanceId", target.instanceId());
    }

    public static ObjectNode cordon(Target target) {
        return MAPPER.createObjectNode()
                .put("nodeName", target.nodeName())
                .put("instanceId", target.instanceId())
                .put("autoScalingGroupName", Target.GROUP)
                .put("lifecycleHookName", Target.HOOK)
                .put("executionName", EXECUTION_NAME_PREFIX + target.instanceId())
                .put("taintNode", true)
                .put("dryRun", false);
    }

    /**
     * A poll some minutes into the wait ({@code previous} as the last "Check pods" wrote it); the probe sets
     * {@code previous.lastHeartbeatAt} per call to make the heartbeat due or not.
     */
    public static ObjectNode checkPods(Target target, Duration waitingSince) {
        Instant started = Instant.now().minus(waitingSince);
        ObjectNode input = MAPPER.createObjectNode()
                .put("nodeName", target.nodeName())
                .put("instanceId", target.instanceId())
                .put("autoScalingGroupName", Target.GROUP)
                .put("lifecycleHookName", Target.HOOK)
                .put("lifecycleActionToken", target.lifecycleActionToken());
        input.set("settings", settings());
        ObjectNode previous = input.putObject("previous")
                .put("status", "WAITING")
                .put("polls", 5)
                .put("waitingFor", target.pods() - Target.DAEMONSET_PODS)
                .put("evicting", 0)
                .put("ignored", Target.DAEMONSET_PODS)
                .put("evictedThisPoll", 0)
                .put("evictionsBlocked", 0)
                .put("waitedFor", target.pods() - Target.DAEMONSET_PODS)
                .put("nextWaitSeconds", 15)
                .put("waitStartedAt", started.toString())
                .put("elapsedSeconds", waitingSince.toSeconds())
                .put("heartbeats", 1)
                .put("lastHeartbeatAt", started.toString())
                .put("heartbeat", "NOT_DUE");
        previous.putArray("blockingPods");
        return input;
    }

    public static ObjectNode complete(Target target) {
        return MAPPER.createObjectNode()
                .put("instanceId", target.instanceId())
                .put("autoScalingGroupName", Target.GROUP)
                .put("lifecycleHookName", Target.HOOK)
                .put("lifecycleActionToken", target.lifecycleActionToken())
                .put("result", "CONTINUE")
                .put("reason", "drained")
                .put("dryRun", false)
                .put("startedAt", Instant.now().minusSeconds(300).toString());
    }
}
