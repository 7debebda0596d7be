package dev.gracefulworker.functions.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.contract.LivenessVerdict;
import dev.gracefulworker.emulator.kube.Fault;
import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CheckLivenessHandlerTest {

    private static final String INSTANCE = "i-0a1b2c3d4e5f60718";
    private static final String DNS = "ip-10-0-1-23.eu-west-1.compute.internal";

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;

    @Test
    void runningInstanceWithItsNode_isToBeDrained() {
        world = worlds.start("""
                nodes:
                  - {name: worker-a, providerID: aws:///eu-west-1a/i-0fffffffffffffff0}
                  - {name: worker-b, providerID: aws:///eu-west-1a/%s, ready: true}
                """.formatted(INSTANCE));
        world.aws.ec2().addInstance(INSTANCE, "running", DNS, "eu-west-1a");

        Liveness liveness = new CheckLivenessHandler(world.wiring()).handleRequest(new CheckLivenessRequest(INSTANCE), null);

        assertThat(liveness).isEqualTo(new Liveness(INSTANCE, "running", "eu-west-1a", DNS, "worker-b", true,
                MatchedBy.providerID, LivenessVerdict.DRAIN, "node worker-b matched by providerID"));
    }

    @Test
    void nodeWithoutProviderId_isFoundByThePrivateDnsName() {
        world = worlds.start("""
                nodes:
                  - {name: %s, ready: false}
                """.formatted(DNS));
        world.aws.ec2().addInstance(INSTANCE, "running", DNS, "eu-west-1a");

        Liveness liveness = new CheckLivenessHandler(world.wiring()).handleRequest(new CheckLivenessRequest(INSTANCE), null);

        assertThat(liveness.nodeName()).isEqualTo(DNS);
        assertThat(liveness.matchedBy()).isEqualTo(MatchedBy.privateDnsName);
        assertThat(liveness.nodeReady()).isFalse();
        assertThat(liveness.verdict()).isEqualTo(LivenessVerdict.DRAIN);
    }

    @Test
    void nodeOfAnotherInstanceWithANearMissId_isNotTaken() {
        world = worlds.start("""
                nodes:
                  - {name: worker-b, providerID: aws:///eu-west-1a/%s9}
                """.formatted(INSTANCE));
        world.aws.ec2().addInstance(INSTANCE, "running", DNS, "eu-west-1a");

        Liveness liveness = new CheckLivenessHandler(world.wiring()).handleRequest(new CheckLivenessRequest(INSTANCE), null);

        assertThat(liveness.verdict()).isEqualTo(LivenessVerdict.NOTHING_TO_DRAIN);
        assertThat(liveness.nodeName()).isNull();
        assertThat(liveness.reason()).isEqualTo("no node for instance " + INSTANCE + " in the cluster");
    }

    @Test
    void unknownInstance_hasNothingToDrain() {
        world = worlds.start("nodes: []");

        Liveness liveness = new CheckLivenessHandler(world.wiring()).handleRequest(new CheckLivenessRequest(INSTANCE), null);

        assertThat(liveness.instanceState()).isEqualTo("not-found");
        assertThat(liveness.verdict()).isEqualTo(LivenessVerdict.NOTHING_TO_DRAIN);
        assertThat(liveness.reason()).isEqualTo("instance not found");
    }

    @Test
    void instanceNoLongerRunning_hasNothingToDrainAndTheClusterIsNotAsked() {
        world = worlds.start("""
                nodes:
                  - {name: worker-b, providerID: aws:///eu-west-1a/%s}
                """.formatted(INSTANCE));
        world.aws.ec2().addInstance(INSTANCE, "shutting-down", DNS, "eu-west-1a");
        CheckLivenessHandler handler = new CheckLivenessHandler(world.wiring());
        int requestsBefore = world.kube.requests().size();

        Liveness liveness = handler.handleRequest(new CheckLivenessRequest(INSTANCE), null);

        assertThat(liveness.verdict()).isEqualTo(LivenessVerdict.NOTHING_TO_DRAIN);
        assertThat(liveness.reason()).isEqualTo("instance is shutting-down");
        assertThat(world.kube.requests()).hasSize(requestsBefore);
    }

    @Test
    void throttledEc2_surfacesAsRetryable() {
        world = worlds.start("nodes: []");
        world.aws.throttle("DescribeInstances", 1);

        assertThatThrownBy(() -> new CheckLivenessHandler(world.wiring()).handleRequest(new CheckLivenessRequest(INSTANCE), null))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("DescribeInstances " + INSTANCE);
    }

    @Test
    void failingApiServer_surfacesAsRetryable() {
        world = worlds.start("nodes: []");
        world.aws.ec2().addInstance(INSTANCE, "running", DNS, "eu-west-1a");
        world.kube.inject(Fault.failing("GET", "/api/v1/nodes", 500, 1));

        assertThatThrownBy(() -> new CheckLivenessHandler(world.wiring()).handleRequest(new CheckLivenessRequest(INSTANCE), null))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("list nodes failed: HTTP 500");
    }
}
