package dev.gracefulworker.e2e.lambda;

import com.fasterxml.jackson.databind.JsonNode;

/** What one invocation of a function produced, as the Lambda Invoke API reports it. */
public sealed interface InvocationOutcome {

    /** The response payload: the handler's result, or the runtime's error document. */
    JsonNode payload();

    /** The handler returned normally. */
    record Returned(JsonNode payload) implements InvocationOutcome {
    }

    /**
     * The handler threw: {@code errorType} is the exception's fully qualified class name, which Step Functions uses as
     * the error name; the payload is {@code {errorMessage, errorType, stackTrace}} like the Java runtime's.
     */
    record Raised(String errorType, String errorMessage, JsonNode payload) implements InvocationOutcome {
    }
}
