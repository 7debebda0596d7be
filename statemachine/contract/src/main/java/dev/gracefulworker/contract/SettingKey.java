package dev.gracefulworker.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * The settings a deployment (CDK context) or a hook's NotificationMetadata may set, by their one name: the JSON key
 * in {@code $.settings}, the CDK context key and the NotificationMetadata key are all {@link #key()}.
 */
public enum SettingKey {
    WAIT_FOR_PODS("waitForPods"),
    DRAIN_MODE("drainMode"),
    POLL_INTERVAL_SECONDS("pollIntervalSeconds"),
    MAX_POLL_INTERVAL_SECONDS("maxPollIntervalSeconds"),
    MAX_WAIT_SECONDS("maxWaitSeconds"),
    HEARTBEAT_TIMEOUT_SECONDS("heartbeatTimeoutSeconds"),
    MAX_OUTAGE_SECONDS("maxOutageSeconds"),
    TERMINATION_SKEW_SECONDS("terminationSkewSeconds"),
    VOLUME_DETACH_TIMEOUT_SECONDS("volumeDetachTimeoutSeconds"),
    EXCLUDE_FROM_LOAD_BALANCERS("excludeFromLoadBalancers"),
    LOAD_BALANCER_DRAIN_TIMEOUT_SECONDS("loadBalancerDrainTimeoutSeconds"),
    TARGET_GROUP_ARNS("targetGroupArns"),
    WAIT_FOR_UNREPLACEABLE_PODS("waitForUnreplaceablePods"),
    FORCE_DELETE_BEFORE_DEADLINE("forceDeleteBeforeDeadline"),
    TAINT_NODE("taintNode"),
    DRY_RUN("dryRun"),
    ON_TIMEOUT("onTimeout"),
    ON_FAILURE("onFailure");

    private final String key;

    SettingKey(String key) {
        this.key = key;
    }

    /** The camelCase name, such as {@code maxWaitSeconds}. */
    public String key() {
        return key;
    }

    /** The setting with this name, if there is one. */
    public static Optional<SettingKey> of(String key) {
        return Arrays.stream(values()).filter(setting -> setting.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
