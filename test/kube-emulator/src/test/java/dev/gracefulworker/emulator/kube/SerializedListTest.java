package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializedListTest {

    @Test
    void preSerializedItems_giveTheSameBytesAsSerializingTheTree() throws Exception {
        ObjectNode a = Json.object().put("name", "a");
        a.putObject("metadata").put("labels", "ünïcode");
        ObjectNode b = Json.object().put("name", "b");
        SerializedList list = new SerializedList("v1", "PodList", "42", List.of(a, b),
                List.of(Json.MAPPER.writeValueAsBytes(a), Json.MAPPER.writeValueAsBytes(b)));

        assertThat(list.json()).isEqualTo(Json.MAPPER.writeValueAsBytes(list.tree()));
    }

    @Test
    void emptyList_isAnEmptyItemsArray() throws Exception {
        SerializedList list = new SerializedList("v1", "PodList", "7", List.of(), List.of());

        assertThat(new String(list.json(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"7\"},\"items\":[]}");
        assertThat(list.json()).isEqualTo(Json.MAPPER.writeValueAsBytes(list.tree()));
    }
}
