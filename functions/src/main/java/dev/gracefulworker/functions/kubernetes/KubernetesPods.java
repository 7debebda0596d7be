package dev.gracefulworker.functions.kubernetes;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1DeleteOptions;
import io.kubernetes.client.openapi.models.V1Eviction;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.openapi.models.V1Preconditions;
import dev.gracefulworker.functions.Json;
import java.io.IOException;
import java.util.List;

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
                page -> () -> listPage(selector, page),
                PodListPage::pods,
                list -> new V1ListMeta()._continue(list.continueToken()));
    }

    /** Runs client-java's request (auth, TLS, timeouts) but decodes the answer with Jackson: see {@link PodListPage}. */
    private PodListPage listPage(String fieldSelector, String continueToken) throws ApiException {
        okhttp3.Call call = api.listPodForAllNamespaces().fieldSelector(fieldSelector)
                .limit(ListPages.PAGE_SIZE)._continue(continueToken).buildCall(null);
        try (okhttp3.Response response = call.execute()) {
            okhttp3.ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw new ApiException(response.message(), response.code(), response.headers().toMultimap(),
                        body == null ? null : body.string());
            }
            if (body == null) {
                throw new ApiException("empty answer to a pod list", response.code(), response.headers().toMultimap(), null);
            }
            return Json.mapper().readValue(body.byteStream(), PodListPage.class);
        } catch (IOException e) {
            // client-java's own convention: code 0 = no usable HTTP answer (timeout, refused, TLS, cut-off body)
            throw new ApiException(e);
        }
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
}
