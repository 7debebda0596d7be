package dev.gracefulworker.functions.start;

/** Starts the state machine. */
public interface WorkflowStarter {

    /** Starts an execution; an execution of that name existing already is {@link StartOutcome#ALREADY_STARTED}. */
    StartOutcome start(String executionName, String input);
}
