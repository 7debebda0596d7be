package dev.gracefulworker.e2e.scenario;

import java.util.Objects;

/** An EC2 instance as DescribeInstances reports it; {@code state} defaults to running. */
public record InstanceSpec(String id, String state, String privateDnsName, String availabilityZone) {

    public InstanceSpec {
        Objects.requireNonNull(id, "an instance needs an id");
        state = Objects.requireNonNullElse(state, "running");
        availabilityZone = Objects.requireNonNullElse(availabilityZone, "eu-west-1a");
    }
}
