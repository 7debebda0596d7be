package dev.gracefulworker.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings one execution runs with: deployed (rendered into "Load deployed settings" at synth), then per-group
 * overrides from the hook's NotificationMetadata. Component names are the JSON keys of {@code $.settings} and the
 * CDK context keys ({@link SettingKey}). Built by deserialization too, so the constructor checks nothing:
 * {@link #violations()} is the one rule set, applied at synth and at run time alike.
 *
 * @param waitForPods             the pods to wait for; default none
 * @param drainMode               what happens to the other pods; default {@link DrainMode#EVICT}
 * @param pollIntervalSeconds     the first interval between pod checks; default 15
 * @param maxPollIntervalSeconds  the longest interval between pod checks; default 120
 * @param maxWaitSeconds          the deadline, from the start of the execution; default 3600
 * @param heartbeatTimeoutSeconds the lifecycle hook's heartbeat timeout; default 300
 * @param maxOutageSeconds        how long "Check pods" may keep failing (Lambda or Kubernetes unavailable) while the
 *                                workflow keeps the hook alive, before the failure policy applies; default 1800
 * @param terminationSkewSeconds  how long past the end of its grace period (its deletionTimestamp) a pod still
 *                                Terminating stops blocking: its kubelet is gone or lags; default 60
 * @param volumeDetachTimeoutSeconds how long, once no pod blocks, to wait for the node's VolumeAttachments to go
 *                                (0 = do not wait); default 360, the attach-detach controller's multi-attach wait
 * @param excludeFromLoadBalancers whether cordoning also labels the node
 *                                {@code node.kubernetes.io/exclude-from-external-load-balancers=true}, which the
 *                                Service controller and the AWS Load Balancer Controller honour by deregistering it;
 *                                default true
 * @param loadBalancerDrainTimeoutSeconds how long, once no pod blocks, to wait until the instance is in no target group
 *                                any more (draining included) before completing (0 = do not wait); default 600
 * @param targetGroupArns         target groups to watch besides those attached to the Auto Scaling group and those
 *                                tagged for the cluster; default none
 * @param waitForUnreplaceablePods whether pods nothing would recreate (no controller) or whose emptyDir data would be
 *                                lost are waited for instead of evicted (kubectl drain refuses them without --force /
 *                                --delete-emptydir-data); default false: evicted, with a warning
 * @param forceDeleteBeforeDeadline whether pods still blocking near maxWaitSeconds are deleted (bypassing
 *                                PodDisruptionBudgets) early enough that their grace period ends by the deadline, like
 *                                Karpenter's terminationGracePeriod; default false
 * @param taintNode               whether cordoning also adds the NoSchedule taint; default true
 * @param dryRun                  whether to only report what would be done; default false
 * @param onTimeout               the lifecycle action result when the deadline passes; default CONTINUE
 * @param onFailure               what to do with the lifecycle action when a task fails; default CONTINUE
 * @param overridden              output only: the keys taken from NotificationMetadata
 * @param ignoredOverrideKeys     output only: NotificationMetadata keys that are not settings
 * @param overridesIgnored        output only: why NotificationMetadata was not used, or null
 */
public record Settings(
        List<PodSelector> waitForPods,
        DrainMode drainMode,
        int pollIntervalSeconds,
        int maxPollIntervalSeconds,
        int maxWaitSeconds,
        int heartbeatTimeoutSeconds,
        int maxOutageSeconds,
        int terminationSkewSeconds,
        int volumeDetachTimeoutSeconds,
        boolean excludeFromLoadBalancers,
        int loadBalancerDrainTimeoutSeconds,
        List<String> targetGroupArns,
        boolean waitForUnreplaceablePods,
        boolean forceDeleteBeforeDeadline,
        boolean taintNode,
        boolean dryRun,
        LifecycleResult onTimeout,
        FailurePolicy onFailure,
        List<String> overridden,
        List<String> ignoredOverrideKeys,
        String overridesIgnored) {

    public static final int DEFAULT_POLL_INTERVAL_SECONDS = 15;
    public static final int DEFAULT_MAX_POLL_INTERVAL_SECONDS = 120;
    public static final int DEFAULT_MAX_WAIT_SECONDS = 3_600;
    public static final int DEFAULT_HEARTBEAT_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_MAX_OUTAGE_SECONDS = 1_800;
    public static final int MIN_OUTAGE_SECONDS = 60;
    /**
     * Karpenter's buffer past a pod's deletionTimestamp before it calls the pod stuck ({@code IsStuckTerminating}, one
     * minute); kubectl drain has the same test behind {@code --skip-wait-for-delete-timeout}, off unless given.
     */
    public static final int DEFAULT_TERMINATION_SKEW_SECONDS = 60;
    public static final int MAX_TERMINATION_SKEW_SECONDS = 3_600;
    /** The attach-detach controller's maxWaitForUnmountDuration: a volume still attached after it is force-detached. */
    public static final int DEFAULT_VOLUME_DETACH_TIMEOUT_SECONDS = 360;
    public static final int MAX_VOLUME_DETACH_TIMEOUT_SECONDS = 3_600;
    /** Twice ELB's default deregistration delay (300 s): room for a delayed controller and the delay itself. */
    public static final int DEFAULT_LOAD_BALANCER_DRAIN_TIMEOUT_SECONDS = 600;
    /** ELB's largest deregistration delay ({@code deregistration_delay.timeout_seconds}). */
    public static final int MAX_LOAD_BALANCER_DRAIN_TIMEOUT_SECONDS = 3_600;
    public static final int MAX_OUTAGE_LIMIT_SECONDS = 86_400;
    /**
     * Room the lifecycle action needs besides the wait and an outage: the checks before the wait starts, the last
     * check and the completion. Auto Scaling ends an action after {@link #hookGlobalTimeoutSeconds()} whatever the
     * heartbeats, so the workflow must be done by then.
     */
    public static final int LIFECYCLE_ACTION_MARGIN_SECONDS = 600;
    /** Auto Scaling's cap on a lifecycle action (48 h), whatever the heartbeat timeout. */
    public static final int MAX_WAIT_LIMIT_SECONDS = 172_800;
    /** Auto Scaling ends an action after at most this many heartbeat timeouts, whatever the heartbeats. */
    public static final int HEARTBEAT_TIMEOUTS_PER_ACTION = 100;
    /** What a lifecycle hook accepts as its heartbeat timeout. */
    public static final int MIN_HEARTBEAT_TIMEOUT_SECONDS = 30;
    public static final int MAX_HEARTBEAT_TIMEOUT_SECONDS = 7_200;

    public Settings {
        waitForPods = waitForPods == null ? List.of() : copyAllowingNulls(waitForPods);
        targetGroupArns = targetGroupArns == null ? List.of() : copyAllowingNulls(targetGroupArns);
        overridden = overridden == null ? List.of() : List.copyOf(overridden);
        ignoredOverrideKeys = ignoredOverrideKeys == null ? List.of() : List.copyOf(ignoredOverrideKeys);
    }

    /** The documented defaults. */
    public static Settings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder()
                .waitForPods(waitForPods).drainMode(drainMode)
                .pollIntervalSeconds(pollIntervalSeconds).maxPollIntervalSeconds(maxPollIntervalSeconds)
                .maxWaitSeconds(maxWaitSeconds).heartbeatTimeoutSeconds(heartbeatTimeoutSeconds)
                .maxOutageSeconds(maxOutageSeconds).terminationSkewSeconds(terminationSkewSeconds)
                .volumeDetachTimeoutSeconds(volumeDetachTimeoutSeconds)
                .excludeFromLoadBalancers(excludeFromLoadBalancers)
                .loadBalancerDrainTimeoutSeconds(loadBalancerDrainTimeoutSeconds).targetGroupArns(targetGroupArns)
                .waitForUnreplaceablePods(waitForUnreplaceablePods).forceDeleteBeforeDeadline(forceDeleteBeforeDeadline)
                .taintNode(taintNode).dryRun(dryRun).onTimeout(onTimeout).onFailure(onFailure)
                .overridden(overridden).ignoredOverrideKeys(ignoredOverrideKeys).overridesIgnored(overridesIgnored);
    }

    /** Every rule these settings break, each naming its key and the fix; empty when the workflow can run with them. */
    public List<SettingsViolation> violations() {
        var violations = new ArrayList<SettingsViolation>();
        for (int i = 0; i < waitForPods.size(); i++) {
            selectorViolation(waitForPods.get(i), SettingKey.WAIT_FOR_PODS + "[" + i + "]").ifPresent(violations::add);
        }
        if (drainMode == null) {
            violations.add(missing(SettingKey.DRAIN_MODE, DrainMode.values()));
        }
        if (onTimeout == null) {
            violations.add(missing(SettingKey.ON_TIMEOUT, LifecycleResult.values()));
        }
        if (onFailure == null) {
            violations.add(missing(SettingKey.ON_FAILURE, FailurePolicy.values()));
        }
        int poll = pollIntervalSeconds;
        int maxPoll = maxPollIntervalSeconds;
        int heartbeat = heartbeatTimeoutSeconds;
        if (poll < 1) {
            violations.add(violation(SettingKey.POLL_INTERVAL_SECONDS,
                    "pollIntervalSeconds is %d: it must be at least 1.".formatted(poll)));
        }
        if (heartbeat < MIN_HEARTBEAT_TIMEOUT_SECONDS || heartbeat > MAX_HEARTBEAT_TIMEOUT_SECONDS) {
            violations.add(violation(SettingKey.HEARTBEAT_TIMEOUT_SECONDS,
                    "heartbeatTimeoutSeconds is %d: a lifecycle hook accepts %d to %d seconds.".formatted(
                            heartbeat, MIN_HEARTBEAT_TIMEOUT_SECONDS, MAX_HEARTBEAT_TIMEOUT_SECONDS)));
        }
        if (poll >= heartbeat) {
            violations.add(violation(SettingKey.POLL_INTERVAL_SECONDS,
                    ("pollIntervalSeconds (%d) must be below heartbeatTimeoutSeconds (%d), or the hook times out between "
                            + "two checks: lower pollIntervalSeconds or raise heartbeatTimeoutSeconds.")
                            .formatted(poll, heartbeat)));
        }
        if (maxPoll < poll) {
            violations.add(violation(SettingKey.MAX_POLL_INTERVAL_SECONDS,
                    "maxPollIntervalSeconds (%d) must be at least pollIntervalSeconds (%d): raise maxPollIntervalSeconds."
                            .formatted(maxPoll, poll)));
        }
        if (maxPoll > heartbeat / 2) {
            violations.add(violation(SettingKey.MAX_POLL_INTERVAL_SECONDS,
                    ("maxPollIntervalSeconds (%d) must be at most heartbeatTimeoutSeconds / 2 (%d) so a heartbeat is "
                            + "always sent in time: lower maxPollIntervalSeconds or raise heartbeatTimeoutSeconds.")
                            .formatted(maxPoll, heartbeat / 2)));
        }
        if (maxWaitSeconds < 1 || maxWaitSeconds > MAX_WAIT_LIMIT_SECONDS) {
            violations.add(violation(SettingKey.MAX_WAIT_SECONDS,
                    "maxWaitSeconds is %d: it must be between 1 and %d (the lifecycle hook's 48 h global timeout)."
                            .formatted(maxWaitSeconds, MAX_WAIT_LIMIT_SECONDS)));
        }
        if (maxOutageSeconds < MIN_OUTAGE_SECONDS || maxOutageSeconds > MAX_OUTAGE_LIMIT_SECONDS) {
            violations.add(violation(SettingKey.MAX_OUTAGE_SECONDS,
                    "maxOutageSeconds is %d: it must be between %d and %d.".formatted(
                            maxOutageSeconds, MIN_OUTAGE_SECONDS, MAX_OUTAGE_LIMIT_SECONDS)));
        }
        if (terminationSkewSeconds < 0 || terminationSkewSeconds > MAX_TERMINATION_SKEW_SECONDS) {
            violations.add(violation(SettingKey.TERMINATION_SKEW_SECONDS,
                    "terminationSkewSeconds is %d: it must be between 0 and %d.".formatted(
                            terminationSkewSeconds, MAX_TERMINATION_SKEW_SECONDS)));
        }
        if (volumeDetachTimeoutSeconds < 0 || volumeDetachTimeoutSeconds > MAX_VOLUME_DETACH_TIMEOUT_SECONDS) {
            violations.add(violation(SettingKey.VOLUME_DETACH_TIMEOUT_SECONDS,
                    "volumeDetachTimeoutSeconds is %d: it must be between 0 (do not wait) and %d.".formatted(
                            volumeDetachTimeoutSeconds, MAX_VOLUME_DETACH_TIMEOUT_SECONDS)));
        }
        if (loadBalancerDrainTimeoutSeconds < 0
                || loadBalancerDrainTimeoutSeconds > MAX_LOAD_BALANCER_DRAIN_TIMEOUT_SECONDS) {
            violations.add(violation(SettingKey.LOAD_BALANCER_DRAIN_TIMEOUT_SECONDS,
                    "loadBalancerDrainTimeoutSeconds is %d: it must be between 0 (do not wait) and %d.".formatted(
                            loadBalancerDrainTimeoutSeconds, MAX_LOAD_BALANCER_DRAIN_TIMEOUT_SECONDS)));
        }
        for (int i = 0; i < targetGroupArns.size(); i++) {
            String arn = targetGroupArns.get(i);
            if (arn == null || !arn.startsWith("arn:") || !arn.contains(":elasticloadbalancing:")
                    || !arn.contains(":targetgroup/")) {
                violations.add(new SettingsViolation(SettingKey.TARGET_GROUP_ARNS + "[" + i + "]",
                        "%s[%d] is %s: it must be a target group ARN (arn:aws:elasticloadbalancing:<region>:<account>:"
                                .formatted(SettingKey.TARGET_GROUP_ARNS, i, arn) + "targetgroup/<name>/<id>)."));
            }
        }
        long needed = (long) maxWaitSeconds + maxOutageSeconds + LIFECYCLE_ACTION_MARGIN_SECONDS;
        if (violations.isEmpty() && needed > hookGlobalTimeoutSeconds()) {
            violations.add(violation(SettingKey.MAX_WAIT_SECONDS, ("maxWaitSeconds (%d) + maxOutageSeconds (%d) + %d s "
                    + "for the checks and the completion is %d s, but Auto Scaling ends a lifecycle action after "
                    + "min(172800, 100 x heartbeatTimeoutSeconds) = %d s whatever the heartbeats: lower maxWaitSeconds "
                    + "or maxOutageSeconds, or raise heartbeatTimeoutSeconds to at least %d.").formatted(
                    maxWaitSeconds, maxOutageSeconds, LIFECYCLE_ACTION_MARGIN_SECONDS, needed,
                    hookGlobalTimeoutSeconds(), Math.ceilDiv(needed, HEARTBEAT_TIMEOUTS_PER_ACTION))));
        }
        return violations;
    }

    /**
     * {@link #violations()}, then, when those pass, the limits of the definition the settings run in: the execution's
     * history and the time between two heartbeats (both only meaningful for settings that pass the other rules).
     */
    public List<SettingsViolation> violations(DefinitionLimits limits) {
        var violations = violations();
        if (violations.isEmpty()) {
            limits.heartbeat().violation(this).ifPresent(violations::add);
            limits.history().violation(this).ifPresent(violations::add);
        }
        return violations;
    }

    /** When Auto Scaling ends the lifecycle action whatever the heartbeats: min(48 h, 100 x heartbeat timeout). */
    public int hookGlobalTimeoutSeconds() {
        return (int) Math.min(MAX_WAIT_LIMIT_SECONDS, (long) HEARTBEAT_TIMEOUTS_PER_ACTION * heartbeatTimeoutSeconds);
    }

    /** These settings, or {@link InvalidSettingsException} naming every broken rule. */
    public Settings validated() {
        return orThrow(violations());
    }

    /** These settings, or {@link InvalidSettingsException} naming every broken rule, the definition's limits included. */
    public Settings validated(DefinitionLimits limits) {
        return orThrow(violations(limits));
    }

    /**
     * The {@code $.settings} object as "Load deployed settings" renders it, with the output-only keys that
     * "Apply per-group overrides" fills in, so the object has one shape whether or not overrides ran.
     */
    public Map<String, Object> toStateJson() {
        var selectors = new ArrayList<Map<String, Object>>();
        for (var selector : waitForPods) {
            var json = new LinkedHashMap<String, Object>();
            json.put("namespace", selector.namespace());
            json.put("labelSelector", selector.labelSelector());
            selectors.add(json);
        }
        var json = new LinkedHashMap<String, Object>();
        json.put(SettingKey.WAIT_FOR_PODS.key(), selectors);
        json.put(SettingKey.DRAIN_MODE.key(), drainMode.name());
        json.put(SettingKey.POLL_INTERVAL_SECONDS.key(), pollIntervalSeconds);
        json.put(SettingKey.MAX_POLL_INTERVAL_SECONDS.key(), maxPollIntervalSeconds);
        json.put(SettingKey.MAX_WAIT_SECONDS.key(), maxWaitSeconds);
        json.put(SettingKey.HEARTBEAT_TIMEOUT_SECONDS.key(), heartbeatTimeoutSeconds);
        json.put(SettingKey.MAX_OUTAGE_SECONDS.key(), maxOutageSeconds);
        json.put(SettingKey.TERMINATION_SKEW_SECONDS.key(), terminationSkewSeconds);
        json.put(SettingKey.VOLUME_DETACH_TIMEOUT_SECONDS.key(), volumeDetachTimeoutSeconds);
        json.put(SettingKey.EXCLUDE_FROM_LOAD_BALANCERS.key(), excludeFromLoadBalancers);
        json.put(SettingKey.LOAD_BALANCER_DRAIN_TIMEOUT_SECONDS.key(), loadBalancerDrainTimeoutSeconds);
        json.put(SettingKey.TARGET_GROUP_ARNS.key(), targetGroupArns);
        json.put(SettingKey.WAIT_FOR_UNREPLACEABLE_PODS.key(), waitForUnreplaceablePods);
        json.put(SettingKey.FORCE_DELETE_BEFORE_DEADLINE.key(), forceDeleteBeforeDeadline);
        json.put(SettingKey.TAINT_NODE.key(), taintNode);
        json.put(SettingKey.DRY_RUN.key(), dryRun);
        json.put(SettingKey.ON_TIMEOUT.key(), onTimeout.name());
        json.put(SettingKey.ON_FAILURE.key(), onFailure.name());
        json.put("overridden", overridden);
        json.put("ignoredOverrideKeys", ignoredOverrideKeys);
        json.put("overridesIgnored", overridesIgnored);
        return json;
    }

    private Settings orThrow(List<SettingsViolation> violations) {
        if (!violations.isEmpty()) {
            throw InvalidSettingsException.of(violations);
        }
        return this;
    }

    private static Optional<SettingsViolation> selectorViolation(PodSelector selector, String key) {
        if (selector == null) {
            return Optional.of(new SettingsViolation(key,
                    key + " must be an object with namespace and labelSelector."));
        }
        if (selector.namespace() == null || selector.namespace().isBlank()) {
            return Optional.of(new SettingsViolation(key + ".namespace",
                    key + ".namespace must be a namespace, or " + PodSelector.ALL_NAMESPACES + " for all namespaces."));
        }
        try {
            LabelSelector.parse(selector.labelSelector());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new SettingsViolation(key + ".labelSelector",
                    key + ".labelSelector: " + e.getMessage() + "."));
        }
    }

    private static SettingsViolation missing(SettingKey key, Enum<?>[] values) {
        return violation(key, key + " is missing: it must be one of " + Arrays.toString(values) + ".");
    }

    private static SettingsViolation violation(SettingKey key, String message) {
        return new SettingsViolation(key.key(), message);
    }

    // deserialized lists may hold nulls, which violations() reports by index; List.copyOf would throw instead
    private static <T> List<T> copyAllowingNulls(List<T> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Builds {@link Settings}; every value starts at its documented default. */
    public static final class Builder {
        private List<PodSelector> waitForPods = List.of();
        private DrainMode drainMode = DrainMode.EVICT;
        private int pollIntervalSeconds = DEFAULT_POLL_INTERVAL_SECONDS;
        private int maxPollIntervalSeconds = DEFAULT_MAX_POLL_INTERVAL_SECONDS;
        private int maxWaitSeconds = DEFAULT_MAX_WAIT_SECONDS;
        private int heartbeatTimeoutSeconds = DEFAULT_HEARTBEAT_TIMEOUT_SECONDS;
        private int maxOutageSeconds = DEFAULT_MAX_OUTAGE_SECONDS;
        private int terminationSkewSeconds = DEFAULT_TERMINATION_SKEW_SECONDS;
        private int volumeDetachTimeoutSeconds = DEFAULT_VOLUME_DETACH_TIMEOUT_SECONDS;
        private boolean excludeFromLoadBalancers = true;
        private int loadBalancerDrainTimeoutSeconds = DEFAULT_LOAD_BALANCER_DRAIN_TIMEOUT_SECONDS;
        private List<String> targetGroupArns = List.of();
        private boolean waitForUnreplaceablePods;
        private boolean forceDeleteBeforeDeadline;
        private boolean taintNode = true;
        private boolean dryRun;
        private LifecycleResult onTimeout = LifecycleResult.CONTINUE;
        private FailurePolicy onFailure = FailurePolicy.CONTINUE;
        private List<String> overridden = List.of();
        private List<String> ignoredOverrideKeys = List.of();
        private String overridesIgnored;

        private Builder() {
        }

        /** @param value the pods to wait for; @default none */
        public Builder waitForPods(List<PodSelector> value) {
            this.waitForPods = value;
            return this;
        }

        /** @param value what happens to pods nobody waits for; @default {@link DrainMode#EVICT} */
        public Builder drainMode(DrainMode value) {
            this.drainMode = value;
            return this;
        }

        /** @param value the first interval between pod checks; @default 15 */
        public Builder pollIntervalSeconds(int value) {
            this.pollIntervalSeconds = value;
            return this;
        }

        /** @param value the longest interval between pod checks; @default 120 */
        public Builder maxPollIntervalSeconds(int value) {
            this.maxPollIntervalSeconds = value;
            return this;
        }

        /** @param value the deadline from the start of the execution; @default 3600 */
        public Builder maxWaitSeconds(int value) {
            this.maxWaitSeconds = value;
            return this;
        }

        /** @param value the lifecycle hook's heartbeat timeout; @default 300 */
        public Builder heartbeatTimeoutSeconds(int value) {
            this.heartbeatTimeoutSeconds = value;
            return this;
        }

        /** @param value how long failing checks are tolerated while the hook is kept alive; @default 1800 */
        public Builder maxOutageSeconds(int value) {
            this.maxOutageSeconds = value;
            return this;
        }

        /** @param value seconds past its deletionTimestamp after which a Terminating pod stops blocking; @default 60 */
        public Builder terminationSkewSeconds(int value) {
            this.terminationSkewSeconds = value;
            return this;
        }

        /** @param value how long to wait for the node's volumes to detach once no pod blocks; @default 360 */
        public Builder volumeDetachTimeoutSeconds(int value) {
            this.volumeDetachTimeoutSeconds = value;
            return this;
        }

        /** @param value whether cordoning labels the node exclude-from-external-load-balancers; @default true */
        public Builder excludeFromLoadBalancers(boolean value) {
            this.excludeFromLoadBalancers = value;
            return this;
        }

        /** @param value how long to wait, once no pod blocks, until no target group holds the instance; @default 600 */
        public Builder loadBalancerDrainTimeoutSeconds(int value) {
            this.loadBalancerDrainTimeoutSeconds = value;
            return this;
        }

        /** @param value target groups to watch besides the discovered ones; @default none */
        public Builder targetGroupArns(List<String> value) {
            this.targetGroupArns = value;
            return this;
        }

        /** @param value whether pods without a controller or with emptyDir data are waited for, not evicted; @default false */
        public Builder waitForUnreplaceablePods(boolean value) {
            this.waitForUnreplaceablePods = value;
            return this;
        }

        /** @param value whether blocking pods are deleted, PDBs bypassed, in time to be gone by the deadline; @default false */
        public Builder forceDeleteBeforeDeadline(boolean value) {
            this.forceDeleteBeforeDeadline = value;
            return this;
        }

        /** @param value whether to taint the node NoSchedule when cordoning; @default true */
        public Builder taintNode(boolean value) {
            this.taintNode = value;
            return this;
        }

        /** @param value whether to only report what would be done; @default false */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /** @param value the result sent when the deadline passes; @default {@link LifecycleResult#CONTINUE} */
        public Builder onTimeout(LifecycleResult value) {
            this.onTimeout = value;
            return this;
        }

        /** @param value what to do when a task fails; @default {@link FailurePolicy#CONTINUE} */
        public Builder onFailure(FailurePolicy value) {
            this.onFailure = value;
            return this;
        }

        /** @param value output only: the keys taken from NotificationMetadata */
        public Builder overridden(List<String> value) {
            this.overridden = value;
            return this;
        }

        /** @param value output only: NotificationMetadata keys that are not settings */
        public Builder ignoredOverrideKeys(List<String> value) {
            this.ignoredOverrideKeys = value;
            return this;
        }

        /** @param value output only: why NotificationMetadata was not used */
        public Builder overridesIgnored(String value) {
            this.overridesIgnored = value;
            return this;
        }

        public Settings build() {
            return new Settings(waitForPods, drainMode, pollIntervalSeconds, maxPollIntervalSeconds, maxWaitSeconds,
                    heartbeatTimeoutSeconds, maxOutageSeconds, terminationSkewSeconds, volumeDetachTimeoutSeconds,
                    excludeFromLoadBalancers, loadBalancerDrainTimeoutSeconds, targetGroupArns, waitForUnreplaceablePods,
                    forceDeleteBeforeDeadline, taintNode, dryRun, onTimeout, onFailure, overridden, ignoredOverrideKeys,
                    overridesIgnored);
        }
    }
}
