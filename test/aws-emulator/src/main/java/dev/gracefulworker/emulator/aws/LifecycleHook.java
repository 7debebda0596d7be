package dev.gracefulworker.emulator.aws;

import java.util.Objects;

/**
 * A lifecycle hook as DescribeLifecycleHooks reports it.
 *
 * @param autoScalingGroupName the group
 * @param lifecycleHookName the hook's name
 * @param lifecycleTransition {@code autoscaling:EC2_INSTANCE_TERMINATING} or {@code …_LAUNCHING}
 * @param notificationTargetArn the SNS topic or SQS queue it notifies, or null (EventBridge only)
 * @param roleArn the role Auto Scaling assumes to notify, or null
 * @param heartbeatTimeoutSeconds 30 to 7200
 * @param defaultResult CONTINUE or ABANDON
 */
public record LifecycleHook(String autoScalingGroupName, String lifecycleHookName, String lifecycleTransition,
    String notificationTargetArn, String roleArn, int heartbeatTimeoutSeconds, String defaultResult) {

  /** A lifecycle action ends after min(100 × heartbeat timeout, 48 h), whatever the heartbeats. */
  static final int MAX_GLOBAL_TIMEOUT_SECONDS = 172_800;

  public LifecycleHook {
    Objects.requireNonNull(autoScalingGroupName, "autoScalingGroupName");
    Objects.requireNonNull(lifecycleHookName, "lifecycleHookName");
    Objects.requireNonNull(lifecycleTransition, "lifecycleTransition");
    Objects.requireNonNull(defaultResult, "defaultResult");
  }

  int globalTimeoutSeconds() {
    return Math.min(100 * heartbeatTimeoutSeconds, MAX_GLOBAL_TIMEOUT_SECONDS);
  }

  String toXml() {
    return Xml.element("LifecycleHookName", lifecycleHookName)
        + Xml.element("AutoScalingGroupName", autoScalingGroupName)
        + Xml.element("LifecycleTransition", lifecycleTransition)
        + (notificationTargetArn == null ? "" : Xml.element("NotificationTargetARN", notificationTargetArn))
        + (roleArn == null ? "" : Xml.element("RoleARN", roleArn))
        + Xml.element("HeartbeatTimeout", heartbeatTimeoutSeconds)
        + Xml.element("GlobalTimeout", globalTimeoutSeconds())
        + Xml.element("DefaultResult", defaultResult);
  }
}
