package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the API server's Go structs do on output ({@code omitempty}): nulls, empty lists and empty maps are not written,
 * and neither is a false {@code spec.unschedulable}. So a patch that sets {@code "taints": []} reads back without taints.
 * The top-level {@code metadata}, {@code spec} and {@code status} are always written.
 */
final class OmitEmpty {
    private OmitEmpty() {}

    static ObjectNode node(ObjectNode node) {
        node.properties().forEach(e -> {
            if (e.getValue() instanceof ObjectNode child) {
                prune(child);
            }
        });
        if (node.path("spec") instanceof ObjectNode spec && spec.path("unschedulable").isBoolean()
                && !spec.get("unschedulable").asBoolean()) {
            spec.remove("unschedulable");
        }
        return node;
    }

    private static void prune(ObjectNode object) {
        object.properties().removeIf(e -> {
            JsonNode value = e.getValue();
            if (value instanceof ObjectNode child) {
                prune(child);
            } else if (value.isArray()) {
                value.forEach(element -> {
                    if (element instanceof ObjectNode o) {
                        prune(o);
                    }
                });
            }
            return value.isNull() || (value.isContainerNode() && value.isEmpty());
        });
    }
}
