package dev.gracefulworker.e2e;

import dev.gracefulworker.e2e.scenario.InstanceSpec;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeAddress;
import io.kubernetes.client.util.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The EC2 instances a real cluster's nodes stand for, read from their {@code spec.providerID}: what the local EC2
 * endpoint answers when the workflow runs against a real cluster. Nodes of other providers (kind) have none.
 */
final class ClusterInstances {

    private ClusterInstances() {
    }

    static List<InstanceSpec> readFrom(Path kubeconfig) {
        try {
            ApiClient client = Config.fromConfig(kubeconfig.toString());
            return new CoreV1Api(client).listNode().execute().getItems().stream()
                    .flatMap(node -> instanceOf(node).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kubeconfig " + kubeconfig, e);
        } catch (ApiException e) {
            throw new IllegalStateException("cannot list the cluster's nodes through " + kubeconfig + ": HTTP "
                    + e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    private static Optional<InstanceSpec> instanceOf(V1Node node) {
        String name = node.getMetadata().getName();
        return ProviderId.parse(node.getSpec() == null ? null : node.getSpec().getProviderID())
                .map(id -> new InstanceSpec(id.instanceId(), "running", privateDnsName(node).orElse(name),
                        id.availabilityZone()));
    }

    private static Optional<String> privateDnsName(V1Node node) {
        List<V1NodeAddress> addresses = node.getStatus() == null ? null : node.getStatus().getAddresses();
        return addresses == null ? Optional.empty() : addresses.stream()
                .filter(address -> "InternalDNS".equals(address.getType()))
                .map(V1NodeAddress::getAddress)
                .findFirst();
    }
}
