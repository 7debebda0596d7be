package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The discovery documents kubectl and the clients read before any call: {@code /version}, {@code /api}, {@code /apis}
 * and the resource lists of the group-versions served. Plain JSON only: kubectl asks for aggregated discovery (v2)
 * first and falls back to these when the answer is not an APIGroupDiscoveryList.
 */
final class Discovery {
    private static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    private Discovery() {}

    /** The document at {@code path}, if it is a discovery path. */
    static Optional<ObjectNode> document(String path, String serverAddress) {
        return Optional.ofNullable(switch (path) {
            case "/version", "/version/" -> version();
            case "/api", "/api/" -> apiVersions(serverAddress);
            case "/apis", "/apis/" -> apiGroups();
            case "/api/v1", "/api/v1/" -> coreV1();
            case "/apis/policy/v1", "/apis/policy/v1/" -> policyV1();
            case "/apis/apps/v1", "/apis/apps/v1/" -> appsV1();
            case "/apis/authorization.k8s.io/v1", "/apis/authorization.k8s.io/v1/" -> authorizationV1();
            case "/apis/storage.k8s.io/v1", "/apis/storage.k8s.io/v1/" -> storageV1();
            default -> null;
        });
    }

    static ObjectNode version() {
        return Json.object().put("major", "1").put("minor", "32").put("gitVersion", "v1.32.9-eks-3cfd6c7")
                .put("gitCommit", "f3ec5a6d4d4e5d3a0f8b0c5a8e5c9a4d1f2b3c4d").put("gitTreeState", "clean")
                .put("buildDate", "2025-09-10T20:42:16Z").put("goVersion", "go1.23.12").put("compiler", "gc")
                .put("platform", "linux/amd64");
    }

    private static ObjectNode apiVersions(String serverAddress) {
        ObjectNode doc = Json.object().put("kind", "APIVersions");
        doc.putArray("versions").add("v1");
        doc.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", serverAddress);
        return doc;
    }

    private static ObjectNode apiGroups() {
        ObjectNode doc = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        for (String group : List.of("apps", "authorization.k8s.io", "policy", "storage.k8s.io")) {
            ObjectNode g = groups.addObject().put("name", group);
            ObjectNode version = Json.object().put("groupVersion", group + "/v1").put("version", "v1");
            g.putArray("versions").add(version);
            g.set("preferredVersion", version.deepCopy());
        }
        return doc;
    }

    private static ObjectNode coreV1() {
        ObjectNode doc = resourceList("v1");
        ArrayNode resources = (ArrayNode) doc.get("resources");
        resource(resources, "nodes", "node", false, "Node", ALL_VERBS, "no");
        resource(resources, "nodes/status", "", false, "Node", List.of("get", "patch", "update"), null);
        resource(resources, "pods", "pod", true, "Pod", ALL_VERBS, "po").putArray("categories").add("all");
        resource(resources, "pods/eviction", "", true, "Eviction", List.of("create"), null)
                .put("group", "policy").put("version", "v1");
        resource(resources, "pods/status", "", true, "Pod", List.of("get", "patch", "update"), null);
        return doc;
    }

    private static ObjectNode policyV1() {
        ObjectNode doc = resourceList("policy/v1");
        ArrayNode resources = (ArrayNode) doc.get("resources");
        resource(resources, "poddisruptionbudgets", "poddisruptionbudget", true, "PodDisruptionBudget", ALL_VERBS, "pdb");
        resource(resources, "poddisruptionbudgets/status", "", true, "PodDisruptionBudget",
                List.of("get", "patch", "update"), null);
        return doc;
    }

    private static ObjectNode authorizationV1() {
        ObjectNode doc = resourceList("authorization.k8s.io/v1");
        resource((ArrayNode) doc.get("resources"), "selfsubjectaccessreviews", "", false, "SelfSubjectAccessReview",
                List.of("create"), null);
        return doc;
    }

    private static ObjectNode appsV1() {
        ObjectNode doc = resourceList("apps/v1");
        ArrayNode resources = (ArrayNode) doc.get("resources");
        resource(resources, "daemonsets", "daemonset", true, "DaemonSet", ALL_VERBS, "ds");
        resource(resources, "replicasets", "replicaset", true, "ReplicaSet", ALL_VERBS, "rs");
        resource(resources, "statefulsets", "statefulset", true, "StatefulSet", ALL_VERBS, "sts");
        return doc;
    }

    private static ObjectNode storageV1() {
        ObjectNode doc = resourceList("storage.k8s.io/v1");
        ArrayNode resources = (ArrayNode) doc.get("resources");
        resource(resources, "volumeattachments", "volumeattachment", false, "VolumeAttachment", ALL_VERBS, null);
        resource(resources, "volumeattachments/status", "", false, "VolumeAttachment",
                List.of("get", "patch", "update"), null);
        return doc;
    }

    private static ObjectNode resourceList(String groupVersion) {
        ObjectNode doc = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", groupVersion);
        doc.putArray("resources");
        return doc;
    }

    private static ObjectNode resource(ArrayNode resources, String name, String singular, boolean namespaced,
                                       String kind, List<String> verbs, String shortName) {
        ObjectNode r = resources.addObject().put("name", name).put("singularName", singular)
                .put("namespaced", namespaced).put("kind", kind);
        ArrayNode v = r.putArray("verbs");
        verbs.forEach(v::add);
        if (shortName != null) {
            r.putArray("shortNames").add(shortName);
        }
        return r;
    }
}
