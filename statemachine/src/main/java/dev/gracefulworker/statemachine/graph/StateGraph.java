package dev.gracefulworker.statemachine.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The states and arrows of an Amazon States Language definition, read from the definition itself (top-level states;
 * a Map or Parallel state is one node). States come in flow order: breadth first from {@code StartAt} along the
 * arrows an execution takes when nothing fails, then the states only a Catch reaches. Graphviz lays a graph out in
 * the order it reads it, so this order makes a loop's arrow back (Wait → Check pods) the one drawn upwards, and the
 * same definition always renders the same.
 */
public record StateGraph(String startAt, List<GraphState> states, List<Transition> transitions) {

    private static final String FUNCTION_SEGMENT = ":function:";

    public StateGraph {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
    }

    /** Reads the graph of a definition ({@code StartAt}, {@code States}). */
    public static StateGraph of(JsonNode definition) {
        JsonNode statesNode = definition.path("States");
        if (!statesNode.isObject() || statesNode.isEmpty()) {
            throw new IllegalArgumentException("the definition has no States: not a state machine definition");
        }
        var states = new ArrayList<GraphState>();
        var transitions = new ArrayList<Transition>();
        statesNode.properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode state = entry.getValue();
            String type = state.path("Type").asText();
            states.add(new GraphState(name, type, functionName(state),
                    state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail")));
            transitions.addAll(transitionsOf(name, state));
        });
        String startAt = definition.path("StartAt").asText();
        List<String> order = flowOrder(startAt, states, transitions);
        states.sort(Comparator.comparingInt(state -> order.indexOf(state.name())));
        transitions.sort(Comparator.comparingInt(transition -> order.indexOf(transition.from())));
        return new StateGraph(startAt, states, transitions);
    }

    /** The named state, if the definition has it. */
    public Optional<GraphState> state(String name) {
        return states.stream().filter(state -> state.name().equals(name)).findFirst();
    }

    private static List<String> flowOrder(String startAt, List<GraphState> states, List<Transition> transitions) {
        var order = new ArrayList<String>();
        var queue = new ArrayDeque<String>(List.of(startAt));
        for (boolean viaCatch : new boolean[] {false, true}) {
            // the first round follows the arrows taken when nothing fails; the second continues from the Catch targets
            if (viaCatch) {
                transitions.stream().filter(Transition::isCatch).map(Transition::to).forEach(queue::add);
            }
            while (!queue.isEmpty()) {
                String state = queue.poll();
                if (order.contains(state)) {
                    continue;
                }
                order.add(state);
                transitions.stream().filter(transition -> transition.from().equals(state))
                        .filter(transition -> viaCatch || !transition.isCatch())
                        .map(Transition::to).forEach(queue::add);
            }
        }
        states.stream().map(GraphState::name).filter(name -> !order.contains(name)).forEach(order::add);
        return order;
    }

    private static List<Transition> transitionsOf(String name, JsonNode state) {
        var transitions = new ArrayList<Transition>();
        if (state.hasNonNull("Next")) {
            transitions.add(new Transition(name, state.get("Next").asText(), Transition.Kind.NEXT, ""));
        }
        state.path("Choices").forEach(rule -> transitions.add(
                new Transition(name, rule.path("Next").asText(), Transition.Kind.CHOICE, ChoiceRuleLabel.of(rule))));
        if (state.hasNonNull("Default")) {
            transitions.add(new Transition(name, state.get("Default").asText(), Transition.Kind.DEFAULT, "otherwise"));
        }
        state.path("Catch").forEach(catcher -> transitions.add(new Transition(name, catcher.path("Next").asText(),
                Transition.Kind.CATCH, "catch " + String.join(", ", catcher.path("ErrorEquals").valueStream()
                        .map(JsonNode::asText).toList()))));
        return transitions;
    }

    /** The function a Task invokes: its Lambda ARN's name ({@code …:function:gwt-check-pods:live} → gwt-check-pods). */
    private static Optional<String> functionName(JsonNode state) {
        String resource = state.path("Resource").asText("");
        String arn = resource.contains(FUNCTION_SEGMENT) ? resource
                : state.path("Parameters").path("FunctionName").asText(resource);
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        int function = arn.indexOf(FUNCTION_SEGMENT);
        if (function < 0) {
            return Optional.of(arn);
        }
        String nameAndAlias = arn.substring(function + FUNCTION_SEGMENT.length());
        int alias = nameAndAlias.indexOf(':');
        return Optional.of(alias < 0 ? nameAndAlias : nameAndAlias.substring(0, alias));
    }
}
