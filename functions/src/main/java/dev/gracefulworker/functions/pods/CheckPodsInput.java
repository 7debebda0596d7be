package dev.gracefulworker.functions.pods;

import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.InvalidTaskInputException;
import dev.gracefulworker.functions.TaskInputs;
import dev.gracefulworker.functions.lifecycle.LifecycleActionRef;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * "Check pods"' input read once: the node, the settings (their rules checked), the previous progress with its
 * times parsed, and whom a heartbeat would go to. A field the state machine should never send like this fails
 * here with {@link InvalidTaskInputException} naming it.
 *
 * @param lastHeartbeatAt the last heartbeat, or the start of the wait when there was none yet
 */
record CheckPodsInput(
        String nodeName,
        Settings settings,
        DrainProgress previous,
        Instant waitStartedAt,
        Instant lastHeartbeatAt,
        HeartbeatTarget heartbeatTarget) {

    /**
     * The lifecycle action a heartbeat goes to. Its ids are needed only once a heartbeat is due, so an input
     * without them fails then, naming the first one missing, and not before.
     */
    sealed interface HeartbeatTarget {

        record Action(LifecycleActionRef ref) implements HeartbeatTarget {}

        record MissingId(String field) implements HeartbeatTarget {}
    }

    /** Seconds since the wait started (elapsed counts from {@code waitStartedAt}), never negative. */
    long elapsedSecondsAt(Instant now) {
        return Math.max(0, Duration.between(waitStartedAt, now).toSeconds());
    }

    /** Seconds since the last heartbeat (or the start of the wait), never negative. */
    long secondsSinceHeartbeatAt(Instant now) {
        return Math.max(0, Duration.between(lastHeartbeatAt, now).toSeconds());
    }

    static CheckPodsInput from(CheckPodsRequest request) {
        String nodeName = TaskInputs.required("nodeName", request.nodeName());
        if (request.settings() == null) {
            throw new InvalidTaskInputException("settings", "is missing");
        }
        if (request.previous() == null) {
            throw new InvalidTaskInputException("previous", "is missing");
        }
        Settings settings = request.settings().validated();
        DrainProgress previous = request.previous();
        Instant waitStartedAt = TaskInputs.instant("previous.waitStartedAt", previous.waitStartedAt());
        Instant lastHeartbeatAt = previous.lastHeartbeatAt() == null
                ? waitStartedAt : TaskInputs.instant("previous.lastHeartbeatAt", previous.lastHeartbeatAt());
        return new CheckPodsInput(nodeName, settings, previous, waitStartedAt, lastHeartbeatAt, heartbeatTarget(request));
    }

    private static HeartbeatTarget heartbeatTarget(CheckPodsRequest request) {
        SequencedMap<String, String> ids = new LinkedHashMap<>();
        ids.put("autoScalingGroupName", request.autoScalingGroupName());
        ids.put("lifecycleHookName", request.lifecycleHookName());
        ids.put("instanceId", request.instanceId());
        ids.put("lifecycleActionToken", request.lifecycleActionToken());
        return ids.entrySet().stream()
                .filter(id -> id.getValue() == null || id.getValue().isBlank())
                .findFirst()
                .<HeartbeatTarget>map(missing -> new HeartbeatTarget.MissingId(missing.getKey()))
                .orElseGet(() -> new HeartbeatTarget.Action(new LifecycleActionRef(request.autoScalingGroupName(),
                        request.lifecycleHookName(), request.instanceId(), request.lifecycleActionToken())));
    }
}
