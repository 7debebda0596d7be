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
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link Pods} through client-java: one node's pods by field selector, evictions through policy/v1. */
public final class KubernetesPods implements Pods {

    private static final String DISRUPTION_BUDGET_CAUSE = "DisruptionBudget";
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

    /** Decoded with Jackson, not client-java's models: see {@link PodListPage}. */
    private PodListPage listPage(String fieldSelector, String continueToken) throws ApiException {
        okhttp3.Call call = api.listPodForAllNamespaces().fieldSelector(fieldSelector)
                .limit(ListPages.PAGE_SIZE)._continue(continueToken).buildCall(null);
        return JacksonAnswers.read(call, PodListPage.class, "a pod list");
    }

    @Override
    public EvictionOutcome evict(PodInfo pod, Duration timeout) {
        // The UID precondition makes the API refuse (409) to evict a new pod that took the old one's name.
        V1Eviction eviction = new V1Eviction()
                .apiVersion("policy/v1")
                .kind("Eviction")
                .metadata(new V1ObjectMeta().name(pod.name()).namespace(pod.namespace()))
                .deleteOptions(new V1DeleteOptions().preconditions(new V1Preconditions().uid(pod.uid())));
        try {
            okhttp3.Call call = api.createNamespacedPodEviction(pod.name(), pod.namespace(), eviction).buildCall(null);
            // the whole call, not each read, must end within the poll's budget
            call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // The generated execute() would try to read the answer as an Eviction; the status code is all we need.
            client.execute(call);
            return new EvictionOutcome.Evicted();
        } catch (ApiException e) {
            if (e.getCode() == 0 && e.getCause() instanceof InterruptedIOException) {
                return new EvictionOutcome.Unanswered();
            }
            return switch (e.getCode()) {
                case 404, 409 -> new EvictionOutcome.Gone();
                case 429 -> tooManyRequests(e);
                default -> throw KubernetesFailures.translate("evict pod " + pod.reference(), e);
            };
        }
    }

    @Override
    public boolean delete(PodInfo pod) {
        // the UID precondition keeps a new pod that took the old one's name safe from this deletion
        V1DeleteOptions options = new V1DeleteOptions()
                .gracePeriodSeconds(pod.terminationGracePeriodSeconds())
                .preconditions(new V1Preconditions().uid(pod.uid()));
        try {
            okhttp3.Call call = api.deleteNamespacedPod(pod.name(), pod.namespace()).body(options).buildCall(null);
            client.execute(call);
            return true;
        } catch (ApiException e) {
            if (e.getCode() == 404 || e.getCode() == 409) {
                return false;
            }
            throw KubernetesFailures.translate("delete pod " + pod.reference(), e);
        }
    }

    /**
     * A 429 is a PodDisruptionBudget's refusal only with the {@code DisruptionBudget} cause the eviction REST handler
     * adds; without it API Priority and Fairness (or a webhook's limiter) refused the request and says when to retry.
     */
    private static EvictionOutcome tooManyRequests(ApiException e) {
        if (causes(e.getResponseBody()).contains(DISRUPTION_BUDGET_CAUSE)) {
            return new EvictionOutcome.Blocked();
        }
        List<String> retryAfter = e.getResponseHeaders() == null ? null
                : e.getResponseHeaders().entrySet().stream()
                        .filter(header -> header.getKey() != null && header.getKey().equalsIgnoreCase("Retry-After"))
                        .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
        int seconds = 1;
        if (retryAfter != null && !retryAfter.isEmpty()) {
            try {
                seconds = Math.max(1, Integer.parseInt(retryAfter.getFirst().strip()));
            } catch (NumberFormatException notSeconds) {
                // an HTTP date instead of seconds: the next poll is later than any date the server would give
            }
        }
        return new EvictionOutcome.Throttled(seconds);
    }

    private static List<String> causes(String statusBody) {
        if (statusBody == null || statusBody.isBlank()) {
            return List.of();
        }
        try {
            List<String> reasons = new java.util.ArrayList<>();
            Json.mapper().readTree(statusBody).path("details").path("causes")
                    .forEach(cause -> reasons.add(cause.path("reason").asText("")));
            return reasons;
        } catch (IOException notJson) {
            return List.of();
        }
    }
}
