package dev.gracefulworker.functions.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.functions.Json;
import org.junit.jupiter.api.Test;

class PodListPageTest {

    @Test
    void podList_decodesWhatTheClassifierReads_andTheContinueToken() throws Exception {
        String json = """
                {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"42","continue":"next-page"},
                 "items":[{"metadata":{"name":"web-1","namespace":"web","uid":"u-1","labels":{"app":"web"},
                   "annotations":{"graceful-worker-terminator/policy":"wait"},
                   "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-5d","uid":"r","controller":true}],
                   "deletionTimestamp":"2026-11-25T10:00:00Z","managedFields":[{"manager":"kubelet"}]},
                  "spec":{"nodeName":"n1","containers":[{"name":"c","image":"i"}],"priorityClassName":"system-node-critical",
                   "volumes":[{"name":"cache","emptyDir":{}},{"name":"token","projected":{"sources":[]}}]},"status":{"phase":"Running",
                   "conditions":[{"type":"PodScheduled","status":"True"},{"type":"Ready","status":"True"}]}}]}""";

        PodListPage page = Json.mapper().readValue(json, PodListPage.class);

        assertThat(page.continueToken()).isEqualTo("next-page");
        assertThat(page.pods()).containsExactly(new PodInfo("web", "web-1", "u-1", "Running", java.util.Map.of("app", "web"),
                java.util.Map.of("graceful-worker-terminator/policy", "wait"), java.util.List.of("ReplicaSet"),
                java.time.Instant.parse("2026-11-25T10:00:00Z"), "system-node-critical", true, true, 30, true));
    }

    @Test
    void lastPage_hasNoContinueToken_andAPodWithoutOptionalFieldsStillDecodes() throws Exception {
        PodListPage page = Json.mapper().readValue("""
                {"metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"p","namespace":"default","uid":"u"}}]}""",
                PodListPage.class);

        assertThat(page.continueToken()).isNull();
        assertThat(page.pods()).singleElement().satisfies(pod -> {
            assertThat(pod.phase()).isNull();
            assertThat(pod.labels()).isEmpty();
            assertThat(pod.ownerKinds()).isEmpty();
            assertThat(pod.terminating()).isFalse();
            assertThat(pod.controlled()).as("no controller owner: kubectl drain's unmanaged pod").isFalse();
            assertThat(pod.emptyDir()).isFalse();
            assertThat(pod.critical()).isFalse();
            assertThat(pod.ready()).as("no Ready condition: not healthy for a disruption budget").isFalse();
        });
    }
}
