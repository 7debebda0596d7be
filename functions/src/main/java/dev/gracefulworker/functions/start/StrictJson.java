package dev.gracefulworker.functions.start;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * Reads text that must be exactly one JSON value: nothing after it, no key twice in an object. A lenient reader
 * would start an execution with {@code {…}xyz} as its input, or let the last of two {@code EC2InstanceId}s name it.
 * Its own mapper: the task handlers' {@code Json.mapper()} stays as lenient as the state machine's payloads need.
 */
final class StrictJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Reads only the first value, duplicates allowed: to tell what the strict reader objected to. */
    private static final ObjectMapper LENIENT = new ObjectMapper();

    private StrictJson() {}

    /** Why a text is not exactly one JSON value, worded to follow the name of what held it ("Message …"). */
    static final class Rejection extends Exception {
        Rejection(String problem) {
            super(problem, null, false, false);
        }
    }

    /** The one JSON value {@code text} holds. */
    static JsonNode read(String text) throws Rejection {
        if (text.isBlank()) {
            throw new Rejection("is empty");
        }
        try {
            return STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Rejection(problem(text, e));
        }
    }

    /**
     * Jackson names the token it stopped at ("Unrecognized token 'xyz'"), which reads as if the text were not JSON
     * at all. Where the first value reads fine without the strict rules, the failure tells which rule was broken:
     * before that value's end only a repeated key can fail, at or after it only trailing data.
     */
    private static String problem(String text, JsonProcessingException e) {
        OptionalLong end = endOfFirstValue(text);
        if (end.isEmpty() || e.getLocation() == null) {
            return "is not JSON: " + e.getOriginalMessage();
        }
        if (e.getLocation().getCharOffset() < end.getAsLong()) {
            String key = keyBeingRead(e);
            return key == null ? "has a key twice: " + e.getOriginalMessage() : "has the key '" + key + "' twice";
        }
        return "has data after its JSON value (from character " + end.getAsLong() + ")";
    }

    /** The parser stopped right after the repeated key's name. */
    private static String keyBeingRead(JsonProcessingException e) {
        try {
            return e.getProcessor() instanceof JsonParser parser ? parser.currentName() : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static OptionalLong endOfFirstValue(String text) {
        try (JsonParser parser = LENIENT.createParser(text)) {
            LENIENT.readTree(parser);
            return OptionalLong.of(parser.currentLocation().getCharOffset());
        } catch (JsonProcessingException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            // a String source has no I/O to fail
            throw new UncheckedIOException(e);
        }
    }
}
