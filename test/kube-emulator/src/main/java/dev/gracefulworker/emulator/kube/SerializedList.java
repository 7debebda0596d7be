package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A list answer whose items are already serialized (each stored pod keeps its JSON until it changes), so listing one
 * node's pods copies bytes instead of walking a tree: the hot path of every poll.
 */
record SerializedList(String apiVersion, String kind, String resourceVersion, List<ObjectNode> items,
                      List<byte[]> serializedItems) {

    /** The list as JSON, byte for byte what serializing {@link #tree()} gives. */
    byte[] json() {
        int size = serializedItems.stream().mapToInt(b -> b.length + 1).sum();
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 128);
        out.writeBytes(("{\"kind\":\"" + kind + "\",\"apiVersion\":\"" + apiVersion
                + "\",\"metadata\":{\"resourceVersion\":\"" + resourceVersion + "\"},\"items\":[")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < serializedItems.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(serializedItems.get(i));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The list as a JSON tree (for server-side printing and for callers that inspect it). */
    ObjectNode tree() {
        ObjectNode list = Json.object().put("kind", kind).put("apiVersion", apiVersion);
        list.putObject("metadata").put("resourceVersion", resourceVersion);
        items.forEach(list.putArray("items")::add);
        return list;
    }
}
