package dev.gracefulworker.e2e.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the runner reads from the definition it executes (never a copy of it): each state's type, where its result goes,
 * how long a Wait nominally lasts, and the deployed settings a Pass state renders.
 */
public record WorkflowDefinition(Path file, Map<String, JsonNode> states) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public WorkflowDefinition {
        states = Map.copyOf(states);
    }

    /** Reads an ASL file. */
    public static WorkflowDefinition read(Path file) {
        try {
            JsonNode definition = JSON.readTree(file.toFile());
            Map<String, JsonNode> states = new LinkedHashMap<>();
            definition.path("States").properties().forEach(state -> states.put(state.getKey(), state.getValue()));
            if (states.isEmpty()) {
                throw new IllegalArgumentException(file + " has no States: not a state machine definition");
            }
            return new WorkflowDefinition(file, states);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the definition " + file, e);
        }
    }

    /** The state's {@code Type}, or an empty string for a state this definition does not have. */
    public String typeOf(String stateName) {
        return state(stateName).path("Type").asText("");
    }

    /** Where the state writes its result in the execution state ({@code $.poll} → {@code /poll}); empty for the whole state. */
    public Optional<String> resultPointer(String stateName) {
        JsonNode resultPath = state(stateName).get("ResultPath");
        return resultPath == null || !resultPath.isTextual() || resultPath.asText().equals("$")
                ? Optional.empty()
                : Optional.of(pointer(resultPath.asText()));
    }

    /** The {@code Resource} of a Task state (a Lambda function ARN here), or empty for other states. */
    public Optional<String> resource(String stateName) {
        JsonNode resource = state(stateName).get("Resource");
        return resource != null && resource.isTextual() ? Optional.of(resource.asText()) : Optional.empty();
    }

    /** How long a Wait state would pause in AWS for this input ({@code Seconds} or {@code SecondsPath}). */
    public OptionalLong nominalWaitSeconds(String stateName, JsonNode input) {
        JsonNode state = state(stateName);
        if (state.has("Seconds")) {
            return OptionalLong.of(state.get("Seconds").asLong());
        }
        if (state.has("SecondsPath")) {
            JsonNode seconds = input.at(pointer(state.get("SecondsPath").asText()));
            return seconds.isNumber() ? OptionalLong.of(seconds.asLong()) : OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** The {@code Result} of a Pass state, e.g. the deployed settings rendered at synth. */
    public Optional<ObjectNode> passResult(String stateName) {
        return state(stateName).get("Result") instanceof ObjectNode result ? Optional.of(result.deepCopy()) : Optional.empty();
    }

    private JsonNode state(String stateName) {
        return states.getOrDefault(stateName, JSON.missingNode());
    }

    /** A reference path made only of field names ({@code $.a.b}) as a JSON pointer ({@code /a/b}). */
    static String pointer(String referencePath) {
        if (!referencePath.startsWith("$.") || referencePath.contains("[")) {
            throw new IllegalArgumentException("only simple paths like $.a.b are read here, not " + referencePath);
        }
        return "/" + referencePath.substring(2).replace('.', '/');
    }
}
