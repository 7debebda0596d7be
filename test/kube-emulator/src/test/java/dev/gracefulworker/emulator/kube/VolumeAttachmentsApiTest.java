package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.emulator.kube.ApiCall.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** storage.k8s.io/v1 VolumeAttachments: listed whole (no spec.nodeName field selector), detached after a delay. */
class VolumeAttachmentsApiTest {
    private static final String SCENARIO = """
            nodes:
              - {name: node-1}
              - {name: node-2}
            volumeAttachments:
              - {name: csi-3a7f, node: node-1, persistentVolumeName: pvc-0e1d, detachesAfterSeconds: 90}
              - {name: csi-9b2c, node: node-2}
            """;
    private static final String LIST = "/apis/storage.k8s.io/v1/volumeattachments";
    @RegisterExtension
    final RunningEmulator running = new RunningEmulator(SCENARIO);
    private final ScenarioClock clock = running.clock;
    private final ApiCall api = running.api;

    @Test
    void list_holdsEveryAttachmentWithItsNodeAndPersistentVolume() {
        Reply reply = api.get(LIST);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("kind").asText()).isEqualTo("VolumeAttachmentList");
        assertThat(reply.body().path("apiVersion").asText()).isEqualTo("storage.k8s.io/v1");
        assertThat(reply.body().path("items")).extracting(a -> a.at("/spec/nodeName").asText())
                .containsExactly("node-1", "node-2");
        assertThat(reply.body().at("/items/0/spec/attacher").asText()).isEqualTo("ebs.csi.aws.com");
        assertThat(reply.body().at("/items/0/spec/source/persistentVolumeName").asText()).isEqualTo("pvc-0e1d");
        assertThat(reply.body().at("/items/0/status/attached").asBoolean()).isTrue();
    }

    @Test
    void attachment_isDetachedAfterItsScenarioDelay_andThenNotFound() {
        clock.advance(Duration.ofSeconds(89));
        int before = api.get(LIST).body().path("items").size();
        clock.advance(Duration.ofSeconds(1));
        Reply after = api.get(LIST);
        Reply gone = api.get(LIST + "/csi-3a7f");

        assertThat(before).isEqualTo(2);
        assertThat(after.body().path("items")).extracting(a -> a.at("/metadata/name").asText()).containsExactly("csi-9b2c");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().path("message").asText())
                .isEqualTo("volumeattachments.storage.k8s.io \"csi-3a7f\" not found");
        assertThat(api.get(LIST + "/csi-9b2c").body().at("/spec/nodeName").asText()).isEqualTo("node-2");
    }

    @Test
    void fieldSelectorOnSpecNodeName_isRefused_asTheRealApiHasNone() {
        Reply reply = api.get(LIST + "?fieldSelector=spec.nodeName%3Dnode-1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("message").asText()).isEqualTo("field label not supported: spec.nodeName");
    }

    @Test
    void discovery_servesTheStorageGroup() {
        assertThat(api.get("/apis").body().path("groups")).extracting(g -> g.path("name").asText())
                .contains("storage.k8s.io");
        assertThat(api.get("/apis/storage.k8s.io/v1").body().path("resources"))
                .extracting(r -> r.path("name").asText()).contains("volumeattachments");
    }
}
