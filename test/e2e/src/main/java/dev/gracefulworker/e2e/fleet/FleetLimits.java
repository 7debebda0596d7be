package dev.gracefulworker.e2e.fleet;

import dev.gracefulworker.e2e.LocalEnvironment;

import java.time.Duration;
import java.util.List;

/** The account's and the cluster's limits a fleet runs into, set on the emulators as the fleet file names them. */
final class FleetLimits {

    /** Auto Scaling's calls of a drain, metered together: Auto Scaling has one request bucket per account and Region. */
    static final List<String> AUTO_SCALING_ACTIONS = List.of("RecordLifecycleActionHeartbeat", "CompleteLifecycleAction");

    private FleetLimits() {
    }

    static void apply(FleetSpec spec, LocalEnvironment environment) {
        if (spec.maxRequestsInFlight() > 0) {
            environment.kube().orElseThrow().limitConcurrency(spec.maxRequestsInFlight(), spec.queueLengthLimit(),
                    Duration.ofSeconds(spec.queueWaitSeconds()));
        }
        if (spec.autoScalingRequestsPerSecond() > 0) {
            environment.aws().limitRate(AUTO_SCALING_ACTIONS, spec.autoScalingRequestsPerSecond(), spec.autoScalingBurst());
        }
    }
}
