package dev.gracefulworker.statemachine;

import java.util.ArrayList;
import java.util.List;

/** The range and consistency rules of {@link WorkflowSettings}; each broken rule is a message naming the key and the fix. */
public final class SettingsRules {

    /** The lifecycle hook's own limits on its heartbeat timeout. */
    static final int MIN_HEARTBEAT_TIMEOUT_SECONDS = 30;
    static final int MAX_HEARTBEAT_TIMEOUT_SECONDS = 7_200;

    private SettingsRules() {
    }

    /** The broken rules, empty when the settings are usable. */
    public static List<String> violations(WorkflowSettings settings) {
        var violations = new ArrayList<String>();
        int poll = settings.pollIntervalSeconds();
        int maxPoll = settings.maxPollIntervalSeconds();
        int heartbeat = settings.heartbeatTimeoutSeconds();
        int maxWait = settings.maxWaitSeconds();
        if (poll < 1) {
            violations.add("pollIntervalSeconds is %d: it must be at least 1.".formatted(poll));
        }
        if (heartbeat < MIN_HEARTBEAT_TIMEOUT_SECONDS || heartbeat > MAX_HEARTBEAT_TIMEOUT_SECONDS) {
            violations.add("heartbeatTimeoutSeconds is %d: a lifecycle hook accepts %d to %d seconds.".formatted(
                    heartbeat, MIN_HEARTBEAT_TIMEOUT_SECONDS, MAX_HEARTBEAT_TIMEOUT_SECONDS));
        }
        if (poll >= heartbeat) {
            violations.add(("pollIntervalSeconds (%d) must be below heartbeatTimeoutSeconds (%d), or the hook times out "
                    + "between two checks: lower pollIntervalSeconds or raise heartbeatTimeoutSeconds.")
                    .formatted(poll, heartbeat));
        }
        if (maxPoll < poll) {
            violations.add("maxPollIntervalSeconds (%d) must be at least pollIntervalSeconds (%d): raise maxPollIntervalSeconds."
                    .formatted(maxPoll, poll));
        }
        if (maxPoll > heartbeat / 2) {
            violations.add(("maxPollIntervalSeconds (%d) must be at most heartbeatTimeoutSeconds / 2 (%d) so a heartbeat "
                    + "is always sent in time: lower maxPollIntervalSeconds or raise heartbeatTimeoutSeconds.")
                    .formatted(maxPoll, heartbeat / 2));
        }
        if (maxWait < 1 || maxWait > WorkflowSettings.MAX_WAIT_LIMIT_SECONDS) {
            violations.add(("maxWaitSeconds is %d: it must be between 1 and %d (the lifecycle hook's 48 h global "
                    + "timeout).").formatted(maxWait, WorkflowSettings.MAX_WAIT_LIMIT_SECONDS));
        }
        return violations;
    }
}
