package dev.gracefulworker.functions.pods;

import dev.gracefulworker.contract.PollSchedule;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.kubernetes.PodInfo;

/**
 * When a pod that still blocks must be deleted for the drain to end by its deadline ({@code forceDeleteBeforeDeadline},
 * like Karpenter's terminationGracePeriod): once waiting for the next check would leave the pod less than its own
 * grace period before {@code maxWaitSeconds}, it is deleted now, PodDisruptionBudgets bypassed, so it is gone by then.
 */
final class ForcedDeadline {

    private ForcedDeadline() {
    }

    /** Whether {@code pod}, still blocking {@code elapsedSeconds} into the wait, must be deleted at this check. */
    static boolean due(PodInfo pod, Settings settings, long elapsedSeconds) {
        if (!settings.forceDeleteBeforeDeadline()) {
            return false;
        }
        long remaining = settings.maxWaitSeconds() - elapsedSeconds;
        long nextCheck = PollSchedule.nextWaitSeconds(elapsedSeconds, settings);
        return remaining - nextCheck < pod.terminationGracePeriodSeconds();
    }
}
