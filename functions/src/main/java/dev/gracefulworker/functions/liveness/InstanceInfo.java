package dev.gracefulworker.functions.liveness;

/** An EC2 instance as DescribeInstances reports it. */
public record InstanceInfo(String instanceId, String state, String availabilityZone, String privateDnsName) {

    public boolean running() {
        return "running".equals(state);
    }
}
