package dev.gracefulworker.e2e.page;

import dev.gracefulworker.e2e.interpreter.ExecutionEvent;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.statemachine.graph.ExecutionPath;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The path an interpreted execution took, from its events, as the graph highlights it. */
final class ExecutionPaths {

    private ExecutionPaths() {
    }

    /**
     * The states entered in order, the errors caught (by the state that raised them) and, for a failed execution, the
     * state it ended in: the last one entered, where the console shows it red.
     */
    static ExecutionPath of(ExecutionResult result) {
        Map<String, String> lastError = new HashMap<>();
        Map<String, String> caught = new LinkedHashMap<>();
        for (ExecutionEvent event : result.events()) {
            switch (event) {
                case ExecutionEvent.StateFailed failed -> lastError.put(failed.stateName(), failed.error());
                case ExecutionEvent.StateCaught catching ->
                        caught.put(catching.stateName(), lastError.getOrDefault(catching.stateName(), "error"));
                default -> { }
            }
        }
        List<String> entered = result.statesEntered();
        Optional<ExecutionPath.Failure> failure = result.status() == ExecutionStatus.FAILED && !entered.isEmpty()
                ? Optional.of(new ExecutionPath.Failure(entered.getLast(), result.error(), result.cause()))
                : Optional.empty();
        return ExecutionPath.of(entered, caught, failure);
    }
}
