package dev.gracefulworker.contract;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Why a "Complete …" task completes the action. The wire value is the camelCase word the definition sends as
 * {@code reason}; the outcome is what the execution's output reports.
 */
public enum CompletionReason {
    DRAINED("drained", "completed"),
    NOTHING_TO_DRAIN("nothingToDrain", "nothingToDrain"),
    TIMEOUT("timeout", "timeout"),
    ACTION_ENDED("actionEnded", "alreadyCompleted"),
    FAILED("failed", "failed");

    /** The outcome of any completion that found the action already complete or expired. */
    public static final String ALREADY_COMPLETED_OUTCOME = "alreadyCompleted";

    private final String wire;
    private final String outcome;

    CompletionReason(String wire, String outcome) {
        this.wire = wire;
        this.outcome = outcome;
    }

    /** The value in the task payload, such as {@code nothingToDrain}. */
    public String wire() {
        return wire;
    }

    /** The execution's {@code outcome} when the action was completed for this reason. */
    public String outcome() {
        return outcome;
    }

    /** The reason for a wire value; {@link IllegalArgumentException} listing the valid ones otherwise. */
    public static CompletionReason fromWire(String value) {
        return Arrays.stream(values())
                .filter(reason -> reason.wire.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + Arrays.stream(values()).map(CompletionReason::wire).collect(Collectors.joining(", "))
                        + "; was " + value));
    }
}
