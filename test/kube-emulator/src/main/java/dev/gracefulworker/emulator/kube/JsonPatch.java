package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** RFC 6902 JSON patch ({@code application/json-patch+json}): add, remove, replace, move, copy, test. */
final class JsonPatch {
    private JsonPatch() {}

    /** Applies the operations in order; a failed {@code test} or a bad path rejects the whole patch. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isArray()) {
            throw ApiError.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        }
        JsonNode doc = target.deepCopy();
        for (JsonNode op : patch) {
            doc = applyOne(doc, op);
        }
        return doc;
    }

    private static JsonNode applyOne(JsonNode doc, JsonNode op) {
        String name = op.path("op").asText("");
        String path = required(op, "path");
        return switch (name) {
            case "add" -> add(doc, path, value(op));
            case "remove" -> remove(doc, path);
            case "replace" -> {
                get(doc, path);
                yield add(remove(doc, path), path, value(op));
            }
            case "move" -> {
                String from = required(op, "from");
                JsonNode moved = get(doc, from);
                yield add(remove(doc, from), path, moved);
            }
            case "copy" -> add(doc, path, get(doc, required(op, "from")).deepCopy());
            case "test" -> {
                if (!get(doc, path).equals(value(op))) {
                    throw ApiError.patchNotApplicable("testing value " + path + " failed: test failed");
                }
                yield doc;
            }
            default -> throw ApiError.badRequest("Unexpected kind: " + name);
        };
    }

    private static String required(JsonNode op, String field) {
        JsonNode v = op.get(field);
        if (v == null || !v.isTextual()) {
            throw ApiError.badRequest("operation missing \"" + field + "\" field: " + op);
        }
        return v.asText();
    }

    private static JsonNode value(JsonNode op) {
        JsonNode v = op.get("value");
        if (v == null) {
            throw ApiError.badRequest("operation missing \"value\" field: " + op);
        }
        return v.deepCopy();
    }

    private static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw ApiError.badRequest("JSON pointer must start with '/': " + pointer);
        }
        List<String> tokens = new ArrayList<>();
        for (String t : pointer.substring(1).split("/", -1)) {
            tokens.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode get(JsonNode doc, String pointer) {
        JsonNode node = doc;
        for (String t : tokens(pointer)) {
            node = node.isArray() ? node.get(index(t, node.size() - 1, pointer)) : node.get(t);
            if (node == null) {
                throw missing(pointer);
            }
        }
        return node;
    }

    private static JsonNode add(JsonNode doc, String pointer, JsonNode value) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            return value;
        }
        JsonNode parent = get(doc, parentOf(pointer));
        String last = tokens.getLast();
        switch (parent) {
            case ObjectNode o -> o.set(last, value);
            case ArrayNode a -> {
                if (last.equals("-")) {
                    a.add(value);
                } else {
                    a.insert(index(last, a.size(), pointer), value);
                }
            }
            default -> throw missing(pointer);
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, String pointer) {
        List<String> tokens = tokens(pointer);
        if (tokens.isEmpty()) {
            throw ApiError.badRequest("cannot remove the whole document");
        }
        JsonNode parent = get(doc, parentOf(pointer));
        String last = tokens.getLast();
        switch (parent) {
            case ObjectNode o -> {
                if (o.remove(last) == null) {
                    throw missing(pointer);
                }
            }
            case ArrayNode a -> a.remove(index(last, a.size() - 1, pointer));
            default -> throw missing(pointer);
        }
        return doc;
    }

    private static String parentOf(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static int index(String token, int max, String pointer) {
        try {
            int i = Integer.parseInt(token);
            if (i < 0 || i > max) {
                throw missing(pointer);
            }
            return i;
        } catch (NumberFormatException e) {
            throw missing(pointer);
        }
    }

    private static ApiError missing(String pointer) {
        return ApiError.patchNotApplicable("doc is missing path: \"" + pointer + "\": missing value");
    }
}
