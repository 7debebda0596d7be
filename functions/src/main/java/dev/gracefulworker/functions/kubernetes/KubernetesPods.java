package dev.gracefulworker.functions.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Eviction;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1Preconditions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link Pods} through client-java: one node's pods by field selector, evictions through policy/v1. */
public final class KubernetesPods implements Pods {


    private final ApiClient client;
    private final CoreV1Api api;

    public KubernetesPods(ApiClient client) {
        this.client = client;
        this.api = new CoreV1Api(client);
    }

    @Override
    public List<PodInfo> onNode(String nodeName) {
        String selector = "spec.nodeName=" + nodeName;
        return ListPages.all("list pods on node " + nodeName,
                page -> () -> api.listPodForAllNamespaces().fieldSelector(selector)
                        .limit(ListPages.PAGE_SIZE)._continue(page).execute(),
                list -> list.getItems().stream().map(KubernetesPods::toPodInfo).toList(),
                V1PodList::getMetadata);
    }

    @Override
    public EvictionOutcome evict(PodInfo pod) {
        // The UID precondition makes the API refuse (409) to evict a new pod that took the old one's name.
        V1Eviction eviction = new V1Eviction()
                .apiVersion("policy/v1")
                .kind("Eviction")
                .metadata(new V1ObjectMeta().name(pod.name()).namespace(pod.namespace()))
                .deleteOptions(new V1DeleteOptions().preconditions(new V1Preconditions().uid(pod.uid())));
        try {
            // The generated execute() would try to read the answer as an Eviction; the status code is all we need.
            client.execute(api.createNamespacedPodEviction(pod.name(), pod.namespace(), eviction).buildCall(null));
            return EvictionOutcome.EVICTED;
        } catch (ApiException e) {
            return switch (e.getCode()) {
                case 404, 409 -> EvictionOutcome.GONE;
                case 429 -> EvictionOutcome.BLOCKED;
                default -> throw KubernetesFailures.translate("evict pod " + pod.reference(), e);
            };
        }
    }

    static PodInfo toPodInfo(V1Pod pod) {
        V1ObjectMeta metadata = Objects.requireNonNull(pod.getMetadata(), "pod without metadata");
        List<String> ownerKinds = Optional.ofNullable(metadata.getOwnerReferences()).orElse(List.of()).stream()
                .map(V1OwnerReference::getKind)
                .toList();
        return new PodInfo(
                metadata.getNamespace(),
                metadata.getName(),
                metadata.getUid(),
                pod.getStatus() == null ? null : pod.getStatus().getPhase(),
                Optional.ofNullable(metadata.getLabels()).orElse(Map.of()),
                Optional.ofNullable(metadata.getAnnotations()).orElse(Map.of()),
                ownerKinds,
                metadata.getDeletionTimestamp() != null);
    }
}
