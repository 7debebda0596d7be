package dev.gracefulworker.statemachine.graph;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one execution did, as the graph highlights it: how many times each state was entered, the arrows it took, the
 * errors its Catch clauses caught, and the state where it failed.
 *
 * @param timesEntered by state name; a state never entered is absent
 * @param taken        the arrows taken, as (from, to) pairs
 * @param caught       by state name: the error a Catch caught there
 * @param failure      where the execution failed, if it did
 */
public record ExecutionPath(Map<String, Integer> timesEntered, Set<Step> taken, Map<String, String> caught,
                            Optional<Failure> failure) {

    /** No execution: the plain picture of the definition. */
    public static final ExecutionPath NONE = new ExecutionPath(Map.of(), Set.of(), Map.of(), Optional.empty());

    public ExecutionPath {
        timesEntered = Map.copyOf(timesEntered);
        taken = Set.copyOf(taken);
        caught = Map.copyOf(caught);
    }

    /** An arrow an execution took. */
    public record Step(String from, String to) {
    }

    /** The state the execution failed in, with the execution's error and cause. */
    public record Failure(String stateName, String error, String cause) {
    }

    /** The path of states entered in this order, in one execution (each consecutive pair is a step taken). */
    public static ExecutionPath of(List<String> statesEntered, Map<String, String> caught, Optional<Failure> failure) {
        var times = new LinkedHashMap<String, Integer>();
        statesEntered.forEach(state -> times.merge(state, 1, Integer::sum));
        var steps = new HashSet<Step>();
        for (int i = 1; i < statesEntered.size(); i++) {
            steps.add(new Step(statesEntered.get(i - 1), statesEntered.get(i)));
        }
        return new ExecutionPath(times, steps, caught, failure);
    }

    /** Whether this describes an execution at all (the plain picture does not). */
    public boolean isExecution() {
        return !timesEntered.isEmpty();
    }

    /** How many times the state was entered (0 if never). */
    public int timesEntered(String stateName) {
        return timesEntered.getOrDefault(stateName, 0);
    }
}
