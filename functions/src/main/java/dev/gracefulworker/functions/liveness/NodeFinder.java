package dev.gracefulworker.functions.liveness;

import dev.gracefulworker.functions.kubernetes.NodeInfo;
import java.util.List;
import java.util.Optional;

/**
 * Finds the node of an instance: by {@code spec.providerID} ({@code aws:///<az>/<instance-id>}, the instance id
 * compared exactly), else, for nodes that carry no AWS provider id, by the instance's private DNS name as node name
 * or {@code kubernetes.io/hostname} label. A node whose provider id names another instance never matches, even if
 * its name does (private IPs, and so DNS names, are reused).
 */
public final class NodeFinder {

    private static final String AWS_PROVIDER_PREFIX = "aws://";

    public Optional<NodeMatch> find(InstanceInfo instance, List<NodeInfo> nodes) {
        Optional<NodeMatch> byProviderId = nodes.stream()
                .filter(node -> instance.instanceId().equals(instanceIdOf(node.providerId())))
                .findFirst()
                .map(node -> new NodeMatch(node, MatchedBy.providerID));
        if (byProviderId.isPresent() || instance.privateDnsName() == null) {
            return byProviderId;
        }
        List<NodeInfo> withoutAwsId = nodes.stream().filter(node -> instanceIdOf(node.providerId()) == null).toList();
        Optional<NodeMatch> byName = withoutAwsId.stream()
                .filter(node -> instance.privateDnsName().equalsIgnoreCase(node.name()))
                .findFirst()
                .map(node -> new NodeMatch(node, MatchedBy.privateDnsName));
        if (byName.isPresent()) {
            return byName;
        }
        return withoutAwsId.stream()
                .filter(node -> instance.privateDnsName().equalsIgnoreCase(node.hostnameLabel()))
                .findFirst()
                .map(node -> new NodeMatch(node, MatchedBy.hostnameLabel));
    }

    /** The instance id at the end of an AWS provider id, or null when it is not one. */
    static String instanceIdOf(String providerId) {
        if (providerId == null || !providerId.startsWith(AWS_PROVIDER_PREFIX)) {
            return null;
        }
        String last = providerId.substring(providerId.lastIndexOf('/') + 1);
        return last.startsWith("i-") ? last : null;
    }
}
