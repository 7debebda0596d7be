package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.DefinitionLimits;
import dev.gracefulworker.contract.HeartbeatBudget;
import dev.gracefulworker.contract.HistoryBudget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.gracefulworker.statemachine.WorkflowStates.*;

/**
 * Counts a definition's {@link DefinitionLimits} from its states, every Task at its worst: each retrier's
 * {@code MaxAttempts} used, each attempt running into the task's {@code TimeoutSeconds}, each retry waiting its longest
 * backoff (full jitter only shortens it).
 *
 * <p>History: a Task costs 5 events (entered, scheduled, started, succeeded or failed, exited) and 3 more per retry
 * (scheduled, started, failed); any other state 2. The fixed part is the longest path from the start to an end state
 * (failure paths included, each state once) plus the execution's start and end; the per-iteration part is the costliest
 * cycle through "Wait before next check" or "Wait before retrying the cordon".
 */
public final class DefinitionLimitsCounter {

    /** ExecutionStarted and the one event that ends the execution. */
    private static final int EXECUTION_EVENTS = 2;
    private static final int NO_END = -1;

    private DefinitionLimitsCounter() {
    }

    /** The limits of the workflow's definition. */
    public static DefinitionLimits count(String startAt, Map<String, JsonNode> states) {
        // both outage loops count into the same outage budget, so a round of either is one "poll iteration"
        return new DefinitionLimits(
                historyBudget(startAt, states, WAIT_BEFORE_NEXT_CHECK, WAIT_BEFORE_RETRYING_THE_CORDON),
                heartbeatBudget(states));
    }

    /** The limits of the workflow's whole Amazon States Language definition. */
    public static DefinitionLimits count(JsonNode definition) {
        return count(definition.path("StartAt").asText(), statesOf(definition));
    }

    /** The history budget of any definition whose poll loops go through {@code loopStates}: the costliest of them. */
    public static HistoryBudget historyBudget(String startAt, Map<String, JsonNode> states, String... loopStates) {
        int fixed = EXECUTION_EVENTS + longestPathEvents(startAt, states, new HashSet<>());
        int perIteration = 0;
        for (String loopState : loopStates) {
            int cycle = costliestCycleEvents(loopState, loopState, states, new HashSet<>(), 0);
            if (cycle <= 0) {
                throw new IllegalArgumentException("No cycle goes through '" + loopState + "'");
            }
            perIteration = Math.max(perIteration, cycle);
        }
        return new HistoryBudget(fixed, perIteration);
    }

    /** The states of a definition, by name, in definition order. */
    public static Map<String, JsonNode> statesOf(JsonNode definition) {
        var states = new LinkedHashMap<String, JsonNode>();
        definition.path("States").properties().forEach(entry -> states.put(entry.getKey(), entry.getValue()));
        return states;
    }

    /** The longest a Task can take, all attempts: (1 + retries) x TimeoutSeconds + the longest backoffs. */
    public static int worstCaseSeconds(String name, Map<String, JsonNode> states) {
        JsonNode task = state(name, states);
        int timeout = task.path("TimeoutSeconds").asInt(0);
        if (!"Task".equals(task.path("Type").asText()) || timeout <= 0) {
            throw new IllegalArgumentException("'" + name + "' is not a Task with TimeoutSeconds");
        }
        long seconds = (long) (1 + retries(task)) * timeout;
        for (JsonNode retrier : task.path("Retry")) {
            double interval = retrier.path("IntervalSeconds").asDouble(1);
            double backoff = retrier.path("BackoffRate").asDouble(2);
            double cap = retrier.path("MaxDelaySeconds").asDouble(Double.MAX_VALUE);
            for (int attempt = 0; attempt < retrier.path("MaxAttempts").asInt(3); attempt++) {
                seconds += (long) Math.ceil(Math.min(cap, interval * Math.pow(backoff, attempt)));
            }
        }
        return Math.toIntExact(seconds);
    }

    private static HeartbeatBudget heartbeatBudget(Map<String, JsonNode> states) {
        int check = worstCaseSeconds(CHECK_PODS, states);
        int heartbeatCall = worstCaseSeconds(KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK, states);
        int untilFirstHeartbeat = worstCaseSeconds(APPLY_PER_GROUP_OVERRIDES, states)
                + worstCaseSeconds(CHECK_INSTANCE_AND_NODE, states) + worstCaseSeconds(KEEP_THE_HOOK_ALIVE, states);
        int untilFirstCheck = worstCaseSeconds(CORDON_NODE, states) + check + heartbeatCall;
        return new HeartbeatBudget(untilFirstHeartbeat, untilFirstCheck, check, heartbeatCall);
    }

    /** Events on the longest path from {@code name} to an end state, or {@value #NO_END} if every path loops. */
    private static int longestPathEvents(String name, Map<String, JsonNode> states, Set<String> onPath) {
        JsonNode state = state(name, states);
        onPath.add(name);
        int longestTail = isEnd(state) ? 0 : NO_END;
        for (String next : successors(state)) {
            if (!onPath.contains(next)) {
                longestTail = Math.max(longestTail, longestPathEvents(next, states, onPath));
            }
        }
        onPath.remove(name);
        return longestTail == NO_END ? NO_END : eventsOf(name, state) + longestTail;
    }

    /** Events of the costliest simple cycle from {@code name} back to {@code loopState}; 0 if none. */
    private static int costliestCycleEvents(String name, String loopState, Map<String, JsonNode> states,
                                            Set<String> onPath, int depth) {
        JsonNode state = state(name, states);
        onPath.add(name);
        int costliest = 0;
        for (String next : successors(state)) {
            if (next.equals(loopState) && depth >= 0) {
                costliest = Math.max(costliest, eventsOf(name, state));
            } else if (!onPath.contains(next)) {
                int tail = costliestCycleEvents(next, loopState, states, onPath, depth + 1);
                if (tail > 0) {
                    costliest = Math.max(costliest, eventsOf(name, state) + tail);
                }
            }
        }
        onPath.remove(name);
        return costliest;
    }

    private static List<String> successors(JsonNode state) {
        var next = new ArrayList<String>();
        state.path("Choices").forEach(choice -> next.add(choice.path("Next").asText()));
        state.path("Catch").forEach(katch -> next.add(katch.path("Next").asText()));
        for (String field : List.of("Next", "Default")) {
            if (state.hasNonNull(field)) {
                next.add(state.get(field).asText());
            }
        }
        return next;
    }

    private static boolean isEnd(JsonNode state) {
        String type = state.path("Type").asText();
        return type.equals("Succeed") || type.equals("Fail") || state.path("End").asBoolean(false);
    }

    private static int retries(JsonNode task) {
        int retries = 0;
        for (JsonNode retrier : task.path("Retry")) {
            retries += retrier.path("MaxAttempts").asInt(3);
        }
        return retries;
    }

    private static int eventsOf(String name, JsonNode state) {
        return switch (state.path("Type").asText()) {
            case "Task" -> 5 + 3 * retries(state);
            // FailStateEntered alone for Fail; counted as 2 to stay an upper bound whatever the console adds
            case "Pass", "Choice", "Wait", "Succeed", "Fail" -> 2;
            default -> throw new IllegalArgumentException(
                    "State '" + name + "' has a type the history budget does not count: " + state.path("Type"));
        };
    }

    private static JsonNode state(String name, Map<String, JsonNode> states) {
        JsonNode state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("The definition has no state named '" + name + "'");
        }
        return state;
    }
}
