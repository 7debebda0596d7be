package dev.gracefulworker.e2e.lambda;

import com.fasterxml.jackson.databind.JsonNode;

/** One recorded invocation of a local function: its name, the event it got, and what it produced. */
public record Invocation(String functionName, JsonNode event, InvocationOutcome outcome) {
}
