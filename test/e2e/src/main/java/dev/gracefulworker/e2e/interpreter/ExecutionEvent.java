package dev.gracefulworker.e2e.interpreter;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry of an execution's history as the interpreter reports it (its {@code eventLogs}). */
public sealed interface ExecutionEvent {

    /** The execution began with this input. */
    record ExecutionStarted(JsonNode input) implements ExecutionEvent {
    }

    /** A state was entered with this input. */
    record StateEntered(String stateName, String stateType, JsonNode input) implements ExecutionEvent {
    }

    /** A state finished with this output. */
    record StateExited(String stateName, String stateType, JsonNode input, JsonNode output) implements ExecutionEvent {
    }

    /** A state's work failed with this error (it may still be retried or caught). */
    record StateFailed(String stateName, String stateType, String error, String cause) implements ExecutionEvent {
    }

    /** A failed state is being retried: {@code attempt} counts the retries of the matching retrier. */
    record StateRetried(String stateName, String stateType, int attempt, JsonNode retrier) implements ExecutionEvent {
    }

    /** A state's error was caught by one of its Catch clauses. */
    record StateCaught(String stateName, String stateType, JsonNode catcher) implements ExecutionEvent {
    }

    /** The execution succeeded with this output. */
    record ExecutionSucceeded(JsonNode output) implements ExecutionEvent {
    }

    /** The execution failed. */
    record ExecutionFailed(String error, String cause) implements ExecutionEvent {
    }

    /** An event of a kind this workflow does not produce (Map and Parallel iterations), kept as it came. */
    record Other(String type, JsonNode raw) implements ExecutionEvent {
    }

    /** Reads one JSON event line of the interpreter script. */
    static ExecutionEvent fromJson(JsonNode event) {
        JsonNode state = event.path("state");
        String name = state.path("name").asText();
        String type = state.path("type").asText();
        return switch (event.path("type").asText()) {
            case "ExecutionStarted" -> new ExecutionStarted(event.get("input"));
            case "StateEntered" -> new StateEntered(name, type, state.get("input"));
            case "StateExited" -> new StateExited(name, type, state.get("input"), state.get("output"));
            case "StateFailed" -> new StateFailed(name, type, event.path("Error").asText(), text(event.get("Cause")));
            case "StateRetried" -> new StateRetried(name, type, event.path("retry").path("attempt").asInt(),
                    event.path("retry").get("retrier"));
            case "StateCaught" -> new StateCaught(name, type, event.path("catch").get("catcher"));
            case "ExecutionSucceeded" -> new ExecutionSucceeded(event.get("output"));
            case "ExecutionFailed" -> new ExecutionFailed(event.path("Error").asText(), text(event.get("Cause")));
            default -> new Other(event.path("type").asText(), event);
        };
    }

    /**
     * A cause as Step Functions shows it: a string. The interpreter keeps a Lambda error document as an object; AWS
     * gives it as that document's JSON text, so the object is written back to text.
     */
    static String text(JsonNode cause) {
        if (cause == null || cause.isNull()) {
            return null;
        }
        return cause.isTextual() ? cause.asText() : cause.toString();
    }
}
