package dev.gracefulworker.functions.pods;

/** Where one check leaves the drain; becomes the {@code status} of {@link DrainProgress}. */
sealed interface PollDecision {

    /** No pod blocks any more (or the node itself is gone). */
    record Drained() implements PollDecision {}

    /** Pods still block and the maximum wait has passed. */
    record DeadlinePassed() implements PollDecision {}

    /** Pods still block: check again after {@code nextWaitSeconds}. */
    record KeepWaiting(int nextWaitSeconds, HeartbeatStatus heartbeat) implements PollDecision {}

    /** The heartbeat found no active lifecycle action: someone else completed it, or it expired. */
    record ActionEnded() implements PollDecision {}
}
