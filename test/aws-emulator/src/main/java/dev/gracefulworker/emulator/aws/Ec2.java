package dev.gracefulworker.emulator.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** EC2 instances that DescribeInstances reports. */
public final class Ec2 {

  private final Map<String, Ec2Instance> instances = new LinkedHashMap<>();

  Ec2() {}

  /**
   * Adds (or replaces) an instance.
   *
   * @param instanceId {@code i-} and 8 or 17 hex digits
   * @param state pending, running, shutting-down, terminated, stopping or stopped
   */
  public synchronized void addInstance(String instanceId, String state, String privateDnsName,
      String availabilityZone) {
    instances.put(instanceId,
        new Ec2Instance(instanceId, InstanceState.named(state), privateDnsName, availabilityZone));
  }

  /** Moves a known instance to another state, e.g. {@code terminated}. */
  public synchronized void setState(String instanceId, String state) {
    Ec2Instance instance = Optional.ofNullable(instances.get(instanceId))
        .orElseThrow(() -> new IllegalArgumentException("no instance " + instanceId));
    instances.put(instanceId, instance.withState(InstanceState.named(state)));
  }

  /** The instance's current state name, if it exists. */
  public synchronized Optional<String> state(String instanceId) {
    return Optional.ofNullable(instances.get(instanceId)).map(instance -> instance.state().wireName());
  }

  /**
   * The named instances (every instance when none is named). As EC2 does, one malformed id fails the call with
   * InvalidInstanceID.Malformed, and any unknown id fails it with InvalidInstanceID.NotFound.
   */
  synchronized List<Ec2Instance> describe(List<String> instanceIds) {
    if (instanceIds.isEmpty()) {
      return List.copyOf(instances.values());
    }
    instanceIds.stream()
        .filter(id -> !Ec2Instance.ID_FORMAT.matcher(id).matches())
        .findFirst()
        .ifPresent(id -> {
          throw AwsError.badRequest("InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\"").toException();
        });
    List<String> unknown = instanceIds.stream().filter(id -> !instances.containsKey(id)).distinct().toList();
    if (unknown.size() == 1) {
      throw AwsError.badRequest("InvalidInstanceID.NotFound",
          "The instance ID '" + unknown.getFirst() + "' does not exist").toException();
    }
    if (unknown.size() > 1) {
      throw AwsError.badRequest("InvalidInstanceID.NotFound",
          "The instance IDs '" + String.join(", ", unknown) + "' do not exist").toException();
    }
    var found = new ArrayList<Ec2Instance>();
    instanceIds.stream().distinct().forEach(id -> found.add(instances.get(id)));
    return found;
  }
}
