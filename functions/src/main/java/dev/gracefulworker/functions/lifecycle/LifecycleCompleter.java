package dev.gracefulworker.functions.lifecycle;

import dev.gracefulworker.contract.CompletionReason;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.functions.TaskInputs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Completes the lifecycle action, token first with the instance id as fallback. "No active Lifecycle Action" is an
 * outcome (already completed), not a failure, so replays and late runs end cleanly.
 */
public final class LifecycleCompleter {

    private final LifecycleActions actions;
    private final Clock clock;

    public LifecycleCompleter(LifecycleActions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    public LifecycleCompletion complete(CompleteLifecycleActionRequest request) {
        LifecycleResult result = TaskInputs.present("result", request.result());
        CompletionReason reason = TaskInputs.present("reason", request.reason());
        Instant startedAt = TaskInputs.instant("startedAt", request.startedAt());
        long durationSeconds = Math.max(0, Duration.between(startedAt, clock.instant()).toSeconds());
        LifecycleActionRef action = new LifecycleActionRef(
                TaskInputs.required("autoScalingGroupName", request.autoScalingGroupName()),
                TaskInputs.required("lifecycleHookName", request.lifecycleHookName()),
                TaskInputs.required("instanceId", request.instanceId()),
                TaskInputs.required("lifecycleActionToken", request.lifecycleActionToken()));

        if (request.dryRun()) {
            return new LifecycleCompletion(request.instanceId(), result, reason, CompletionAction.DRY_RUN,
                    reason.outcome(), false, durationSeconds);
        }
        TokenFirst.Answer answer = TokenFirst.call(action, by -> actions.complete(action, result, by));
        CompletionAction done = answer.answer() == ActionAnswer.ACCEPTED ? CompletionAction.COMPLETED : CompletionAction.ALREADY_COMPLETED;
        String outcome = done == CompletionAction.ALREADY_COMPLETED ? CompletionReason.ACTION_ENDED.outcome() : reason.outcome();
        return new LifecycleCompletion(request.instanceId(), result, reason, done, outcome,
                answer.usedInstanceIdFallback(), durationSeconds);
    }
}
