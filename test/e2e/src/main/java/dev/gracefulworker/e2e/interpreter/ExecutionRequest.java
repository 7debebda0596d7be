package dev.gracefulworker.e2e.interpreter;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution to run: the definition file, the input, the execution's name, the instant {@code $$.Execution.StartTime}
 * must show, and how long the interpreter really pauses in each Wait state and before each retry; or, in a fleet run,
 * where each Wait sleeps on the shared clock instead ({@code sharedClockWaits}: then retries pause their real backoff,
 * which the shared clock counts as it runs; a Task may then run {@code taskTimeoutStretch} times its TimeoutSeconds).
 */
public record ExecutionRequest(Path definition, JsonNode input, String stateMachineArn, String executionName,
                               Instant startTime, Duration waitPause, Duration retryPause, URI sharedClockWaits,
                               int taskTimeoutStretch) {

    /** An execution on a clock of its own, stepped by each Wait's nominal seconds. */
    public ExecutionRequest(Path definition, JsonNode input, String stateMachineArn, String executionName,
                            Instant startTime, Duration waitPause, Duration retryPause) {
        this(definition, input, stateMachineArn, executionName, startTime, waitPause, retryPause, null, 1);
    }

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
