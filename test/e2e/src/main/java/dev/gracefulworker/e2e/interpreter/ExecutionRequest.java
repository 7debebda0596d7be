package dev.gracefulworker.e2e.interpreter;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution to run: the definition file, the input, the execution's name, the instant {@code $$.Execution.StartTime}
 * must show, and how long the interpreter really pauses in each Wait state and before each retry.
 */
public record ExecutionRequest(Path definition, JsonNode input, String stateMachineArn, String executionName,
                               Instant startTime, Duration waitPause, Duration retryPause) {

    public ExecutionRequest {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        Objects.requireNonNull(executionName, "executionName");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(waitPause, "waitPause");
        Objects.requireNonNull(retryPause, "retryPause");
        if (!stateMachineArn.contains(":stateMachine:")) {
            throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn);
        }
    }

    /** {@code arn:aws:states:<region>:<account>:execution:<state machine>:<execution name>}. */
    public String executionArn() {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
    }

    /** The region of the state machine (its ARN's fourth field). */
    public String region() {
        return stateMachineArn.split(":")[3];
    }
}
