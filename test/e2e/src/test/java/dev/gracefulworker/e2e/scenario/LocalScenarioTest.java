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
    void targetGroups_areReadWithTheirDefaults() {
        LocalScenario scenario = LocalScenario.parse("""
                targetGroups:
                  - {name: web, deregistrationDelaySeconds: 60, tags: {elbv2.k8s.aws/cluster: demo}, targetType: instance,
                     targets: [i-0a1b2c3d4e5f60718]}
                  - {name: workers-http, attachedToGroup: true}
                nodes: [{name: node-a}]
                """);

        assertThat(scenario.targetGroups()).containsExactly(
                new TargetGroupSpec("web", 60, false, java.util.Map.of("elbv2.k8s.aws/cluster", "demo"),
                        java.util.List.of("i-0a1b2c3d4e5f60718")),
                new TargetGroupSpec("workers-http", 300, true, java.util.Map.of(), java.util.List.of()));
        assertThat(scenario.targetGroups().get(1).targetsOr(java.util.List.of("i-1", "i-2"))).containsExactly("i-1", "i-2");
        assertThat(LocalScenario.parse("nodes: []").targetGroups()).isEmpty();
    }

    @Test
    void badTargetGroups_areRejectedNamingTheField() {
        assertThatThrownBy(() -> LocalScenario.parse("targetGroups: [{name: web, deregistrationDelay: 60}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("targetGroups[0]: unknown key deregistrationDelay (one of name, deregistrationDelaySeconds, "
                        + "attachedToGroup, tags, targetType, targets)");
        assertThatThrownBy(() -> LocalScenario.parse("targetGroups: [{deregistrationDelaySeconds: 60}]"))
                .hasMessage("targetGroups[0].name: 1 to 32 letters, digits and inner hyphens, missing");
        assertThatThrownBy(() -> LocalScenario.parse("targetGroups: [{name: a}, {name: b, deregistrationDelaySeconds: 5000}]"))
                .hasMessage("targetGroups[1].deregistrationDelaySeconds: 0 to 3600 seconds, not 5000");
        assertThatThrownBy(() -> LocalScenario.parse("targetGroups: [{name: web, attachedToGroup: yes please}]"))
                .hasMessage("targetGroups[0].attachedToGroup: true or false, not \"yes please\"");
        assertThatThrownBy(() -> LocalScenario.parse("targetGroups: [{name: web, targetType: ip}]"))
                .hasMessage("targetGroups[0].targetType: only instance target groups are emulated, not \"ip\"");
        assertThatThrownBy(() -> LocalScenario.parse("targetGroups: [{name: web, targets: [node-a]}]"))
                .hasMessage("targetGroups[0].targets[0]: an instance id (i-0123456789abcdef0), not \"node-a\"");
        assertThatThrownBy(() -> LocalScenario.parse("targetGroups: [{name: web, tags: [a]}]"))
                .hasMessage("targetGroups[0].tags must be a mapping of tag keys to values, not [\"a\"]");
        assertThatThrownBy(() -> LocalScenario.parse("targetGroups: [{name: web}, {name: web}]"))
                .hasMessage("targetGroups[1].name: web is named twice");
        assertThatThrownBy(() -> LocalScenario.parse("targetGroups: {name: web}"))
                .hasMessage("targetGroups must be a list of target groups, not {\"name\":\"web\"}");
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
