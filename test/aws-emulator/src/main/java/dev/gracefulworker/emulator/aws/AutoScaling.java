package dev.gracefulworker.emulator.aws;

import java.time.Clock;
import java.util.ArrayList;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Auto Scaling's lifecycle actions: a test starts one (as a termination would), the product heartbeats and
 * completes it through the wire API, the test reads what happened.
 */
public final class AutoScaling {

  private static final int MIN_HEARTBEAT_TIMEOUT_SECONDS = 30;
  private static final int MAX_HEARTBEAT_TIMEOUT_SECONDS = 7200;

  private final Clock clock;
  private final List<LifecycleAction> actions = new ArrayList<>();
  private final Map<String, Instant> groups = new LinkedHashMap<>();
  private final List<LifecycleHook> hooks = new ArrayList<>();
  private final Map<String, List<String>> targetGroupArns = new LinkedHashMap<>();

  AutoScaling(Clock clock) {
    this.clock = clock;
  }

  /**
   * Puts an instance into the hook's wait state, now (by the emulator's clock).
   *
   * @param heartbeatTimeoutSeconds the hook's heartbeat timeout, 30 to 7200 as AWS allows
   * @param defaultResult CONTINUE or ABANDON: what the action ends with when it times out
   */
  public synchronized LifecycleAction startLifecycleAction(String autoScalingGroupName, String lifecycleHookName,
      String instanceId, String token, int heartbeatTimeoutSeconds, String defaultResult) {
    if (heartbeatTimeoutSeconds < MIN_HEARTBEAT_TIMEOUT_SECONDS
        || heartbeatTimeoutSeconds > MAX_HEARTBEAT_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException("a hook's heartbeat timeout is 30 to 7200 seconds, not "
          + heartbeatTimeoutSeconds);
    }
    if (actions.stream().anyMatch(action -> action.token().equals(token))) {
      throw new IllegalArgumentException("a lifecycle action with token " + token + " was already started");
    }
    var action = new LifecycleAction(autoScalingGroupName, lifecycleHookName, instanceId, token,
        heartbeatTimeoutSeconds, defaultResult, clock);
    actions.add(action);
    return action;
  }

  /** The instance's most recently started lifecycle action, whatever its state. */
  public synchronized Optional<LifecycleAction> action(String instanceId) {
    return actions.reversed().stream().filter(action -> action.instanceId().equals(instanceId)).findFirst();
  }

  /** Adds an Auto Scaling group (DescribeAutoScalingGroups reports it; hooks may be put on it). */
  public synchronized void addGroup(String autoScalingGroupName) {
    groups.putIfAbsent(autoScalingGroupName, clock.instant());
  }

  /** Attaches a target group to the group, as AttachLoadBalancerTargetGroups does; the group must exist. */
  public synchronized void attachTargetGroup(String autoScalingGroupName, String targetGroupArn) {
    if (!groups.containsKey(autoScalingGroupName)) {
      throw new IllegalArgumentException("no Auto Scaling group " + autoScalingGroupName + ": addGroup first");
    }
    targetGroupArns.computeIfAbsent(autoScalingGroupName, g -> new ArrayList<>()).add(targetGroupArn);
  }

  /** The target groups attached to the group (DescribeAutoScalingGroups' TargetGroupARNs), in the order attached. */
  public synchronized List<String> targetGroupArns(String autoScalingGroupName) {
    return List.copyOf(targetGroupArns.getOrDefault(autoScalingGroupName, List.of()));
  }

  /** Adds or replaces (same group and name) a hook, as PutLifecycleHook does; the group must exist. */
  public synchronized void putLifecycleHook(LifecycleHook hook) {
    if (!groups.containsKey(hook.autoScalingGroupName())) {
      throw new IllegalArgumentException("no Auto Scaling group " + hook.autoScalingGroupName() + ": addGroup first");
    }
    hooks.removeIf(h -> h.autoScalingGroupName().equals(hook.autoScalingGroupName())
        && h.lifecycleHookName().equals(hook.lifecycleHookName()));
    hooks.add(hook);
  }

  /** The named groups that exist, in the order asked (all groups when none are named), with when each was made. */
  synchronized Map<String, Instant> groups(List<String> names) {
    var found = new LinkedHashMap<String, Instant>();
    (names.isEmpty() ? List.copyOf(groups.keySet()) : names).forEach(name -> {
      if (groups.containsKey(name)) {
        found.put(name, groups.get(name));
      }
    });
    return found;
  }

  /** The group's hooks with the given names (all when none are named); an unknown group is a ValidationError. */
  synchronized List<LifecycleHook> hooks(String autoScalingGroupName, List<String> names) {
    if (!groups.containsKey(autoScalingGroupName)) {
      throw AwsError.badRequest("ValidationError", "Group " + autoScalingGroupName + " not found").toException();
    }
    return hooks.stream()
        .filter(hook -> hook.autoScalingGroupName().equals(autoScalingGroupName))
        .filter(hook -> names.isEmpty() || names.contains(hook.lifecycleHookName()))
        .toList();
  }

  /** Every lifecycle action started, in start order. */
  public synchronized List<LifecycleAction> actions() {
    return List.copyOf(actions);
  }

  synchronized void complete(LifecycleActionTarget target, String result) {
    activeAction(target).complete(result);
  }

  synchronized void recordHeartbeat(LifecycleActionTarget target) {
    activeAction(target).recordHeartbeat();
  }

  /**
   * The active action the call names. As in AWS, a token is looked up first and decides on its own (an instance
   * id beside a wrong token does not help); without a token the instance id decides.
   */
  private LifecycleAction activeAction(LifecycleActionTarget target) {
    return switch (target) {
      case LifecycleActionTarget.ByToken(String group, String hook, String token) -> actions.stream()
          .filter(action -> action.token().equals(token) && action.belongsTo(group, hook) && action.active())
          .findFirst()
          .orElseThrow(() -> noActiveAction("token " + token));
      case LifecycleActionTarget.ByInstanceId(String group, String hook, String instanceId) -> actions.stream()
          .filter(action -> action.instanceId().equals(instanceId) && action.belongsTo(group, hook)
              && action.active())
          .findFirst()
          .orElseThrow(() -> noActiveAction("instance ID " + instanceId));
    };
  }

  private static AwsException noActiveAction(String lookedUpBy) {
    return AwsError.badRequest("ValidationError", "No active Lifecycle Action found with " + lookedUpBy)
        .toException();
  }
}
