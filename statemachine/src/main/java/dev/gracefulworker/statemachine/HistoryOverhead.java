package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.HistoryBudget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts a definition's {@link HistoryBudget#fixedEvents() fixed history events}: the longest path from the start
 * state to an end state (failure paths included, each state visited once), plus the execution's own start and end
 * events. The poll loop's repetitions are the budget's per-iteration part. Retries of transient errors are not
 * counted: they are rare and each costs a handful of events, which the margin below the limit absorbs.
 */
public final class HistoryOverhead {

    /** ExecutionStarted and the one event that ends the execution. */
    private static final int EXECUTION_EVENTS = 2;
    private static final int NO_END = -1;

    private HistoryOverhead() {
    }

    /**
     * The budget of a definition.
     *
     * @param startAt the definition's {@code StartAt}
     * @param states  the definition's {@code States}, by name
     */
    public static HistoryBudget of(String startAt, Map<String, JsonNode> states) {
        return new HistoryBudget(EXECUTION_EVENTS + longestPathEvents(startAt, states, new HashSet<>()));
    }

    /** The budget of a whole Amazon States Language definition. */
    public static HistoryBudget of(JsonNode definition) {
        var states = new LinkedHashMap<String, JsonNode>();
        definition.path("States").properties().forEach(entry -> states.put(entry.getKey(), entry.getValue()));
        return of(definition.path("StartAt").asText(), states);
    }

    /** Events of one pass through {@code loop}, the states of a cycle in the definition. */
    public static int loopEvents(List<String> loop, Map<String, JsonNode> states) {
        return loop.stream().mapToInt(name -> eventsOf(name, states.get(name))).sum();
    }

    /** Events on the longest path from {@code name} to an end state, or {@value #NO_END} if every path loops. */
    private static int longestPathEvents(String name, Map<String, JsonNode> states, Set<String> onPath) {
        JsonNode state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("The definition has no state named '" + name + "'");
        }
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

    private static int eventsOf(String name, JsonNode state) {
        if (state == null) {
            throw new IllegalArgumentException("The definition has no state named '" + name + "'");
        }
        return switch (state.path("Type").asText()) {
            case "Task" -> 5;
            case "Pass", "Choice", "Wait", "Succeed" -> 2;
            // FailStateEntered; counted as 2 to stay an upper bound whatever the console adds
            case "Fail" -> 2;
            default -> throw new IllegalArgumentException(
                    "State '" + name + "' has a type the history budget does not count: " + state.path("Type"));
        };
    }
}
