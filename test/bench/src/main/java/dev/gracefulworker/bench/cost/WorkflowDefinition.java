package dev.gracefulworker.bench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The states of an exported Amazon States Language definition, as far as cost and history are concerned. */
public record WorkflowDefinition(String startAt, Map<String, State> states) {

    /** One state: its type, where it can go next, and whether it invokes a Lambda function. */
    public record State(String name, String type, List<String> successors, boolean invokesLambda) {

        public State {
            successors = List.copyOf(successors);
        }
    }

    public WorkflowDefinition {
        states = Map.copyOf(states);
    }

    public static WorkflowDefinition load(Path aslJson) {
        try {
            return parse(Files.readString(aslJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exported definition " + aslJson, e);
        }
    }

    public static WorkflowDefinition parse(String aslJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(aslJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON state machine definition: " + e.getMessage(), e);
        }
        Map<String, State> states = new LinkedHashMap<>();
        root.path("States").properties().forEach(entry -> states.put(entry.getKey(), state(entry.getKey(), entry.getValue())));
        if (states.isEmpty()) {
            throw new IllegalArgumentException("the definition has no States");
        }
        return new WorkflowDefinition(root.path("StartAt").asText(), states);
    }

    /** The state called {@code name}, or an error naming it. */
    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("the definition has no state named '" + name + "'");
        }
        return state;
    }

    private static State state(String name, JsonNode node) {
        List<String> successors = new ArrayList<>();
        node.path("Choices").forEach(choice -> successors.add(choice.path("Next").asText()));
        for (String field : List.of("Next", "Default")) {
            if (node.hasNonNull(field)) {
                successors.add(node.get(field).asText());
            }
        }
        node.path("Catch").forEach(katch -> successors.add(katch.path("Next").asText()));
        return new State(name, node.path("Type").asText(), successors, invokesLambda(node));
    }

    /** A Task whose resource is a function ARN (direct) or the lambda:invoke integration. */
    private static boolean invokesLambda(JsonNode node) {
        String resource = node.path("Resource").asText("");
        return "Task".equals(node.path("Type").asText())
                && (resource.startsWith("arn:aws:lambda:") || resource.startsWith("arn:aws:states:::lambda:invoke"));
    }
}
