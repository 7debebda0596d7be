package dev.gracefulworker.emulator.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Elastic Load Balancing v2 target groups, as far as a drain reads them: their tags, and where each registered instance
 * stands. A minimal controller of its own: {@link #deregister} puts a target into {@code draining} for the group's
 * deregistration delay (300 s by default, as AWS), after which it is gone from the group. Times come from the clock.
 */
public final class LoadBalancing {

  /** ELB's default deregistration delay ({@code deregistration_delay.timeout_seconds}). */
  public static final int DEFAULT_DEREGISTRATION_DELAY_SECONDS = 300;

  /** One target group. */
  public record TargetGroup(String arn, String name, int port, String targetType, int deregistrationDelaySeconds,
                            Map<String, String> tags) {

    public TargetGroup {
      tags = Map.copyOf(tags);
    }
  }

  /** One registered instance; {@code drainingSince} is set once it is being deregistered. */
  private record Target(String instanceId, int port, Instant drainingSince) {
  }

  private final Clock clock;
  private final Map<String, TargetGroup> groups = new LinkedHashMap<>();
  private final Map<String, List<Target>> targets = new LinkedHashMap<>();

  LoadBalancing(Clock clock) {
    this.clock = clock;
  }

  /** Creates a target group (instance targets) named {@code name}, with its deregistration delay and tags. */
  public synchronized TargetGroup addTargetGroup(String name, int deregistrationDelaySeconds, Map<String, String> tags) {
    String arn = "arn:aws:elasticloadbalancing:" + AwsService.REGION + ":" + AwsService.ACCOUNT + ":targetgroup/"
        + name + "/" + Integer.toHexString(name.hashCode() & 0x7fffffff);
    var group = new TargetGroup(arn, name, 30_080, "instance", deregistrationDelaySeconds, tags);
    groups.put(arn, group);
    targets.put(arn, new ArrayList<>());
    return group;
  }

  /** Registers {@code instanceId} in the group: healthy from now on. */
  public synchronized void register(String targetGroupArn, String instanceId) {
    targetsOf(targetGroupArn).add(new Target(instanceId, groups.get(targetGroupArn).port(), null));
  }

  /**
   * Starts deregistering {@code instanceId} from every group that holds it (what a controller does when the node is
   * excluded from load balancers); a target already draining keeps its start.
   */
  public synchronized void deregister(String instanceId) {
    targets.keySet().forEach(arn -> deregister(arn, instanceId));
  }

  /**
   * Starts deregistering {@code instanceId} from one group (what Auto Scaling does with the groups attached to it when
   * an instance starts terminating); nothing when the group does not hold it or it is draining already.
   */
  public synchronized void deregister(String targetGroupArn, String instanceId) {
    Instant now = clock.instant();
    targetsOf(targetGroupArn).replaceAll(target -> target.instanceId().equals(instanceId)
        && target.drainingSince() == null ? new Target(instanceId, target.port(), now) : target);
  }

  /** Every target group, in the order added. */
  public synchronized List<TargetGroup> targetGroups() {
    return List.copyOf(groups.values());
  }

  /** The groups, or those named by {@code arns} (every one must exist). */
  synchronized List<TargetGroup> targetGroups(List<String> arns) {
    if (arns.isEmpty()) {
      return List.copyOf(groups.values());
    }
    var found = new ArrayList<TargetGroup>();
    for (String arn : arns) {
      found.add(Optional.ofNullable(groups.get(arn)).orElseThrow(() -> notFound(arn)));
    }
    return found;
  }

  /** The state of each target still in the group: {@code healthy}, or {@code draining} until the delay is over. */
  public synchronized Map<String, String> targetHealth(String targetGroupArn) {
    targetsOf(targetGroupArn);
    expireDrainedTargets(targetGroupArn);
    var health = new LinkedHashMap<String, String>();
    targetsOf(targetGroupArn).forEach(t -> health.put(t.instanceId(), t.drainingSince() == null ? "healthy" : "draining"));
    return health;
  }

  int portOf(String targetGroupArn) {
    return groups.get(targetGroupArn).port();
  }

  private void expireDrainedTargets(String targetGroupArn) {
    Duration delay = Duration.ofSeconds(groups.get(targetGroupArn).deregistrationDelaySeconds());
    Instant now = clock.instant();
    targetsOf(targetGroupArn).removeIf(t -> t.drainingSince() != null && !now.isBefore(t.drainingSince().plus(delay)));
  }

  private List<Target> targetsOf(String targetGroupArn) {
    List<Target> list = targets.get(targetGroupArn);
    if (list == null) {
      throw notFound(targetGroupArn);
    }
    return list;
  }

  private static AwsException notFound(String arn) {
    return new AwsError("TargetGroupNotFound", "One or more target groups not found", 400).toException();
  }
}
