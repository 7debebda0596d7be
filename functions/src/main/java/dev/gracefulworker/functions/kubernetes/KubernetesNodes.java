package dev.gracefulworker.functions.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeList;
import io.kubernetes.client.openapi.models.V1Taint;
import io.kubernetes.client.util.PatchUtils;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link Nodes} through client-java. */
public final class KubernetesNodes implements Nodes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient client;
    private final CoreV1Api api;

    public KubernetesNodes(ApiClient client) {
        this.client = client;
        this.api = new CoreV1Api(client);
    }

    @Override
    public Optional<NodeInfo> find(String name) {
        try {
            return Optional.of(toNodeInfo(api.readNode(name).execute()));
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw KubernetesFailures.translate("get node " + name, e);
        }
    }

    @Override
    public List<NodeInfo> list() {
        return ListPages.all("list nodes",
                page -> () -> api.listNode().limit(ListPages.PAGE_SIZE)._continue(page).execute(),
                list -> list.getItems().stream().map(KubernetesNodes::toNodeInfo).toList(),
                V1NodeList::getMetadata);
    }

    @Override
    public boolean patch(String name, NodePatch patch) {
        String body = mergePatchJson(patch);
        try {
            PatchUtils.patch(
                    V1Node.class,
                    () -> api.patchNode(name, new V1Patch(body)).buildCall(null),
                    V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                    client);
            return true;
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw KubernetesFailures.translate("patch node " + name, e);
        }
    }

    static String mergePatchJson(NodePatch patch) {
        List<Map<String, String>> taints = patch.taints().stream().map(KubernetesNodes::taintJson).toList();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resourceVersion", patch.resourceVersion());
        metadata.put("annotations", patch.annotations());
        if (!patch.labels().isEmpty()) {
            metadata.put("labels", patch.labels());
        }
        Map<String, Object> body = Map.of(
                "metadata", metadata,
                "spec", Map.of("unschedulable", patch.unschedulable(), "taints", taints));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> taintJson(Taint taint) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("key", taint.key());
        if (taint.value() != null) {
            json.put("value", taint.value());
        }
        json.put("effect", taint.effect());
        return json;
    }

    static NodeInfo toNodeInfo(V1Node node) {
        var metadata = Objects.requireNonNull(node.getMetadata(), "node without metadata");
        var spec = node.getSpec();
        Map<String, String> labels = Optional.ofNullable(metadata.getLabels()).orElse(Map.of());
        List<Taint> taints = spec == null || spec.getTaints() == null
                ? List.of()
                : spec.getTaints().stream().map(KubernetesNodes::toTaint).toList();
        boolean ready = node.getStatus() != null && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        return new NodeInfo(
                metadata.getName(),
                spec == null ? null : spec.getProviderID(),
                labels.get(NodeInfo.HOSTNAME_LABEL),
                spec != null && Boolean.TRUE.equals(spec.getUnschedulable()),
                ready,
                taints,
                Optional.ofNullable(metadata.getAnnotations()).orElse(Map.of()),
                metadata.getResourceVersion(),
                labels);
    }

    private static Taint toTaint(V1Taint taint) {
        return new Taint(taint.getKey(), taint.getValue(), taint.getEffect());
    }
}
