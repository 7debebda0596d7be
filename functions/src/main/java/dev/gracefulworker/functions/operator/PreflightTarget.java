package dev.gracefulworker.functions.operator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deploy (or a drain) needs, as the operator states it: the same values as the CDK context, plus the stack's
 * outputs once it is deployed.
 *
 * @param cluster                the EKS cluster name, or the kubeconfig secret (exactly one)
 * @param autoScalingGroupNames  the groups whose termination hook the workflow answers
 * @param lifecycleHookName      the hooks' name
 * @param kubernetesGroup        the Kubernetes group of the access entry and the RBAC binding
 * @param topicArn               output TopicArn: when given, each hook must notify it (deployed stack)
 * @param hookRoleArn            output LifecycleHookRoleArn: when given, each hook must publish as it
 * @param taskRoleArn            output TaskRoleArn: when given, its EKS access entry must exist
 * @param eventBridgeEntry       the stack starts from EventBridge: its hooks notify no topic
 */
record PreflightTarget(ClusterRef cluster, List<String> autoScalingGroupNames, String lifecycleHookName,
                       String kubernetesGroup, Optional<String> topicArn, Optional<String> hookRoleArn,
                       Optional<String> taskRoleArn, boolean eventBridgeEntry) {

    /** How the functions reach Kubernetes. */
    sealed interface ClusterRef {
        record Eks(String clusterName) implements ClusterRef {}

        record KubeconfigSecret(String secretId) implements ClusterRef {}
    }

    PreflightTarget {
        Objects.requireNonNull(cluster, "cluster");
        autoScalingGroupNames = List.copyOf(autoScalingGroupNames);
        Objects.requireNonNull(lifecycleHookName, "lifecycleHookName");
        Objects.requireNonNull(kubernetesGroup, "kubernetesGroup");
    }
}
