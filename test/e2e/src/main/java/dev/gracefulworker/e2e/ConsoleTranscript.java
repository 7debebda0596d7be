package dev.gracefulworker.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.e2e.interpreter.ExecutionEvent;
import dev.gracefulworker.e2e.interpreter.WorkflowDefinition;
import dev.gracefulworker.e2e.lambda.Invocation;
import dev.gracefulworker.e2e.lambda.LocalLambda;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Prints an execution as the console's event view reads: one row per state with the scenario time, the state's type,
 * what a Task sent its function and got back, where a Choice went, and how long each Wait lasted nominally.
 */
public final class ConsoleTranscript implements Consumer<ExecutionEvent> {

    private static final int SUMMARY_LIMIT = 110;
    private static final String ROW = "%7s  %-34s %-7s %s%n";
    private static final String CONTINUATION = " ".repeat(7 + 2 + 34 + 1 + 7 + 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final WorkflowDefinition definition;
    private final LocalLambda lambda;
    private final List<TranscriptRow> rows = new ArrayList<>();
    private long nominalSeconds;
    private int invocationCursor;
    private String pendingChoice;
    private boolean caughtExitPending;

    /** The column titles, in the rows' layout. */
    public static void printHeading(PrintStream out) {
        out.printf(ROW, "time", "state", "type", "detail");
    }

    /** Prints to {@code out}; Task rows take the function's event from the invocations {@code lambda} recorded. */
    public ConsoleTranscript(PrintStream out, WorkflowDefinition definition, LocalLambda lambda) {
        this.out = out;
        this.definition = definition;
        this.lambda = lambda;
        this.invocationCursor = lambda.invocations().size();
    }

    /** The scenario time the execution has reached: the sum of the nominal durations of the Waits so far. */
    public long nominalSeconds() {
        return nominalSeconds;
    }

    /** The rows printed so far, in order: the timeline of the run. */
    public List<TranscriptRow> rows() {
        return List.copyOf(rows);
    }

    @Override
    public void accept(ExecutionEvent event) {
        switch (event) {
            case ExecutionEvent.ExecutionStarted started -> { }
            case ExecutionEvent.StateEntered entered -> entered(entered);
            case ExecutionEvent.StateExited exited -> exited(exited);
            case ExecutionEvent.StateFailed failed -> {
                String function = taskInvocation(failed.stateName())
                        .map(invocation -> " " + invocation.functionName()).orElse("");
                row(TranscriptRow.Kind.FAILED, failed.stateName(), failed.stateType(),
                        "✗" + function + " " + failed.error() + ": " + abbreviated(failed.cause()), null);
            }
            case ExecutionEvent.StateRetried retried -> row(TranscriptRow.Kind.RETRIED, "", "", "↻ retry "
                    + retried.attempt() + " of " + retried.retrier().path("ErrorEquals"), null);
            case ExecutionEvent.StateCaught caught -> {
                row(TranscriptRow.Kind.CAUGHT, "", "", "caught " + caught.catcher().path("ErrorEquals")
                        + ", error at " + caught.catcher().path("ResultPath").asText("$") + " → "
                        + caught.catcher().path("Next").asText(), null);
                caughtExitPending = true;
            }
            case ExecutionEvent.ExecutionSucceeded succeeded -> flushChoice("(end)");
            case ExecutionEvent.ExecutionFailed failed -> flushChoice("(end)");
            case ExecutionEvent.Other other -> row("", other.type(), "");
        }
    }

    private void entered(ExecutionEvent.StateEntered entered) {
        flushChoice(entered.stateName());
        switch (entered.stateType()) {
            case "Choice" -> pendingChoice = entered.stateName();
            case "Wait" -> {
                OptionalLong seconds = definition.nominalWaitSeconds(entered.stateName(), entered.input());
                row(entered.stateName(), "Wait", seconds.isPresent()
                        ? seconds.getAsLong() + " s (shortened)" : "(duration not readable: shortened)");
                nominalSeconds += seconds.orElse(0);
            }
            case "Succeed" -> row(entered.stateName(), entered.stateType(), "");
            default -> { }
        }
    }

    private void exited(ExecutionEvent.StateExited exited) {
        if (caughtExitPending) {
            // the exit of a caught state carries the error, already shown with the catch
            caughtExitPending = false;
            return;
        }
        switch (exited.stateType()) {
            case "Task" -> {
                String sent = taskInvocation(exited.stateName()).map(invocation -> invocation.functionName() + "("
                        + JsonSummary.of(invocation.event(), SUMMARY_LIMIT - invocation.functionName().length()) + ")")
                        .orElse("");
                row(TranscriptRow.Kind.STATE, exited.stateName(), "Task", sent,
                        JsonSummary.of(result(exited), SUMMARY_LIMIT));
            }
            case "Pass" -> row(exited.stateName(), "Pass", JsonSummary.of(result(exited), SUMMARY_LIMIT));
            default -> { }
        }
    }

    private JsonNode result(ExecutionEvent.StateExited exited) {
        return definition.resultPointer(exited.stateName()).map(pointer -> exited.output().at(pointer))
                .orElse(exited.output());
    }

    /**
     * The invocation of this Task attempt: the next one, not yet shown, of the function its Resource names (each
     * attempt is exactly one invocation, in order; invocations from outside the execution, like the starter's, are
     * passed over).
     */
    private Optional<Invocation> taskInvocation(String stateName) {
        Optional<String> function = definition.resource(stateName).map(LocalLambda::functionName);
        if (function.isEmpty()) {
            return Optional.empty();
        }
        List<Invocation> invocations = lambda.invocations();
        for (int i = invocationCursor; i < invocations.size(); i++) {
            if (invocations.get(i).functionName().equals(function.get())) {
                invocationCursor = i + 1;
                return Optional.of(invocations.get(i));
            }
        }
        return Optional.empty();
    }

    private void flushChoice(String next) {
        if (pendingChoice != null) {
            row(pendingChoice, "Choice", "→ " + next);
            pendingChoice = null;
        }
    }

    private void row(String state, String type, String detail) {
        row(TranscriptRow.Kind.STATE, state, type, detail, null);
    }

    private void row(TranscriptRow.Kind kind, String state, String type, String detail, String result) {
        String time = state.isEmpty() ? "" : String.format("%d:%02d", nominalSeconds / 60, nominalSeconds % 60);
        TranscriptRow row = new TranscriptRow(rows.size() + 1, kind, time, state, type, detail, result);
        rows.add(row);
        out.printf(ROW, time, state, type, result == null ? detail : detail + "\n" + CONTINUATION + "→ " + result);
    }

    /** A Lambda error document's message, or the cause as it is. */
    private static String abbreviated(String cause) {
        if (cause == null) {
            return "";
        }
        String message = cause;
        try {
            JsonNode document = JSON.readTree(cause);
            if (document.hasNonNull("errorMessage")) {
                message = document.get("errorMessage").asText();
            }
        } catch (JsonProcessingException notJson) {
            // a plain-text cause is shown as it is
        }
        String oneLine = message.replace('\n', ' ');
        return oneLine.length() <= SUMMARY_LIMIT ? oneLine : oneLine.substring(0, SUMMARY_LIMIT - 1) + "…";
    }
}
