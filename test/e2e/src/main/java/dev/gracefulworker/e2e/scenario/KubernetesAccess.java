package dev.gracefulworker.e2e.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the handlers reach Kubernetes, as the stack configures them: a kubeconfig file ({@code KUBECONFIG_PATH}), a
 * kubeconfig in Secrets Manager ({@code KUBECONFIG_SECRET_ID}) or EKS ({@code CLUSTER_NAME}: DescribeCluster for the
 * endpoint and CA, a presigned STS token as the bearer token).
 */
public enum KubernetesAccess {
    KUBECONFIG("kubeconfig"),
    SECRET("secret"),
    EKS("eks");

    private final String yamlName;

    KubernetesAccess(String yamlName) {
        this.yamlName = yamlName;
    }

    /** {@code kubeconfig}, {@code secret} or {@code eks}, as a scenario file spells it. */
    @JsonCreator
    public static KubernetesAccess named(String name) {
        return Arrays.stream(values()).filter(access -> access.yamlName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kubernetesAccess is one of " + Arrays.stream(values())
                        .map(access -> access.yamlName).collect(Collectors.joining(", ")) + ", not " + name));
    }
}
