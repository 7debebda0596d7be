package dev.gracefulworker.emulator.aws;

import java.util.Map;

/** How a CompleteLifecycleAction or RecordLifecycleActionHeartbeat call names its action. */
sealed interface LifecycleActionTarget {

  /** Named by the lifecycle action token (which takes precedence when both are sent). */
  record ByToken(String autoScalingGroupName, String lifecycleHookName, String token)
      implements LifecycleActionTarget {}

  /** Named by the instance id alone. */
  record ByInstanceId(String autoScalingGroupName, String lifecycleHookName, String instanceId)
      implements LifecycleActionTarget {}

  /** Reads the target from a call's parameters; group and hook are required, and a token or an instance id. */
  static LifecycleActionTarget from(Map<String, String> params, WireProtocol protocol) {
    String group = protocol.required(params, "AutoScalingGroupName");
    String hook = protocol.required(params, "LifecycleHookName");
    String token = params.get("LifecycleActionToken");
    if (token != null && !token.isEmpty()) {
      return new ByToken(group, hook, token);
    }
    String instanceId = params.get("InstanceId");
    if (instanceId != null && !instanceId.isEmpty()) {
      return new ByInstanceId(group, hook, instanceId);
    }
    throw AwsError.badRequest("ValidationError", "Either an instance ID or a lifecycle action token must be "
        + "specified").toException();
  }
}
