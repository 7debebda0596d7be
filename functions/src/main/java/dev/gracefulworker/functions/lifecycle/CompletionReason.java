package dev.gracefulworker.functions.lifecycle;

import java.util.Arrays;

/** Why the workflow completes the action; the wire value is the camelCase word the state machine sends. */
public enum CompletionReason {
    DRAINED("drained", "completed"),
    NOTHING_TO_DRAIN("nothingToDrain", "nothingToDrain"),
    TIMEOUT("timeout", "timeout"),
    ACTION_ENDED("actionEnded", "alreadyCompleted"),
    FAILED("failed", "failed");

    private final String wire;
    private final String outcome;

    CompletionReason(String wire, String outcome) {
        this.wire = wire;
        this.outcome = outcome;
    }

    public String wire() {
        return wire;
    }

    /** The execution's {@code outcome} when the action was completed for this reason. */
    public String outcome() {
        return outcome;
    }

    public static CompletionReason fromWire(String value) {
        return Arrays.stream(values())
                .filter(r -> r.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("reason must be one of drained, nothingToDrain, "
                        + "timeout, actionEnded, failed; was " + value));
    }
}
