package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.emulator.kube.ApiCall.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NodesApiTest {
    private static final String SCENARIO = """
            nodes:
              - {name: node-1, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718", labels: {pool: batch}}
              - {name: node-2, unschedulable: true, ready: false}
            """;
    private static final String STRATEGIC = "application/strategic-merge-patch+json";
    @RegisterExtension
    final RunningEmulator running = new RunningEmulator(SCENARIO);
    private final KubeEmulator emulator = running.emulator;
    private final ApiCall api = running.api;

    private String resourceVersion(String node) {
        return emulator.node(node).orElseThrow().path("metadata").path("resourceVersion").asText();
    }

    @Test
    void node_isServedWithProviderIdHostnameLabelAndReadyCondition() {
        JsonNode node = api.get("/api/v1/nodes/node-1").body();

        assertThat(node.path("kind").asText()).isEqualTo("Node");
        assertThat(node.path("spec").path("providerID").asText()).isEqualTo("aws:///eu-west-1a/i-0a1b2c3d4e5f60718");
        assertThat(node.path("metadata").path("labels").path("kubernetes.io/hostname").asText()).isEqualTo("node-1");
        assertThat(node.path("metadata").path("labels").path("pool").asText()).isEqualTo("batch");
        assertThat(node.path("status").path("conditions").get(0).path("status").asText()).isEqualTo("True");
    }

    @Test
    void nodeList_filtersByFieldAndLabelSelectors() {
        Reply unschedulable = api.get("/api/v1/nodes?fieldSelector=spec.unschedulable%3Dtrue");
        Reply batch = api.get("/api/v1/nodes?labelSelector=pool%20in%20(batch,web)");

        assertThat(unschedulable.body().path("kind").asText()).isEqualTo("NodeList");
        assertThat(unschedulable.body().path("items")).hasSize(1);
        assertThat(unschedulable.body().path("items").get(0).path("metadata").path("name").asText()).isEqualTo("node-2");
        assertThat(batch.body().path("items").get(0).path("metadata").path("name").asText()).isEqualTo("node-1");
    }

    @Test
    void cordonAsKubectlSendsIt_setsUnschedulableAndAdvancesResourceVersion() {
        String before = resourceVersion("node-1");

        Reply reply = api.patch("/api/v1/nodes/node-1", STRATEGIC, "{\"spec\":{\"unschedulable\":true}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("spec").path("unschedulable").asBoolean()).isTrue();
        assertThat(Long.parseLong(resourceVersion("node-1"))).isGreaterThan(Long.parseLong(before));
    }

    @Test
    void uncordonAsKubectlSendsIt_removesTheField() {
        Reply reply = api.patch("/api/v1/nodes/node-2", STRATEGIC, "{\"spec\":{\"unschedulable\":null}}");

        assertThat(reply.body().path("spec").has("unschedulable")).isFalse();
    }

    @Test
    void patchThatChangesNothing_keepsTheResourceVersion() {
        String before = resourceVersion("node-2");

        api.patch("/api/v1/nodes/node-2", "application/merge-patch+json", "{\"spec\":{\"unschedulable\":true}}");

        assertThat(resourceVersion("node-2")).isEqualTo(before);
    }

    @Test
    void jsonPatch_addsATaintAndAnAnnotation() {
        Reply reply = api.patch("/api/v1/nodes/node-1", "application/json-patch+json", """
                [{"op":"add","path":"/spec/taints","value":[{"key":"graceful-worker-terminator/terminating","effect":"NoSchedule"}]},
                 {"op":"add","path":"/metadata/annotations/graceful-worker-terminator~1lifecycle-action","value":"g/h/e"}]""");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("spec").path("taints").get(0).path("key").asText())
                .isEqualTo("graceful-worker-terminator/terminating");
        assertThat(reply.body().path("metadata").path("annotations").path("graceful-worker-terminator/lifecycle-action")
                .asText()).isEqualTo("g/h/e");
    }

    @Test
    void mergePatchWithEmptyTaintsAndFalseUnschedulable_readsBackWithoutThem() {
        api.patch("/api/v1/nodes/node-1", "application/merge-patch+json",
                "{\"spec\":{\"taints\":[{\"key\":\"k\",\"effect\":\"NoSchedule\"}],\"unschedulable\":true}}");

        Reply reply = api.patch("/api/v1/nodes/node-1", "application/merge-patch+json",
                "{\"metadata\":{\"annotations\":{}},\"spec\":{\"taints\":[],\"unschedulable\":false}}");

        assertThat(reply.body().path("spec").has("taints")).isFalse();
        assertThat(reply.body().path("spec").has("unschedulable")).isFalse();
        assertThat(reply.body().path("spec").path("providerID").asText()).isEqualTo("aws:///eu-west-1a/i-0a1b2c3d4e5f60718");
    }

    @Test
    void patchWithStaleResourceVersion_isAConflict() {
        String read = resourceVersion("node-1");
        api.patch("/api/v1/nodes/node-1", STRATEGIC, "{\"metadata\":{\"labels\":{\"changed\":\"yes\"}}}");

        Reply reply = api.patch("/api/v1/nodes/node-1", "application/merge-patch+json",
                "{\"metadata\":{\"resourceVersion\":\"" + read + "\"},\"spec\":{\"unschedulable\":true}}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().path("reason").asText()).isEqualTo("Conflict");
    }

    @Test
    void patchWithAnUnknownContentType_isUnsupportedMediaType() {
        Reply reply = api.patch("/api/v1/nodes/node-1", "application/json", "{}");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.body().path("reason").asText()).isEqualTo("UnsupportedMediaType");
    }

    @Test
    void updateWithTheCurrentResourceVersion_succeedsAndAStaleOneConflicts() {
        ObjectNode node = (ObjectNode) emulator.node("node-1").orElseThrow();
        ((ObjectNode) node.get("spec")).put("unschedulable", true);

        Reply first = api.put("/api/v1/nodes/node-1", node.toString());
        Reply stale = api.put("/api/v1/nodes/node-1", node.toString());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("spec").path("unschedulable").asBoolean()).isTrue();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().path("message").asText()).isEqualTo("Operation cannot be fulfilled on nodes \"node-1\": "
                + "the object has been modified; please apply your changes to the latest version and try again");
        assertThat(stale.body().path("details").path("name").asText()).isEqualTo("node-1");
    }

    @Test
    void missingNode_isNotFound() {
        Reply reply = api.patch("/api/v1/nodes/ghost", STRATEGIC, "{\"spec\":{\"unschedulable\":true}}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().path("message").asText()).isEqualTo("nodes \"ghost\" not found");
    }
}
