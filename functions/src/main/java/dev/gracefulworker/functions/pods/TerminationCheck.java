package dev.gracefulworker.functions.pods;

import dev.gracefulworker.functions.kubernetes.PodInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a pod that is already Terminating still blocks the drain. Its {@code deletionTimestamp} is when its grace
 * period ends (the API server sets it to the time of the delete plus the grace), and a kubelet removes the pod by then.
 * Past that plus {@code terminationSkewSeconds} (clock skew, a slow kubelet) the pod no longer blocks, as Karpenter's
 * {@code IsStuckTerminating} and kubectl drain's {@code --skip-wait-for-delete-timeout} decide: on a node that is
 * NotReady or gone nobody will ever confirm the deletion (a dead kubelet); on a Ready node the containers were killed at
 * the end of the grace and what is left is the API object (a finalizer). Before that, it blocks on any node: a pod
 * being stopped by a dead kubelet is given the same grace as any other.
 */
final class TerminationCheck {

    static final String STUCK = "stuck terminating (kubelet not responding)";

    private TerminationCheck() {}

    /** Why the Terminating pod no longer blocks, or empty while it still does. */
    static Optional<String> release(PodInfo pod, Instant now, int skewSeconds, NodeView node) {
        Instant releasedAt = pod.deletionTimestamp().plusSeconds(skewSeconds);
        if (now.isBefore(releasedAt)) {
            return Optional.empty();
        }
        long past = Duration.between(pod.deletionTimestamp(), now).toSeconds();
        return Optional.of(node.kubeletResponding()
                ? "terminating " + past + " s past its grace period on a Ready node (a finalizer?)"
                : STUCK + ", " + past + " s past its grace period");
    }
}
