package dev.gracefulworker.functions.settings;

import dev.gracefulworker.functions.pods.PollSchedule;

import dev.gracefulworker.functions.kubernetes.LabelSelector;
import dev.gracefulworker.functions.lifecycle.LifecycleResult;
import java.util.List;

/**
 * The settings one execution runs with (deployed, then per-group overrides). Field names are the JSON keys of
 * {@code $.settings}; see statemachine/WORKFLOW.md. Built by deserialization, so nothing is checked until
 * {@link #validated()}.
 */
public record Settings(
        List<PodSelector> waitForPods,
        DrainMode drainMode,
        int pollIntervalSeconds,
        int maxPollIntervalSeconds,
        int maxWaitSeconds,
        int heartbeatTimeoutSeconds,
        boolean taintNode,
        boolean dryRun,
        LifecycleResult onTimeout,
        FailurePolicy onFailure,
        List<String> overridden,
        List<String> ignoredOverrideKeys,
        String overridesIgnored) {

    /** The hook's global timeout: no wait may outlast it. */
    public static final int MAX_WAIT_LIMIT_SECONDS = 172_800;
    /** Auto Scaling's bounds for a hook's heartbeat timeout. */
    public static final int MIN_HEARTBEAT_TIMEOUT_SECONDS = 30;
    public static final int MAX_HEARTBEAT_TIMEOUT_SECONDS = 7_200;

    public Settings {
        waitForPods = waitForPods == null ? List.of() : List.copyOf(waitForPods);
        overridden = overridden == null ? List.of() : List.copyOf(overridden);
        ignoredOverrideKeys = ignoredOverrideKeys == null ? List.of() : List.copyOf(ignoredOverrideKeys);
    }

    /** The documented defaults. */
    /** A Standard execution's history limit. */
    static final int MAX_HISTORY_EVENTS = 25_000;
    /** Wait 2 + Lambda task 5 + Choice 2, as WORKFLOW.md counts them. */
    static final int HISTORY_EVENTS_PER_POLL = 9;
    /** The longest path's events besides the poll loop, as the statemachine module's HistoryBudget counts them. */
    static final int FIXED_HISTORY_EVENTS = 43;

    public static Settings defaults() {
        return new Settings(List.of(), DrainMode.EVICT, 15, 120, 3600, 300, true, false,
                LifecycleResult.CONTINUE, FailurePolicy.CONTINUE, List.of(), List.of(), null);
    }

    /** These settings, or {@link InvalidSettingsException} naming the first key whose value cannot work. */
    public Settings validated() {
        for (int i = 0; i < waitForPods.size(); i++) {
            validate(waitForPods.get(i), "waitForPods[" + i + "]");
        }
        require(drainMode != null, "drainMode", "must be EVICT or WAIT");
        require(onTimeout != null, "onTimeout", "must be CONTINUE or ABANDON");
        require(onFailure != null, "onFailure", "must be CONTINUE, ABANDON or LEAVE_TO_HOOK_TIMEOUT");
        require(heartbeatTimeoutSeconds >= MIN_HEARTBEAT_TIMEOUT_SECONDS && heartbeatTimeoutSeconds <= MAX_HEARTBEAT_TIMEOUT_SECONDS,
                "heartbeatTimeoutSeconds", "must be between 30 and 7200 (was " + heartbeatTimeoutSeconds + ")");
        require(pollIntervalSeconds >= 1, "pollIntervalSeconds", "must be at least 1 (was " + pollIntervalSeconds + ")");
        require(maxPollIntervalSeconds >= pollIntervalSeconds, "maxPollIntervalSeconds",
                "must be at least pollIntervalSeconds (" + pollIntervalSeconds + "), was " + maxPollIntervalSeconds);
        require(maxPollIntervalSeconds <= heartbeatTimeoutSeconds / 2, "maxPollIntervalSeconds",
                "must be at most heartbeatTimeoutSeconds / 2 (" + heartbeatTimeoutSeconds / 2 + ") so a heartbeat is never late, was "
                        + maxPollIntervalSeconds);
        require(maxWaitSeconds >= 1 && maxWaitSeconds <= MAX_WAIT_LIMIT_SECONDS, "maxWaitSeconds",
                "must be between 1 and 172800 (the hook's 48 h global timeout), was " + maxWaitSeconds);
        // Overrides are not checked at synth, so the history budget the construct enforces is enforced here too.
        long events = FIXED_HISTORY_EVENTS + (long) (PollSchedule.maxChecks(this) - 1) * HISTORY_EVENTS_PER_POLL;
        require(events <= MAX_HISTORY_EVENTS, "maxPollIntervalSeconds",
                "with maxWaitSeconds=" + maxWaitSeconds + " and maxPollIntervalSeconds=" + maxPollIntervalSeconds + " a wait takes "
                        + events + " history events, above the " + MAX_HISTORY_EVENTS
                        + " a Standard execution holds: raise maxPollIntervalSeconds or lower maxWaitSeconds");
        return this;
    }

    private static void validate(PodSelector selector, String key) {
        require(selector != null, key, "must be an object with namespace and labelSelector");
        require(selector.namespace() != null && !selector.namespace().isBlank(), key + ".namespace",
                "must be a namespace or \"*\"");
        try {
            LabelSelector.parse(selector.labelSelector());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(key + ".labelSelector", e.getMessage());
        }
    }

    private static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new InvalidSettingsException(key, problem);
        }
    }
}
