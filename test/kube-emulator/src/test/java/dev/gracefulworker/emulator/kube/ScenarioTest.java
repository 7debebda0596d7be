package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.emulator.kube.Scenario.IntOrPercent;
import dev.gracefulworker.emulator.kube.Scenario.OwnerKind;
import dev.gracefulworker.emulator.kube.Scenario.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

    private static final String FULL = """
            nodes:
              - name: ip-10-0-1-23.eu-west-1.compute.internal
                providerID: aws:///eu-west-1a/i-0a1b2c3d4e5f60718
                labels: {role: worker}
                taints: [{key: dedicated, value: batch, effect: NoSchedule}]
              - name: ip-10-0-1-24.eu-west-1.compute.internal
                ready: false
                unschedulable: true
            pods:
              - name: report-runner-7f9c
                namespace: batch
                node: ip-10-0-1-23.eu-west-1.compute.internal
                labels: {app: report-runner}
                owner: {kind: Job, name: report-runner}
                finishesAfterPolls: 3
                finishesAfterSeconds: 120
                terminationGracePeriodSeconds: 5
              - name: web-1
                node: ip-10-0-1-23.eu-west-1.compute.internal
                readyAfterSeconds: 20
                stuckTerminating: true
              - name: pending-1
            podDisruptionBudgets:
              - name: web
                namespace: web
                selector:
                  matchLabels: {app: web}
                  matchExpressions: [{key: tier, operator: In, values: [front]}]
                minAvailable: "50%"
              - name: batch
                maxUnavailable: 1
            faults:
              - {method: GET, path: /api/v1/pods, status: 500, times: 3}
              - {method: POST, pathRegex: ".*/eviction$", status: 429}
              - {path: /api/v1/nodes, delayMillis: 15000, times: 1}
            """;

    @Test
    void yamlScenario_readsEveryField() {
        Scenario scenario = Scenario.parse(FULL);

        assertThat(scenario.nodes()).hasSize(2);
        assertThat(scenario.nodes().getFirst().providerID()).isEqualTo("aws:///eu-west-1a/i-0a1b2c3d4e5f60718");
        assertThat(scenario.nodes().getFirst().taints().getFirst().effect()).isEqualTo("NoSchedule");
        assertThat(scenario.nodes().get(1).ready()).isFalse();
        assertThat(scenario.nodes().get(1).unschedulable()).isTrue();
        Scenario.PodSpec runner = scenario.pods().getFirst();
        assertThat(runner.owner().kind()).isEqualTo(OwnerKind.Job);
        assertThat(runner.finishesAfterPolls()).isEqualTo(3);
        assertThat(runner.finishesAfterSeconds()).isEqualTo(120);
        assertThat(runner.terminationGracePeriodSeconds()).isEqualTo(5);
        assertThat(scenario.pods().get(1).stuckTerminating()).isTrue();
        assertThat(scenario.podDisruptionBudgets().getFirst().minAvailable()).isEqualTo(new IntOrPercent(50, true));
        assertThat(scenario.podDisruptionBudgets().get(1).maxUnavailable()).isEqualTo(new IntOrPercent(1, false));
        assertThat(scenario.podDisruptionBudgets().getFirst().selector().matchExpressions().getFirst().values())
                .containsExactly("front");
        assertThat(scenario.faults()).extracting(Fault::times).containsExactly(3, null, 1);
        assertThat(scenario.faults().get(1).pathRegex()).isEqualTo(".*/eviction$");
    }

    @Test
    void omittedFields_takeTheDocumentedDefaults() {
        Scenario scenario = Scenario.parse(FULL);

        Scenario.NodeSpec node = scenario.nodes().getFirst();
        Scenario.PodSpec web = scenario.pods().get(1);
        Scenario.PodSpec unscheduled = scenario.pods().get(2);
        assertThat(node.ready()).isTrue();
        assertThat(node.unschedulable()).isFalse();
        assertThat(web.namespace()).isEqualTo("default");
        assertThat(web.phase()).isEqualTo(Phase.Running);
        assertThat(web.ready()).isTrue();
        assertThat(web.mirror()).isFalse();
        assertThat(web.terminationGracePeriodSeconds()).isEqualTo(30);
        assertThat(unscheduled.phase()).isEqualTo(Phase.Pending);
        assertThat(unscheduled.ready()).isFalse();
        assertThat(scenario.podDisruptionBudgets().get(1).namespace()).isEqualTo("default");
    }

    @Test
    void jsonScenario_isReadLikeYaml(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), """
                {"nodes": [{"name": "n1"}],
                 "pods": [{"name": "p", "node": "n1", "phase": "Succeeded", "owner": {"kind": "DaemonSet", "name": "ds"}}]}
                """);

        Scenario scenario = Scenario.load(file);

        assertThat(scenario.pods().getFirst().phase()).isEqualTo(Phase.Succeeded);
        assertThat(scenario.pods().getFirst().ready()).isFalse();
        assertThat(scenario.podDisruptionBudgets()).isEmpty();
    }

    @Test
    void podOnAnUndeclaredNode_isRejectedWithItsName() {
        assertThatThrownBy(() -> Scenario.parse("pods: [{name: p, node: ghost}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default/p").hasMessageContaining("ghost");
    }

    @Test
    void misspelledField_isRejected() {
        assertThatThrownBy(() -> Scenario.parse("nodes: [{name: n1, redy: true}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redy");
    }

    @Test
    void budgetWithBothMinAvailableAndMaxUnavailable_isRejected() {
        assertThatThrownBy(() -> Scenario.parse("podDisruptionBudgets: [{name: b, minAvailable: 1, maxUnavailable: 1}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one of minAvailable and maxUnavailable");
    }

    @Test
    void faultWithoutStatusOrDelay_isRejected() {
        assertThatThrownBy(() -> Scenario.parse("faults: [{path: /api}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a status or a delayMillis");
    }

    @Test
    void duplicateNodeNames_areRejected() {
        assertThatThrownBy(() -> Scenario.parse("nodes: [{name: n1}, {name: n1}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate node n1");
    }

    @Test
    void emptyText_isAnEmptyCluster() {
        assertThat(Scenario.parse("")).isEqualTo(Scenario.empty());
    }
}
