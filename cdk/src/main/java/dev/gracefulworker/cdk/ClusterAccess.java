package dev.gracefulworker.cdk;

/** How the task functions reach the Kubernetes API. */
public sealed interface ClusterAccess {

    /** An EKS cluster: endpoint and CA from eks:DescribeCluster, a token from the task role, an access entry. */
    record EksCluster(String clusterName) implements ClusterAccess {
    }

    /** Any other Kubernetes on EC2: a kubeconfig held in Secrets Manager. */
    record KubeconfigSecret(String secretArn) implements ClusterAccess {
    }
}
