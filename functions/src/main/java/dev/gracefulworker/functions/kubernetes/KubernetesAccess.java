package dev.gracefulworker.functions.kubernetes;

import java.nio.file.Path;

/** How the functions reach the cluster: chosen by exactly one environment variable. */
public sealed interface KubernetesAccess {

    /** An EKS cluster: endpoint and CA from DescribeCluster, a presigned STS token as bearer. */
    record EksCluster(String clusterName) implements KubernetesAccess {}

    /** A kubeconfig stored as the string value of a Secrets Manager secret. */
    record KubeconfigSecret(String secretId) implements KubernetesAccess {}

    /** A kubeconfig file on disk (local runs and tests). */
    record KubeconfigFile(Path path) implements KubernetesAccess {}
}
