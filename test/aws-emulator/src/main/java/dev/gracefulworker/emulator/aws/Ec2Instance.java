package dev.gracefulworker.emulator.aws;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An emulated EC2 instance: the fields DescribeInstances answers with.
 *
 * @param instanceId e.g. {@code i-0a1b2c3d4e5f60718}
 * @param state its current state
 * @param privateDnsName e.g. {@code ip-10-0-1-17.eu-west-1.compute.internal}
 * @param availabilityZone e.g. {@code eu-west-1a}
 */
record Ec2Instance(String instanceId, InstanceState state, String privateDnsName, String availabilityZone) {

  /** EC2's instance id format: {@code i-} and 8 or 17 hexadecimal digits. */
  static final Pattern ID_FORMAT = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");

  Ec2Instance {
    Objects.requireNonNull(instanceId, "instanceId");
    if (!ID_FORMAT.matcher(instanceId).matches()) {
      throw new IllegalArgumentException("not an EC2 instance id (i- and 8 or 17 hex digits): " + instanceId);
    }
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(privateDnsName, "privateDnsName");
    Objects.requireNonNull(availabilityZone, "availabilityZone");
  }

  /** A terminated instance has given up its network interface: EC2 then reports an empty private DNS name. */
  String reportedPrivateDnsName() {
    return state == InstanceState.TERMINATED ? "" : privateDnsName;
  }

  Ec2Instance withState(InstanceState newState) {
    return new Ec2Instance(instanceId, newState, privateDnsName, availabilityZone);
  }
}
