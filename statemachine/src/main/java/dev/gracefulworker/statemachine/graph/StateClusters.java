package dev.gracefulworker.statemachine.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The boxes the picture draws around states, found from the graph's shape rather than from state names, so a changed
 * definition is grouped the same way: the failure path (states reached only through a Catch), each loop (states that
 * reach each other, like the poll loop), and Tasks that call the same function and go on to the same state (the
 * alternative completions).
 */
public record StateClusters(List<Cluster> clusters) {

    public StateClusters {
        clusters = List.copyOf(clusters);
    }

    /** One box: its kind, its caption and its states in definition order. */
    public record Cluster(Kind kind, String label, List<String> states) {

        public Cluster {
            states = List.copyOf(states);
        }
    }

    /** Why states are boxed together. */
    public enum Kind { LOOP, ALTERNATIVES, FAILURE_PATH }

    /** The clusters of a graph: loops first, then alternatives, then the failure path. */
    public static StateClusters of(StateGraph graph) {
        Map<String, List<String>> next = successors(graph);
        Set<String> normalPath = reachable(graph.startAt(), next);
        var clusters = new ArrayList<Cluster>();
        var inLoop = new HashSet<String>();
        for (GraphState state : graph.states()) {
            if (!normalPath.contains(state.name()) || inLoop.contains(state.name())) {
                continue;
            }
            List<String> loop = loopThrough(state.name(), graph, next);
            if (loop.size() > 1) {
                inLoop.addAll(loop);
                clusters.add(new Cluster(Kind.LOOP, loopLabel(loop, graph, next), loop));
            }
        }
        clusters.addAll(alternatives(graph, normalPath, inLoop));
        List<String> failurePath = graph.states().stream().map(GraphState::name)
                .filter(name -> !normalPath.contains(name)).toList();
        if (!failurePath.isEmpty()) {
            clusters.add(new Cluster(Kind.FAILURE_PATH, "failure path: after a Catch (dashed)", failurePath));
        }
        return new StateClusters(clusters);
    }

    /** The cluster holding the state, if any. */
    public Optional<Cluster> clusterOf(String stateName) {
        return clusters.stream().filter(cluster -> cluster.states().contains(stateName)).findFirst();
    }

    /** Without Catch arrows: what an execution does when nothing fails. */
    private static Map<String, List<String>> successors(StateGraph graph) {
        Map<String, List<String>> next = new LinkedHashMap<>();
        graph.states().forEach(state -> next.put(state.name(), new ArrayList<>()));
        graph.transitions().stream().filter(transition -> !transition.isCatch())
                .forEach(transition -> next.computeIfAbsent(transition.from(), from -> new ArrayList<>())
                        .add(transition.to()));
        return next;
    }

    private static Set<String> reachable(String from, Map<String, List<String>> next) {
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<String>(List.of(from));
        while (!queue.isEmpty()) {
            String state = queue.poll();
            if (seen.add(state)) {
                queue.addAll(next.getOrDefault(state, List.of()));
            }
        }
        return seen;
    }

    /** The states that reach this one and are reached from it, in definition order (empty if it is in no loop). */
    private static List<String> loopThrough(String state, StateGraph graph, Map<String, List<String>> next) {
        Set<String> ahead = new HashSet<>();
        next.getOrDefault(state, List.of()).forEach(successor -> ahead.addAll(reachable(successor, next)));
        if (!ahead.contains(state)) {
            return List.of();
        }
        return graph.states().stream().map(GraphState::name)
                .filter(other -> ahead.contains(other) && reachable(other, next).contains(state))
                .toList();
    }

    /** "loop until Done waiting?": the Choice that leaves the loop names its condition. */
    private static String loopLabel(List<String> loop, StateGraph graph, Map<String, List<String>> next) {
        return loop.stream()
                .filter(name -> graph.state(name).map(state -> state.type().equals("Choice")).orElse(false))
                .filter(name -> next.getOrDefault(name, List.of()).stream().anyMatch(to -> !loop.contains(to)))
                .findFirst()
                .map(choice -> "loop until " + choice)
                .orElse("loop");
    }

    private static List<Cluster> alternatives(StateGraph graph, Set<String> normalPath, Set<String> inLoop) {
        Map<String, List<String>> byFunctionAndNext = new LinkedHashMap<>();
        for (GraphState state : graph.states()) {
            if (!normalPath.contains(state.name()) || inLoop.contains(state.name()) || state.functionName().isEmpty()) {
                continue;
            }
            graph.transitions().stream()
                    .filter(transition -> transition.from().equals(state.name())
                            && transition.kind() == Transition.Kind.NEXT)
                    .findFirst()
                    .ifPresent(onward -> byFunctionAndNext.computeIfAbsent(
                            state.functionName().get() + "\u0000" + onward.to(), key -> new ArrayList<>())
                            .add(state.name()));
        }
        return byFunctionAndNext.entrySet().stream()
                .filter(group -> group.getValue().size() > 1)
                .map(group -> new Cluster(Kind.ALTERNATIVES, group.getKey().substring(0, group.getKey().indexOf('\u0000')),
                        group.getValue()))
                .toList();
    }
}
