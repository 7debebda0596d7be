package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class PatchesTest {
    private static final JsonNode NODE = json("""
            {"metadata": {"name": "n1", "labels": {"a": "1", "b": "2"}, "finalizers": ["x"]},
             "spec": {"taints": [{"key": "k1", "effect": "NoSchedule"}]},
             "status": {"conditions": [{"type": "Ready", "status": "True"}, {"type": "MemoryPressure", "status": "False"}]}}
            """);

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode strategic(String patch) {
        return PatchType.STRATEGIC_MERGE_PATCH.apply(NODE, json(patch));
    }

    @Test
    void mergePatch_mergesObjectsAndDeletesOnNull() {
        JsonNode result = PatchType.MERGE_PATCH.apply(NODE, json("{\"metadata\":{\"labels\":{\"a\":null,\"c\":\"3\"}}}"));

        assertThat(result.path("metadata").path("labels")).isEqualTo(json("{\"b\":\"2\",\"c\":\"3\"}"));
        assertThat(NODE.path("metadata").path("labels").has("a")).as("the original is left untouched").isTrue();
    }

    @Test
    void mergePatch_replacesListsWhole() {
        JsonNode result = PatchType.MERGE_PATCH.apply(NODE, json("{\"status\":{\"conditions\":[{\"type\":\"X\"}]}}"));

        assertThat(result.path("status").path("conditions")).hasSize(1);
    }

    @Test
    void strategicMerge_mergesConditionsByType() {
        JsonNode result = strategic("{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"}]}}");

        assertThat(result.path("status").path("conditions")).isEqualTo(json("""
                [{"type": "Ready", "status": "False"}, {"type": "MemoryPressure", "status": "False"}]"""));
    }

    @Test
    void strategicMerge_replacesTaintsBecauseTheyHaveNoPatchStrategy() {
        JsonNode result = strategic("""
                {"spec":{"taints":[{"key":"k1","effect":"NoSchedule"},{"key":"k2","effect":"NoExecute"}]}}""");

        assertThat(result.path("spec").path("taints").findValuesAsText("key")).containsExactly("k1", "k2");
    }

    @Test
    void strategicMerge_deletesAListElementByMergeKey() {
        JsonNode result = strategic("{\"status\":{\"conditions\":[{\"type\":\"MemoryPressure\",\"$patch\":\"delete\"}]}}");

        assertThat(result.path("status").path("conditions").findValuesAsText("type")).containsExactly("Ready");
    }

    @Test
    void strategicMerge_replaceDirective_replacesAMap() {
        JsonNode result = strategic("{\"metadata\":{\"labels\":{\"$patch\":\"replace\",\"z\":\"9\"}}}");

        assertThat(result.path("metadata").path("labels")).isEqualTo(json("{\"z\":\"9\"}"));
    }

    @Test
    void strategicMerge_deleteDirective_removesAMap() {
        JsonNode result = strategic("{\"metadata\":{\"labels\":{\"$patch\":\"delete\"}}}");

        assertThat(result.path("metadata").has("labels")).isFalse();
    }

    @Test
    void strategicMerge_retainKeys_dropsTheOthers() {
        JsonNode result = strategic("{\"metadata\":{\"labels\":{\"$retainKeys\":[\"b\",\"c\"],\"c\":\"3\"}}}");

        assertThat(result.path("metadata").path("labels")).isEqualTo(json("{\"b\":\"2\",\"c\":\"3\"}"));
    }

    @Test
    void strategicMerge_primitiveListDirectives_addAndRemoveFinalizers() {
        JsonNode added = strategic("{\"metadata\":{\"finalizers\":[\"y\"],\"$setElementOrder/finalizers\":[\"x\",\"y\"]}}");
        JsonNode removed = strategic("{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"x\"]}}");

        assertThat(added.path("metadata").path("finalizers")).isEqualTo(json("[\"x\",\"y\"]"));
        assertThat(removed.path("metadata").path("finalizers")).isEmpty();
    }

    @Test
    void jsonPatch_appliesOperationsInOrder() {
        JsonNode result = PatchType.JSON_PATCH.apply(NODE, json("""
                [{"op":"add","path":"/spec/taints/-","value":{"key":"k2","effect":"NoSchedule"}},
                 {"op":"remove","path":"/spec/taints/0"},
                 {"op":"replace","path":"/metadata/labels/a","value":"one"},
                 {"op":"copy","from":"/metadata/labels/b","path":"/metadata/labels/c"},
                 {"op":"move","from":"/metadata/labels/b","path":"/metadata/labels/d"},
                 {"op":"test","path":"/metadata/name","value":"n1"}]"""));

        assertThat(result.path("spec").path("taints").findValuesAsText("key")).containsExactly("k2");
        assertThat(result.path("metadata").path("labels")).isEqualTo(json("{\"a\":\"one\",\"c\":\"2\",\"d\":\"2\"}"));
    }

    @Test
    void jsonPatchWithAFailingTest_isRejectedAsUnprocessable() {
        assertThatThrownBy(() -> PatchType.JSON_PATCH.apply(NODE,
                json("[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"other\"}]")))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(422));
    }

    @Test
    void jsonPatchRemovingAMissingPath_isRejected() {
        assertThatThrownBy(() -> PatchType.JSON_PATCH.apply(NODE, json("[{\"op\":\"remove\",\"path\":\"/spec/nope\"}]")))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(422));
    }

    @Test
    void patchContentType_choosesThePatchKind() {
        assertThat(PatchType.of("application/strategic-merge-patch+json; charset=utf-8"))
                .isEqualTo(PatchType.STRATEGIC_MERGE_PATCH);
        assertThatThrownBy(() -> PatchType.of("application/apply-patch+yaml"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(415));
    }
}
