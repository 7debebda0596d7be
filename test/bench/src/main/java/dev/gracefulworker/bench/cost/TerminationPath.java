package dev.gracefulworker.bench.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * The states one termination runs through (names as in statemachine/WORKFLOW.md): the way to the first pod check,
 * one poll iteration per wait, and the way from "pods gone" to the end. Every step is checked against the exported
 * definition, so a changed workflow fails here instead of being priced wrongly.
 */
public record TerminationPath(StatePath toFirstCheck, StatePath pollIteration, StatePath toEnd) {

    /** The task the poll iteration invokes. */
    public static final String CHECK_PODS = "Check pods";
    /** ExecutionStarted and ExecutionSucceeded. */
    public static final int EXECUTION_EVENTS = 2;

    private static final List<String> TO_FIRST_CHECK = List.of("Is it a termination?", "Load deployed settings",
            "Start the clock", "Per-group overrides?", "Check instance and node", "Anything to drain?", "Keep the hook alive",
            "Cordon node",
            CHECK_PODS, "Done waiting?");
    private static final List<String> POLL_ITERATION = List.of("Wait before next check", CHECK_PODS, "Done waiting?");
    private static final List<String> TO_END = List.of("Complete (drained)", "Report outcome", "Done");
    private static final String APPLY_OVERRIDES = "Apply per-group overrides";

    /** A drained termination; {@code withOverrides}: the hook carries NotificationMetadata (one more task). */
    public static TerminationPath drained(WorkflowDefinition definition, boolean withOverrides) {
        List<String> toFirstCheck = new ArrayList<>(TO_FIRST_CHECK);
        if (withOverrides) {
            toFirstCheck.add(toFirstCheck.indexOf("Check instance and node"), APPLY_OVERRIDES);
        }
        StatePath first = StatePath.through(definition, toFirstCheck);
        StatePath end = StatePath.through(definition, TO_END);
        // the pods may already be gone at the first check: "Done waiting?" must lead straight to the end too
        StatePath.through(definition, List.of(toFirstCheck.getLast(), TO_END.getFirst()));
        return new TerminationPath(first, StatePath.loop(definition, POLL_ITERATION), end);
    }

    public int transitions(long iterations) {
        return Math.toIntExact(toFirstCheck.transitions() + iterations * pollIteration.transitions() + toEnd.transitions());
    }

    public int lambdaInvocations(long iterations) {
        return Math.toIntExact(toFirstCheck.lambdaInvocations() + iterations * pollIteration.lambdaInvocations()
                + toEnd.lambdaInvocations());
    }

    /** Invocations of "Check pods": one before the first wait, one per iteration. */
    public int pollInvocations(long iterations) {
        return Math.toIntExact(toFirstCheck.visits(CHECK_PODS) + iterations * pollIteration.visits(CHECK_PODS));
    }

    /** History events with no wait: the states outside the loop and the execution's own events. */
    public int fixedHistoryEvents() {
        return EXECUTION_EVENTS + toFirstCheck.historyEvents() + toEnd.historyEvents();
    }

    public int historyEvents(long iterations) {
        return Math.toIntExact(fixedHistoryEvents() + iterations * pollIteration.historyEvents());
    }
}
