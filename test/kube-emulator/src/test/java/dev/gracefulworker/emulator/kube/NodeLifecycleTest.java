package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A kubelet that stops posting status: the node goes NotReady, and the deletions it should confirm never end. */
class NodeLifecycleTest {
    private static final String SCENARIO = """
            nodes:
              - {name: node-1, notReadyAfterSeconds: 60}
              - {name: node-2}
            pods:
              - {name: web-a, namespace: web, node: node-1, terminationGracePeriodSeconds: 30}
              - {name: web-b, namespace: web, node: node-2, terminationGracePeriodSeconds: 30}
            """;
    @RegisterExtension
    final RunningEmulator running = new RunningEmulator(SCENARIO);
    private final ScenarioClock clock = running.clock;
    private final KubeEmulator emulator = running.emulator;
    private final ApiCall api = running.api;

    private JsonNode ready(String node) {
        for (JsonNode condition : api.get("/api/v1/nodes/" + node).body().path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return condition;
            }
        }
        throw new AssertionError("no Ready condition on " + node);
    }

    @Test
    void nodeWithNotReadyAfterSeconds_turnsUnknownThen_asTheNodeLifecycleControllerWritesIt() {
        String before = ready("node-1").path("status").asText();
        clock.advance(Duration.ofSeconds(60));
        JsonNode after = ready("node-1");

        assertThat(before).isEqualTo("True");
        assertThat(after.path("status").asText()).isEqualTo("Unknown");
        assertThat(after.path("reason").asText()).isEqualTo("NodeStatusUnknown");
        assertThat(after.path("message").asText()).isEqualTo("Kubelet stopped posting node status.");
        assertThat(after.path("lastTransitionTime").asText()).isEqualTo("2026-11-25T09:01:00Z");
        assertThat(ready("node-2").path("status").asText()).isEqualTo("True");
    }

    @Test
    void podDeletedOnANotReadyNode_staysTerminatingPastItsGrace_untilTheKubeletIsBack() {
        clock.advance(Duration.ofSeconds(60));
        api.delete("/api/v1/namespaces/web/pods/web-a");
        api.delete("/api/v1/namespaces/web/pods/web-b");
        clock.advance(Duration.ofSeconds(600));

        JsonNode stuck = api.get("/api/v1/namespaces/web/pods/web-a").body();
        assertThat(stuck.path("metadata").path("deletionTimestamp").asText()).isEqualTo("2026-11-25T09:01:30Z");
        assertThat(emulator.pod("web", "web-b")).as("its node's kubelet confirmed the deletion").isEmpty();

        emulator.setNodeReady("node-1", true);
        assertThat(ready("node-1").path("status").asText()).isEqualTo("True");
        assertThat(emulator.pod("web", "web-a")).isEmpty();
    }

    @Test
    void setNodeReadyFalse_stopsTheKubeletAtOnce() {
        emulator.setNodeReady("node-2", false);

        assertThat(ready("node-2").path("status").asText()).isEqualTo("Unknown");
    }
}
