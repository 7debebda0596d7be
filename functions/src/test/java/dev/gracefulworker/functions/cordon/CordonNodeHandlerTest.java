package dev.gracefulworker.functions.cordon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.emulator.kube.Fault;
import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CordonNodeHandlerTest {

    private static final String SCENARIO = """
            nodes:
              - name: worker-a
                providerID: aws:///eu-west-1a/i-0a1b2c3d4e5f60718
                taints: [{key: dedicated, value: batch, effect: NoSchedule}]
              - name: worker-b
                providerID: aws:///eu-west-1a/i-0fffffffffffffff0
            """;
    private static final String ACTION = "workers-spot-a/graceful-termination/i-0a1b2c3d4e5f60718-t";

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;

    @Test
    void node_isCordonedTaintedAndAnnotatedKeepingItsTaints() {
        world = worlds.start(SCENARIO);

        CordonResult result = new CordonNodeHandler(world.wiring()).handleRequest(request("worker-a", true, false), null);

        JsonNode node = world.kube.node("worker-a").orElseThrow();
        assertThat(result.action()).isEqualTo(CordonAction.CORDONED);
        assertThat(result.tainted()).isTrue();
        assertThat(node.at("/spec/unschedulable").asBoolean()).isTrue();
        assertThat(node.at("/spec/taints").findValuesAsText("key"))
                .containsExactly("dedicated", "graceful-worker-terminator/terminating");
        assertThat(node.at("/metadata/annotations").get("graceful-worker-terminator/lifecycle-action").asText()).isEqualTo(ACTION);
        assertThat(world.metrics.total(Metric.NodesCordoned)).isEqualTo(1);
    }

    @Test
    void cordonTwice_changesNothingTheSecondTime() {
        world = worlds.start(SCENARIO);
        CordonNodeHandler handler = new CordonNodeHandler(world.wiring());
        handler.handleRequest(request("worker-a", true, false), null);
        long patchesAfterFirst = patches();

        CordonResult second = handler.handleRequest(request("worker-a", true, false), null);

        assertThat(second.action()).isEqualTo(CordonAction.ALREADY_CORDONED);
        assertThat(patches()).isEqualTo(patchesAfterFirst).isEqualTo(1);
        assertThat(world.metrics.total(Metric.NodesCordoned)).isEqualTo(1);
    }

    @Test
    void withoutTaint_onlyCordonsAndAnnotates() {
        world = worlds.start(SCENARIO);

        CordonResult result = new CordonNodeHandler(world.wiring()).handleRequest(request("worker-a", false, false), null);

        assertThat(result.tainted()).isFalse();
        assertThat(world.kube.node("worker-a").orElseThrow().at("/spec/taints").findValuesAsText("key")).containsExactly("dedicated");
    }

    @Test
    void dryRun_writesNothingAndSaysWhatItWouldDo() {
        world = worlds.start(SCENARIO);

        CordonResult result = new CordonNodeHandler(world.wiring()).handleRequest(request("worker-a", true, true), null);

        assertThat(result.action()).isEqualTo(CordonAction.WOULD_CORDON);
        assertThat(result.message()).startsWith("dry run: would set unschedulable, add taint graceful-worker-terminator/terminating:NoSchedule");
        assertThat(patches()).isZero();
        assertThat(world.kube.node("worker-a").orElseThrow().at("/spec/unschedulable").asBoolean()).isFalse();
    }

    @Test
    void nodeNoLongerInTheCluster_isReportedGone() {
        world = worlds.start(SCENARIO);

        CordonResult result = new CordonNodeHandler(world.wiring()).handleRequest(request("worker-z", true, false), null);

        assertThat(result.action()).isEqualTo(CordonAction.NODE_GONE);
        assertThat(patches()).isZero();
    }

    @Test
    void nodeDeletedBetweenReadAndPatch_isReportedGone() {
        world = worlds.start(SCENARIO);
        world.kube.inject(Fault.failing("PATCH", "/api/v1/nodes/worker-a", 404, 1));

        CordonResult result = new CordonNodeHandler(world.wiring()).handleRequest(request("worker-a", true, false), null);

        assertThat(result.action()).isEqualTo(CordonAction.NODE_GONE);
    }

    @Test
    void conflictingChange_surfacesAsRetryable() {
        world = worlds.start(SCENARIO);
        world.kube.inject(Fault.failing("PATCH", "/api/v1/nodes/worker-a", 409, 1));

        assertThatThrownBy(() -> new CordonNodeHandler(world.wiring()).handleRequest(request("worker-a", true, false), null))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("patch node worker-a");
    }

    @Test
    void onlyTheMatchedNode_isTouched() {
        world = worlds.start(SCENARIO);

        new CordonNodeHandler(world.wiring()).handleRequest(request("worker-a", true, false), null);

        JsonNode other = world.kube.node("worker-b").orElseThrow();
        assertThat(other.at("/spec/unschedulable").asBoolean()).isFalse();
        assertThat(world.kube.requests()).filteredOn(r -> r.method().equals("PATCH"))
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/v1/nodes/worker-a"));
    }

    @Test
    void nodeCordonedByAnOperator_keepsItsStateAndGetsOurTaintAndAnnotation() {
        world = worlds.start("""
                nodes:
                  - {name: worker-a, providerID: aws:///eu-west-1a/i-0a1b2c3d4e5f60718, unschedulable: true}
                """);

        CordonResult result = new CordonNodeHandler(world.wiring()).handleRequest(request("worker-a", true, false), null);

        assertThat(result.action()).isEqualTo(CordonAction.ALREADY_CORDONED);
        assertThat(result.message()).startsWith("add taint");
        assertThat(world.metrics.total(Metric.NodesCordoned)).isZero();
    }

    @Test
    void excludeFromLoadBalancers_labelsTheNode_onceAndKeepsItsOtherLabels() {
        world = worlds.start("""
                nodes:
                  - {name: worker-a, providerID: aws:///eu-west-1a/i-0a1b2c3d4e5f60718, labels: {pool: web}}
                """);
        CordonNodeHandler handler = new CordonNodeHandler(world.wiring());

        CordonResult result = handler.handleRequest(excluding("worker-a", false), null);
        CordonResult second = handler.handleRequest(excluding("worker-a", false), null);

        JsonNode labels = world.kube.node("worker-a").orElseThrow().at("/metadata/labels");
        assertThat(labels.path(NodeCordoner.EXCLUDE_FROM_LOAD_BALANCERS_LABEL).asText()).isEqualTo("true");
        assertThat(labels.path("pool").asText()).isEqualTo("web");
        assertThat(result.message()).contains("label node.kubernetes.io/exclude-from-external-load-balancers=true");
        assertThat(second.action()).isEqualTo(CordonAction.ALREADY_CORDONED);
        assertThat(patches()).isEqualTo(1);
    }

    @Test
    void excludeFromLoadBalancers_inADryRun_labelsNothing() {
        world = worlds.start(SCENARIO);

        CordonResult result = new CordonNodeHandler(world.wiring()).handleRequest(excluding("worker-a", true), null);

        assertThat(result.message()).contains("would").contains("label node.kubernetes.io/exclude-from-external-load-balancers=true");
        assertThat(patches()).isZero();
        assertThat(world.kube.node("worker-a").orElseThrow().at("/metadata/labels")
                .has(NodeCordoner.EXCLUDE_FROM_LOAD_BALANCERS_LABEL)).isFalse();
    }

    private static CordonRequest excluding(String node, boolean dryRun) {
        return new CordonRequest(node, "i-0a1b2c3d4e5f60718", "workers-spot-a", "graceful-termination",
                "i-0a1b2c3d4e5f60718-t", true, true, dryRun);
    }

    private long patches() {
        return world.kube.requests().stream().filter(r -> r.method().equals("PATCH")).count();
    }

    private static CordonRequest request(String node, boolean taint, boolean dryRun) {
        return new CordonRequest(node, "i-0a1b2c3d4e5f60718", "workers-spot-a", "graceful-termination",
                "i-0a1b2c3d4e5f60718-t", taint, false, dryRun);
    }
}
