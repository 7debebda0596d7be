package dev.gracefulworker.statemachine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The deployed settings of the workflow, rendered into the {@value WorkflowStates#LOAD_DEPLOYED_SETTINGS} state so
 * every execution shows what it ran with. Range rules live in {@link SettingsRules} so that a bad value fails
 * {@code cdk synth} with a message rather than an exception deep inside the app.
 *
 * @param waitForPods             the pods to wait for
 * @param drainMode               what happens to the other pods
 * @param pollIntervalSeconds     the first interval between pod checks
 * @param maxPollIntervalSeconds  the longest interval between pod checks
 * @param maxWaitSeconds          the deadline, from the start of the execution
 * @param heartbeatTimeoutSeconds the lifecycle hook's heartbeat timeout
 * @param taintNode               whether to add the NoSchedule taint when cordoning
 * @param dryRun                  whether to only report what would be done
 * @param onTimeout               the lifecycle action result when the deadline passes
 * @param onFailure               what to do with the lifecycle action when a task fails
 */
public record WorkflowSettings(
        List<PodSelector> waitForPods,
        DrainMode drainMode,
        int pollIntervalSeconds,
        int maxPollIntervalSeconds,
        int maxWaitSeconds,
        int heartbeatTimeoutSeconds,
        boolean taintNode,
        boolean dryRun,
        TimeoutResult onTimeout,
        FailurePolicy onFailure) {

    public static final int DEFAULT_POLL_INTERVAL_SECONDS = 15;
    public static final int DEFAULT_MAX_POLL_INTERVAL_SECONDS = 120;
    public static final int DEFAULT_MAX_WAIT_SECONDS = 3600;
    public static final int DEFAULT_HEARTBEAT_TIMEOUT_SECONDS = 300;
    /** The lifecycle hook's global timeout (48 h): no wait can outlive it. */
    public static final int MAX_WAIT_LIMIT_SECONDS = 172_800;

    public WorkflowSettings {
        waitForPods = List.copyOf(Objects.requireNonNull(waitForPods, "waitForPods"));
        Objects.requireNonNull(drainMode, "drainMode");
        Objects.requireNonNull(onTimeout, "onTimeout");
        Objects.requireNonNull(onFailure, "onFailure");
    }

    /** The defaults of WORKFLOW.md. */
    public static WorkflowSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder()
                .waitForPods(waitForPods)
                .drainMode(drainMode)
                .pollIntervalSeconds(pollIntervalSeconds)
                .maxPollIntervalSeconds(maxPollIntervalSeconds)
                .maxWaitSeconds(maxWaitSeconds)
                .heartbeatTimeoutSeconds(heartbeatTimeoutSeconds)
                .taintNode(taintNode)
                .dryRun(dryRun)
                .onTimeout(onTimeout)
                .onFailure(onFailure);
    }

    /**
     * The Settings object of WORKFLOW.md as execution state, including the output-only keys that
     * {@code Apply per-group overrides} fills in, so the object has one shape whether or not overrides ran.
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
        json.put("waitForPods", selectors);
        json.put("drainMode", drainMode.name());
        json.put("pollIntervalSeconds", pollIntervalSeconds);
        json.put("maxPollIntervalSeconds", maxPollIntervalSeconds);
        json.put("maxWaitSeconds", maxWaitSeconds);
        json.put("heartbeatTimeoutSeconds", heartbeatTimeoutSeconds);
        json.put("taintNode", taintNode);
        json.put("dryRun", dryRun);
        json.put("onTimeout", onTimeout.name());
        json.put("onFailure", onFailure.name());
        json.put("overridden", List.of());
        json.put("ignoredOverrideKeys", List.of());
        json.put("overridesIgnored", null);
        return json;
    }

    /** Builds {@link WorkflowSettings}; every value starts at its documented default. */
    public static final class Builder {
        private List<PodSelector> waitForPods = List.of();
        private DrainMode drainMode = DrainMode.EVICT;
        private int pollIntervalSeconds = DEFAULT_POLL_INTERVAL_SECONDS;
        private int maxPollIntervalSeconds = DEFAULT_MAX_POLL_INTERVAL_SECONDS;
        private int maxWaitSeconds = DEFAULT_MAX_WAIT_SECONDS;
        private int heartbeatTimeoutSeconds = DEFAULT_HEARTBEAT_TIMEOUT_SECONDS;
        private boolean taintNode = true;
        private boolean dryRun;
        private TimeoutResult onTimeout = TimeoutResult.CONTINUE;
        private FailurePolicy onFailure = FailurePolicy.CONTINUE;

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

        /** @param value the result sent when the deadline passes; @default {@link TimeoutResult#CONTINUE} */
        public Builder onTimeout(TimeoutResult value) {
            this.onTimeout = value;
            return this;
        }

        /** @param value what to do when a task fails; @default {@link FailurePolicy#CONTINUE} */
        public Builder onFailure(FailurePolicy value) {
            this.onFailure = value;
            return this;
        }

        public WorkflowSettings build() {
            return new WorkflowSettings(waitForPods, drainMode, pollIntervalSeconds, maxPollIntervalSeconds,
                    maxWaitSeconds, heartbeatTimeoutSeconds, taintNode, dryRun, onTimeout, onFailure);
        }
    }
}
