package dev.gracefulworker.e2e.interpreter;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A finished execution: its status, output or error and cause, and its full event history. */
public record ExecutionResult(String executionName, ExecutionStatus status, JsonNode output, String error, String cause,
                              List<ExecutionEvent> events) {

    public ExecutionResult {
        events = List.copyOf(events);
    }

    /** The names of the states entered, in order (a state entered three times appears three times). */
    public List<String> statesEntered() {
        return events.stream()
                .filter(ExecutionEvent.StateEntered.class::isInstance)
                .map(event -> ((ExecutionEvent.StateEntered) event).stateName())
                .toList();
    }

    /** How many times the named state was entered. */
    public long timesEntered(String stateName) {
        return statesEntered().stream().filter(stateName::equals).count();
    }

    /** The output of the last exit from the named state, or null if it never finished. */
    public JsonNode lastOutputOf(String stateName) {
        JsonNode output = null;
        for (ExecutionEvent event : events) {
            if (event instanceof ExecutionEvent.StateExited exited && exited.stateName().equals(stateName)) {
                output = exited.output();
            }
        }
        return output;
    }
}
