package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.emulator.kube.DisruptionBudget.Status;
import dev.gracefulworker.emulator.kube.Scenario.IntOrPercent;
import dev.gracefulworker.emulator.kube.Scenario.PdbSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DisruptionBudgetTest {

    private static ObjectNode pod(String namespace, String app, boolean ready) {
        Scenario.PodSpec spec = new Scenario.PodSpec("p", namespace, "n1", Map.of("app", app), null, null, null, null,
                ready, null, null, null, null, null, null, null, null);
        return ApiObjects.pod(spec, java.time.Instant.EPOCH, ready);
    }

    private static List<JsonNode> webPods(int ready, int unready) {
        List<JsonNode> pods = new ArrayList<>();
        for (int i = 0; i < ready; i++) {
            pods.add(pod("web", "web", true));
        }
        for (int i = 0; i < unready; i++) {
            pods.add(pod("web", "web", false));
        }
        pods.add(pod("web", "other", true));
        pods.add(pod("batch", "web", true));
        return pods;
    }

    private static DisruptionBudget budget(String minAvailable, String maxUnavailable) {
        return DisruptionBudget.of(new PdbSpec("b", "web", new Scenario.Selector(Map.of("app", "web"), null),
                minAvailable == null ? null : IntOrPercent.parse(minAvailable),
                maxUnavailable == null ? null : IntOrPercent.parse(maxUnavailable)));
    }

    @ParameterizedTest(name = "minAvailable={0} maxUnavailable={1}, {2} ready + {3} unready -> desired {4}, allowed {5}")
    @CsvSource(nullValues = "-", value = {
            "2,   -,   3, 1, 2, 1",
            "3,   -,   3, 1, 3, 0",
            "5,   -,   3, 1, 5, 0",
            "50%, -,   3, 1, 2, 1",
            "30%, -,   3, 0, 1, 2",
            "-,   1,   3, 1, 3, 0",
            "-,   1,   4, 0, 3, 1",
            "-,   25%, 3, 1, 3, 0",
            "-,   50%, 4, 0, 2, 2",
            "0,   -,   0, 2, 0, 0",
    })
    void status_followsTheDisruptionControllersArithmetic(String minAvailable, String maxUnavailable, int ready,
                                                         int unready, int desired, int allowed) {
        Status status = budget(minAvailable, maxUnavailable).status(webPods(ready, unready));

        assertThat(status.expectedPods()).isEqualTo(ready + unready);
        assertThat(status.currentHealthy()).isEqualTo(ready);
        assertThat(status.desiredHealthy()).isEqualTo(desired);
        assertThat(status.disruptionsAllowed()).isEqualTo(allowed);
    }

    @Test
    void terminatingPod_isNotHealthy() {
        List<JsonNode> pods = webPods(2, 0);
        ((ObjectNode) pods.getFirst().get("metadata")).put("deletionTimestamp", "2026-11-25T09:00:30Z");

        Status status = budget("1", null).status(pods);

        assertThat(status.currentHealthy()).isEqualTo(1);
        assertThat(status.disruptionsAllowed()).isZero();
    }

    @Test
    void budget_coversOnlyPodsOfItsNamespaceThatItsSelectorMatches() {
        DisruptionBudget budget = budget("1", null);

        assertThat(budget.covers(pod("web", "web", true))).isTrue();
        assertThat(budget.covers(pod("batch", "web", true))).isFalse();
        assertThat(budget.covers(pod("web", "other", true))).isFalse();
    }
}
