package dev.gracefulworker.e2e.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalScenarioTest {

    @Test
    void localKeys_areReadBesideTheClusterScenario() {
        LocalScenario scenario = LocalScenario.parse("""
                description: two nodes
                settings: {drainMode: WAIT, maxWaitSeconds: 600}
                instances:
                  - {id: i-0a1b2c3d4e5f60718, state: terminated}
                lifecycleAction: {heartbeatTimeoutSeconds: 60, defaultResult: ABANDON}
                awsFaults:
                  - {action: CompleteLifecycleAction, times: 2}
                  - {action: RecordLifecycleActionHeartbeat, status: 500}
                kubernetesAccess: eks
                nodes:
                  - {name: node-a, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
                pods:
                  - {name: web-a, namespace: web, node: node-a}
                """);

        assertThat(scenario.description()).isEqualTo("two nodes");
        assertThat(scenario.settings()).hasValueSatisfying(settings ->
                assertThat(settings.path("drainMode").asText()).isEqualTo("WAIT"));
        assertThat(scenario.instances()).containsExactly(
                new InstanceSpec("i-0a1b2c3d4e5f60718", "terminated", null, "eu-west-1a"));
        assertThat(scenario.lifecycleAction()).isEqualTo(new LifecycleActionSpec(60, "ABANDON", true));
        assertThat(scenario.awsFaults()).containsExactly(
                new AwsFault("CompleteLifecycleAction", null, 2), new AwsFault("RecordLifecycleActionHeartbeat", 500, 1));
        assertThat(scenario.awsFaults().getFirst().throttling()).isTrue();
        assertThat(scenario.kubernetesAccess()).isEqualTo(KubernetesAccess.EKS);
        assertThat(scenario.cluster().nodes()).extracting(node -> node.name()).containsExactly("node-a");
        assertThat(scenario.cluster().pods()).extracting(pod -> pod.name()).containsExactly("web-a");
    }

    @Test
    void scenarioWithoutLocalKeys_usesTheDefaults() {
        LocalScenario scenario = LocalScenario.parse("nodes: [{name: node-a}]");

        assertThat(scenario.settings()).isEmpty();
        assertThat(scenario.instances()).isEmpty();
        assertThat(scenario.lifecycleAction()).isEqualTo(new LifecycleActionSpec(null, "CONTINUE", true));
        assertThat(scenario.awsFaults()).isEmpty();
        assertThat(scenario.kubernetesAccess()).isEqualTo(KubernetesAccess.KUBECONFIG);
    }

    @Test
    void unknownKubernetesAccess_isRejectedWithTheChoices() {
        assertThatThrownBy(() -> LocalScenario.parse("kubernetesAccess: ssh"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kubernetesAccess is one of kubeconfig, secret, eks, not ssh");
    }

    @Test
    void misspelledKey_isRejectedByName() {
        assertThatThrownBy(() -> LocalScenario.parse("lifecycleAction: {heartbeatTimeout: 60}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heartbeatTimeout");
        assertThatThrownBy(() -> LocalScenario.parse("nodez: []"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nodez");
    }

    @Test
    void settingsThatAreNotAMapping_areRejected() {
        assertThatThrownBy(() -> LocalScenario.parse("settings: [drainMode]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("settings must be a mapping");
    }

    @Test
    void builtInDefault_waitsForTheReportRunnerAndEvicts() {
        LocalScenario scenario = LocalScenario.builtInDefault();

        assertThat(scenario.settings().orElseThrow().path("drainMode").asText()).isEqualTo("EVICT");
        assertThat(scenario.settings().orElseThrow().at("/waitForPods/0/labelSelector").asText())
                .isEqualTo("app=report-runner");
        assertThat(scenario.cluster().nodes()).extracting(node -> node.providerID())
                .contains("aws:///eu-west-1a/i-0a1b2c3d4e5f60718");
    }
}
