package dev.gracefulworker.functions.liveness;

import java.util.Optional;

/** Looks up EC2 instances. */
public interface InstanceDirectory {

    /** The instance, or empty when EC2 does not know it (any more). */
    Optional<InstanceInfo> find(String instanceId);
}
