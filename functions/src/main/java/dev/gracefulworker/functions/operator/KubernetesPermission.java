package dev.gracefulworker.functions.operator;

import java.util.List;

/**
 * One thing the task functions do in Kubernetes, as an access review asks it. {@link #FUNCTIONS_NEED} is what the
 * shipped RBAC manifest ({@code cdk/rbac/graceful-worker-terminator-rbac.yaml}) grants: {@code GwtPreflightTest}
 * applies the manifest to the emulated cluster and sees every one of them allowed.
 *
 * @param verb        get, list, patch, create
 * @param group       the API group: empty for the core group, {@code storage.k8s.io} for volume attachments,
 *                    {@code policy} for PodDisruptionBudgets
 * @param resource    nodes, pods, volumeattachments, poddisruptionbudgets
 * @param subresource eviction, or empty
 * @param why         what the functions use it for
 */
public record KubernetesPermission(String verb, String group, String resource, String subresource, String why) {

    public static final List<KubernetesPermission> FUNCTIONS_NEED = List.of(
            new KubernetesPermission("get", "", "nodes", "", "read the node before cordoning"),
            new KubernetesPermission("list", "", "nodes", "", "find the instance's node"),
            new KubernetesPermission("patch", "", "nodes", "", "cordon and taint the node"),
            new KubernetesPermission("get", "", "pods", "", "re-read a pod"),
            new KubernetesPermission("list", "", "pods", "", "see the pods on the node, in every namespace"),
            new KubernetesPermission("create", "", "pods", "eviction", "evict through the Eviction API"),
            new KubernetesPermission("list", "storage.k8s.io", "volumeattachments", "",
                    "wait for the node's volumes to detach"),
            new KubernetesPermission("list", "policy", "poddisruptionbudgets", "",
                    "hold back evictions a PodDisruptionBudget forbids now"));

    /** As {@code kubectl auth can-i} names it: {@code patch nodes}, {@code create pods/eviction}. */
    public String describe() {
        return verb + " " + resource + (group.isEmpty() ? "" : "." + group) + (subresource.isEmpty() ? "" : "/" + subresource);
    }
}
