package dev.gracefulworker.functions.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.functions.kubernetes.NodeInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeFinderTest {

    private static final String ID = "i-0a1b2c3d4e5f60718";
    private static final String DNS = "ip-10-0-1-23.eu-west-1.compute.internal";
    private final NodeFinder finder = new NodeFinder();
    private final InstanceInfo instance = new InstanceInfo(ID, "running", "eu-west-1a", DNS);

    @Test
    void nodeWithTheInstancesProviderId_matchesByProviderId() {
        NodeInfo node = node("worker-a", "aws:///eu-west-1a/" + ID, null);

        Optional<NodeMatch> match = finder.find(instance, List.of(node("other", "aws:///eu-west-1a/i-0000000000000000f", null), node));

        assertThat(match).contains(new NodeMatch(node, MatchedBy.providerID));
    }

    @Test
    void providerIdWithAnotherZone_stillMatchesByInstanceId() {
        NodeInfo node = node("worker-a", "aws:///eu-west-1b/" + ID, null);

        assertThat(finder.find(instance, List.of(node))).map(NodeMatch::matchedBy).contains(MatchedBy.providerID);
    }

    @Test
    void nearMissInstanceId_doesNotMatch() {
        List<NodeInfo> nodes = List.of(
                node("longer", "aws:///eu-west-1a/" + ID + "9", null),
                node("shorter", "aws:///eu-west-1a/" + ID.substring(0, ID.length() - 1), null),
                node("prefixed", "aws:///eu-west-1a/x" + ID, null));

        assertThat(finder.find(instance, nodes)).isEmpty();
    }

    @Test
    void nodeNamedAfterThePrivateDnsName_matchesWhenItHasNoAwsProviderId() {
        NodeInfo node = node(DNS, null, null);

        assertThat(finder.find(instance, List.of(node))).contains(new NodeMatch(node, MatchedBy.privateDnsName));
    }

    @Test
    void hostnameLabel_matchesWhenTheNameDoesNot() {
        NodeInfo node = node("worker-7", "", DNS);

        assertThat(finder.find(instance, List.of(node))).contains(new NodeMatch(node, MatchedBy.hostnameLabel));
    }

    @Test
    void nodeWithTheSameDnsNameButAnotherInstancesProviderId_neverMatches() {
        NodeInfo reusedAddress = node(DNS, "aws:///eu-west-1a/i-0fffffffffffffff0", DNS);

        assertThat(finder.find(instance, List.of(reusedAddress))).isEmpty();
    }

    @Test
    void providerIdMatch_winsOverADnsMatch() {
        NodeInfo byDns = node(DNS, null, null);
        NodeInfo byId = node("worker-a", "aws:///eu-west-1a/" + ID, null);

        assertThat(finder.find(instance, List.of(byDns, byId))).map(NodeMatch::node).contains(byId);
    }

    @Test
    void instanceWithoutDnsName_matchesOnlyByProviderId() {
        InstanceInfo noDns = new InstanceInfo(ID, "running", "eu-west-1a", null);

        assertThat(finder.find(noDns, List.of(node("ip-10-0-1-23", null, null)))).isEmpty();
    }

    private static NodeInfo node(String name, String providerId, String hostname) {
        return new NodeInfo(name, providerId, hostname, false, true, List.of(), Map.of(), "1", Map.of());
    }
}
