package dev.gracefulworker.e2e.lambda;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One recorded invocation of a local function: its name, the event it got, what it produced, and the real time it
 * ran (what Lambda's function timeout is measured against; the scenario clock does not move during an invocation).
 */
public record Invocation(String functionName, JsonNode event, InvocationOutcome outcome, java.time.Duration took) {
}
