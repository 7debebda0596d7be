package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes strategic merge patch ({@code application/strategic-merge-patch+json}) for the Node schema: a merge
 * patch in which lists declared with a merge key merge element by element, and the {@code $patch},
 * {@code $retainKeys}, {@code $deleteFromPrimitiveList/} and {@code $setElementOrder/} directives apply.
 * Lists without a patch strategy (such as {@code spec.taints}) are replaced whole, as on the real server.
 */
final class StrategicMergePatch {
    /** Node fields with {@code patchStrategy:"merge"} and their {@code patchMergeKey}. */
    static final Map<String, String> NODE_MERGE_KEYS = Map.of(
            "metadata.ownerReferences", "uid",
            "status.conditions", "type",
            "status.addresses", "type",
            "status.volumesAttached", "name");
    /** Node lists of scalars with {@code patchStrategy:"merge"}: the patch's values are added to the existing ones. */
    static final Set<String> NODE_MERGED_SCALAR_LISTS = Set.of("metadata.finalizers");

    private static final String DIRECTIVE = "$patch";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";
    private static final String SET_ELEMENT_ORDER = "$setElementOrder/";

    private final Map<String, String> mergeKeys;
    private final Set<String> mergedScalarLists;

    StrategicMergePatch(Map<String, String> mergeKeys, Set<String> mergedScalarLists) {
        this.mergeKeys = mergeKeys;
        this.mergedScalarLists = mergedScalarLists;
    }

    static StrategicMergePatch forNodes() {
        return new StrategicMergePatch(NODE_MERGE_KEYS, NODE_MERGED_SCALAR_LISTS);
    }

    JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            throw ApiError.badRequest("a strategic merge patch must be a JSON object");
        }
        JsonNode merged = mergeObject(((ObjectNode) target).deepCopy(), (ObjectNode) patch, "");
        return merged == null ? Json.object() : merged;
    }

    /** Returns the merged object, or null when the patch deletes it ({@code $patch: delete}). */
    private ObjectNode mergeObject(ObjectNode original, ObjectNode patch, String path) {
        String directive = patch.path(DIRECTIVE).asText(null);
        if ("delete".equals(directive)) {
            return null;
        }
        if ("replace".equals(directive)) {
            return withoutDirectives(patch);
        }
        if (directive != null && !"merge".equals(directive)) {
            throw ApiError.badRequest("Unknown patch type: " + directive);
        }
        for (var entry : patch.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                deleteFromList(original, key.substring(DELETE_FROM_PRIMITIVE_LIST.length()), value);
            } else if (!key.startsWith("$")) {
                mergeField(original, key, value, path.isEmpty() ? key : path + "." + key);
            }
        }
        JsonNode retain = patch.get(RETAIN_KEYS);
        if (retain != null && retain.isArray()) {
            Set<String> kept = new HashSet<>();
            retain.forEach(k -> kept.add(k.asText()));
            original.properties().removeIf(e -> !kept.contains(e.getKey()));
        }
        return original;
    }

    private void mergeField(ObjectNode original, String key, JsonNode value, String path) {
        JsonNode current = original.get(key);
        if (value.isNull()) {
            original.remove(key);
        } else if (value instanceof ObjectNode patchObject) {
            ObjectNode base = current instanceof ObjectNode o ? o : Json.object();
            ObjectNode merged = mergeObject(base, patchObject, path);
            if (merged == null) {
                original.remove(key);
            } else {
                original.set(key, merged);
            }
        } else if (value instanceof ArrayNode patchList) {
            ArrayNode base = current instanceof ArrayNode a ? a : Json.array();
            String mergeKey = mergeKeys.get(path);
            if (mergeKey != null) {
                original.set(key, mergeList(base, patchList, mergeKey, path));
            } else if (mergedScalarLists.contains(path)) {
                original.set(key, union(base, patchList));
            } else {
                original.set(key, withoutDirectiveElements(patchList));
            }
        } else {
            original.set(key, value.deepCopy());
        }
    }

    private ArrayNode mergeList(ArrayNode original, ArrayNode patch, String mergeKey, String path) {
        for (JsonNode element : patch) {
            if ("replace".equals(element.path(DIRECTIVE).asText(null))) {
                return withoutDirectiveElements(patch);
            }
        }
        List<JsonNode> result = new ArrayList<>();
        original.forEach(result::add);
        for (JsonNode element : patch) {
            if (!(element instanceof ObjectNode patchElement) || !patchElement.has(mergeKey)) {
                throw ApiError.badRequest("map: " + element + " does not contain declared merge key: " + mergeKey);
            }
            JsonNode keyValue = patchElement.get(mergeKey);
            int at = indexOf(result, mergeKey, keyValue);
            if ("delete".equals(patchElement.path(DIRECTIVE).asText(null))) {
                result.removeIf(e -> keyValue.equals(e.get(mergeKey)));
            } else if (at >= 0) {
                result.set(at, mergeObject(((ObjectNode) result.get(at)).deepCopy(), patchElement, path));
            } else {
                result.add(withoutDirectives(patchElement));
            }
        }
        ArrayNode merged = Json.array();
        result.forEach(merged::add);
        return merged;
    }

    private static int indexOf(List<JsonNode> elements, String mergeKey, JsonNode keyValue) {
        for (int i = 0; i < elements.size(); i++) {
            if (keyValue.equals(elements.get(i).get(mergeKey))) {
                return i;
            }
        }
        return -1;
    }

    private static ArrayNode union(ArrayNode original, ArrayNode patch) {
        ArrayNode result = original.deepCopy();
        for (JsonNode v : patch) {
            if (!contains(result, v)) {
                result.add(v.deepCopy());
            }
        }
        return result;
    }

    private static boolean contains(ArrayNode list, JsonNode value) {
        for (JsonNode e : list) {
            if (e.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void deleteFromList(ObjectNode original, String field, JsonNode values) {
        if (original.get(field) instanceof ArrayNode list && values.isArray()) {
            ArrayNode kept = Json.array();
            for (JsonNode e : list) {
                if (!contains((ArrayNode) values, e)) {
                    kept.add(e);
                }
            }
            original.set(field, kept);
        }
    }

    private static ObjectNode withoutDirectives(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        copy.properties().removeIf(e -> e.getKey().startsWith("$"));
        return copy;
    }

    private static ArrayNode withoutDirectiveElements(ArrayNode list) {
        ArrayNode copy = Json.array();
        for (JsonNode e : list) {
            if (!e.has(DIRECTIVE)) {
                copy.add(e.deepCopy());
            }
        }
        return copy;
    }
}
