package dev.gracefulworker.statemachine.graph;

import java.util.Optional;

/**
 * One state of the definition as the graph shows it: its name (the console's label), its type, the Lambda function a
 * Task invokes, and whether the execution can end there.
 */
public record GraphState(String name, String type, Optional<String> functionName, boolean ends) {

    /** Whether the execution fails here. */
    public boolean isFail() {
        return "Fail".equals(type);
    }
}
