package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.gracefulworker.emulator.kube.Scenario.OwnerKind;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Serves the Kubernetes REST paths the product and kubectl use, over one {@link Cluster}; shared by HTTP and HTTPS. */
final class ApiHandler implements HttpHandler {
    private final Cluster cluster;
    private final Faults faults;
    private final Supplier<Predicate<String>> acceptedTokens;
    private final RequestLog log;
    private final Clock clock;
    /** When the emulator started, on its clock: faults with afterSeconds/forSeconds count from here. */
    private final Instant started;
    private final Rbac rbac;
    /** Real time every request takes before it is served (a slow or busy API server); 0 = none. */
    private final long latencyMillis;
    private final ConcurrencyLimit concurrency;

    ApiHandler(Cluster cluster, Faults faults, Supplier<Predicate<String>> acceptedTokens, RequestLog log, Clock clock,
               Rbac rbac, long latencyMillis, ConcurrencyLimit concurrency) {
        this.cluster = cluster;
        this.concurrency = concurrency;
        this.rbac = rbac;
        this.latencyMillis = latencyMillis;
        this.clock = clock;
        this.started = clock.instant();
        this.faults = faults;
        this.acceptedTokens = acceptedTokens;
        this.log = log;
    }

    /** A routed request: method, path segments, decoded query parameters, body and content type. */
    private record Call(String method, String path, String[] segments, Map<String, String> params, byte[] body,
                        String contentType, String serverAddress, Identity identity, boolean impersonating) {

        boolean is(String... pattern) {
            if (segments.length != pattern.length) {
                return false;
            }
            for (int i = 0; i < pattern.length; i++) {
                if (!pattern[i].equals("*") && !pattern[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }

        String segment(int i) {
            return segments[i];
        }

        JsonNode json() {
            if (body.length == 0) {
                return null;
            }
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw ApiError.badRequest("the request body is not valid JSON: " + e.getMessage());
            }
        }
    }

    /** An answer: a status and a JSON tree, or a pod list whose items are already serialized. */
    private sealed interface Answer {
        int status();

        JsonNode tree();

        byte[] json() throws IOException;

        /** The Retry-After header's seconds, or null. */
        default Integer retryAfterSeconds() {
            return null;
        }
    }

    private record TreeAnswer(int status, JsonNode tree, Integer retryAfterSeconds) implements Answer {
        TreeAnswer(int status, JsonNode tree) {
            this(status, tree, null);
        }

        static TreeAnswer of(ApiError error) {
            return new TreeAnswer(error.code(), error.toStatus(), error.retryAfterSeconds());
        }

        public byte[] json() throws IOException {
            return Json.MAPPER.writeValueAsBytes(tree);
        }
    }

    private record ListAnswer(SerializedList list) implements Answer {
        public int status() {
            return 200;
        }

        public JsonNode tree() {
            return list.tree();
        }

        public byte[] json() {
            return list.json();
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Instant at = clock.instant();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        try (exchange) {
            byte[] body;
            Answer answer;
            boolean admitted = admitted();
            try {
                // admission comes first, as API Priority and Fairness does: a rejected request is not delayed or faulted
                answer = admitted ? answer(exchange, method, path, query) : tooManyInFlight();
                body = answer.json();
                log.record(new RecordedRequest(method, path, query, answer.status()), System.nanoTime() - started, at);
            } finally {
                // before the answer leaves: a client's next request must not find its own finished one still in flight
                if (admitted) {
                    concurrency.release();
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
            if (answer.retryAfterSeconds() != null) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(answer.retryAfterSeconds()));
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Answer answer(HttpExchange exchange, String method, String path, String query) {
        try {
            sleep(latencyMillis);
            Fault fault = faults.take(method, path, Duration.between(started, clock.instant()).toSeconds());
            if (fault != null) {
                sleep(fault.delayMillis() == null ? 0 : fault.delayMillis());
                if (fault.retryAfterSeconds() != null) {
                    throw ApiError.throttled(fault.retryAfterSeconds());
                }
                if (fault.status() != null) {
                    throw ApiError.injected(fault.status());
                }
            }
            authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            var impersonatedUser = exchange.getRequestHeaders().getFirst("Impersonate-User");
            var impersonatedGroups = exchange.getRequestHeaders().getOrDefault("Impersonate-Group", java.util.List.of());
            if (impersonatedUser == null && !impersonatedGroups.isEmpty()) {
                throw ApiError.badRequest("requested " + impersonatedGroups + " without impersonating a user");
            }
            // the token's user is an administrator, so it may impersonate anyone
            Identity identity = impersonatedUser == null ? Identity.ADMIN
                    : Identity.impersonated(impersonatedUser, impersonatedGroups);
            byte[] body = exchange.getRequestBody().readAllBytes();
            String host = exchange.getRequestHeaders().getFirst("Host");
            Call call = new Call(method, path, segments(path), params(query), body,
                    exchange.getRequestHeaders().getFirst("Content-Type"), host == null ? "" : host, identity,
                    impersonatedUser != null);
            Answer answer = route(call);
            if (answer.status() == 200 && Tables.wanted(exchange.getRequestHeaders().getFirst("Accept"))) {
                return Tables.of(answer.tree(), clock.instant()).<Answer>map(t -> new TreeAnswer(200, t)).orElse(answer);
            }
            return answer;
        } catch (ApiError e) {
            return TreeAnswer.of(e);
        } catch (IOException e) {
            return new TreeAnswer(500, ApiError.injected(500).toStatus());
        }
    }

    /** Through API Priority and Fairness: admitted at once, after a wait in its queue, or turned away. */
    private boolean admitted() {
        try {
            return concurrency.acquire();
        } catch (InterruptedException e) {
            // the server is stopping: the request is turned away like one that waited too long
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** API Priority and Fairness turning a request away: its 429 with {@code Retry-After: 1}, as kube-apiserver sends. */
    private static Answer tooManyInFlight() {
        return TreeAnswer.of(ApiError.throttled(1));
    }

    /** authorization.k8s.io/v1 SelfSubjectAccessReview: may the caller (or whom it impersonates) do this? */
    private Answer selfSubjectAccessReview(Call call) {
        // kubectl sends the review as protobuf, client-java and the Python client as JSON
        JsonNode review = call.contentType() != null && call.contentType().startsWith(ProtobufReview.CONTENT_TYPE)
                ? ProtobufReview.read(call.body()) : call.json();
        JsonNode attributes = review == null ? null : review.at("/spec/resourceAttributes");
        if (attributes == null || !attributes.isObject()) {
            throw ApiError.badRequest("SelfSubjectAccessReview spec.resourceAttributes is required (nonResourceAttributes "
                    + "are not emulated)");
        }
        Rbac.Decision decision = rbac.authorize(call.identity(), Rbac.Attributes.from(attributes));
        ObjectNode answer = Json.object().put("kind", "SelfSubjectAccessReview")
                .put("apiVersion", "authorization.k8s.io/v1");
        answer.putObject("metadata").putNull("creationTimestamp");
        answer.set("spec", review.path("spec").deepCopy());
        ObjectNode status = answer.putObject("status").put("allowed", decision.allowed());
        if (!decision.reason().isEmpty()) {
            status.put("reason", decision.reason());
        }
        return new TreeAnswer(201, answer);
    }

    /** Holds the request in real time, outside the cluster's lock, so concurrent requests overlap as on a server. */
    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiError.injected(503);
            }
        }
    }

    private void authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthorized();
        }
        if (!acceptedTokens.get().test(authorization.substring(7).strip())) {
            throw ApiError.unauthorized();
        }
    }

    private Answer route(Call call) {
        Optional<ObjectNode> discovery = Discovery.document(call.path(), call.serverAddress());
        if (discovery.isPresent()) {
            requireMethod(call, "GET");
            return ok(discovery.get());
        }
        if (call.is("apis", "authorization.k8s.io", "v1", "selfsubjectaccessreviews")) {
            requireMethod(call, "POST");
            return selfSubjectAccessReview(call);
        }
        if (call.impersonating()) {
            // only the access review consults RBAC: serving other calls as if allowed would hide a missing grant
            throw ApiError.forbidden("impersonation is emulated for selfsubjectaccessreviews only");
        }
        if ("true".equals(call.params().get("watch")) || "1".equals(call.params().get("watch"))) {
            throw ApiError.methodNotAllowed();
        }
        if (call.is("api", "v1", "nodes")) {
            requireMethod(call, "GET");
            return ok(cluster.listNodes(fields(call, FieldSelector.NODE_FIELDS), labels(call)));
        }
        if (call.is("api", "v1", "nodes", "*")) {
            return node(call, call.segment(3));
        }
        if (call.is("api", "v1", "pods")) {
            requireMethod(call, "GET");
            return new ListAnswer(cluster.listPods(null, fields(call, FieldSelector.POD_FIELDS), labels(call)));
        }
        if (call.is("api", "v1", "namespaces", "*", "pods")) {
            requireMethod(call, "GET");
            return new ListAnswer(cluster.listPods(call.segment(3), fields(call, FieldSelector.POD_FIELDS), labels(call)));
        }
        if (call.is("api", "v1", "namespaces", "*", "pods", "*")) {
            return pod(call, call.segment(3), call.segment(5));
        }
        if (call.is("api", "v1", "namespaces", "*", "pods", "*", "eviction")) {
            requireMethod(call, "POST");
            return evict(call, call.segment(3), call.segment(5));
        }
        if (call.is("apis", "policy", "v1", "poddisruptionbudgets")) {
            requireMethod(call, "GET");
            return ok(cluster.listBudgets(null, fields(call, FieldSelector.GENERIC_FIELDS), labels(call)));
        }
        if (call.is("apis", "policy", "v1", "namespaces", "*", "poddisruptionbudgets")) {
            requireMethod(call, "GET");
            return ok(cluster.listBudgets(call.segment(4), fields(call, FieldSelector.GENERIC_FIELDS), labels(call)));
        }
        if (call.is("apis", "policy", "v1", "namespaces", "*", "poddisruptionbudgets", "*")) {
            requireMethod(call, "GET");
            String name = call.segment(6);
            return ok(cluster.budget(call.segment(4), name)
                    .orElseThrow(() -> ApiError.notFound("policy", "poddisruptionbudgets", name)));
        }
        if (call.is("apis", "storage.k8s.io", "v1", "volumeattachments")) {
            requireMethod(call, "GET");
            return ok(cluster.listVolumeAttachments(fields(call, FieldSelector.GENERIC_FIELDS), labels(call)));
        }
        if (call.is("apis", "storage.k8s.io", "v1", "volumeattachments", "*")) {
            requireMethod(call, "GET");
            String name = call.segment(4);
            return ok(cluster.volumeAttachment(name)
                    .orElseThrow(() -> ApiError.notFound("storage.k8s.io", "volumeattachments", name)));
        }
        if (call.is("apis", "apps", "v1", "*")) {
            requireMethod(call, "GET");
            return ok(cluster.listControllers(appsKind(call.segment(3)), null, fields(call, FieldSelector.GENERIC_FIELDS),
                    labels(call)));
        }
        if (call.is("apis", "apps", "v1", "namespaces", "*", "*")) {
            OwnerKind kind = appsKind(call.segment(5));
            return switch (call.method()) {
                case "GET" -> ok(cluster.listControllers(kind, call.segment(4), fields(call, FieldSelector.GENERIC_FIELDS),
                        labels(call)));
                case "POST" -> new TreeAnswer(201, cluster.createWorkload(managedKind(kind), call.segment(4), call.json()));
                default -> throw ApiError.methodNotAllowed();
            };
        }
        if (call.is("apis", "apps", "v1", "namespaces", "*", "*", "*")) {
            return controller(call, call.segment(4), call.segment(5), call.segment(6));
        }
        throw ApiError.noSuchResource();
    }

    private Answer node(Call call, String name) {
        return switch (call.method()) {
            case "GET" -> ok(cluster.node(name).orElseThrow(() -> ApiError.notFound("nodes", name)));
            case "PATCH" -> {
                PatchType type = PatchType.of(call.contentType());
                JsonNode patch = call.json();
                if (patch == null) {
                    throw ApiError.badRequest("the request body is empty");
                }
                yield ok(cluster.patchNode(name, type, patch));
            }
            case "PUT" -> ok(cluster.updateNode(name, call.json()));
            default -> throw ApiError.methodNotAllowed();
        };
    }

    private Answer pod(Call call, String namespace, String name) {
        return switch (call.method()) {
            case "GET" -> ok(cluster.pod(namespace, name).orElseThrow(() -> ApiError.notFound("pods", name)));
            case "DELETE" -> ok(cluster.deletePod(namespace, name, DeleteOptions.from(call.json(), call.params())));
            default -> throw ApiError.methodNotAllowed();
        };
    }

    private Answer evict(Call call, String namespace, String name) {
        JsonNode eviction = call.json();
        if (eviction != null) {
            String named = eviction.path("metadata").path("name").asText(name);
            if (!named.equals(name)) {
                throw ApiError.badRequest("name in URL does not match name in Eviction object");
            }
        }
        JsonNode options = eviction == null ? null : eviction.get("deleteOptions");
        cluster.evict(namespace, name, DeleteOptions.from(options, call.params()));
        ObjectNode success = Json.object().put("kind", "Status").put("apiVersion", "v1");
        success.putObject("metadata");
        success.put("status", "Success").put("code", 201);
        return new TreeAnswer(201, success);
    }

    private Answer controller(Call call, String namespace, String resource, String name) {
        OwnerKind kind = appsKind(resource);
        return switch (call.method()) {
            case "GET" -> ok(cluster.controller(kind, namespace, name)
                    .orElseThrow(() -> ApiError.notFound("apps", resource, name)));
            case "DELETE" -> ok(cluster.deleteWorkload(managedKind(kind), namespace, name));
            default -> throw ApiError.methodNotAllowed();
        };
    }

    private static OwnerKind appsKind(String resource) {
        return switch (resource) {
            case "daemonsets" -> OwnerKind.DaemonSet;
            case "replicasets" -> OwnerKind.ReplicaSet;
            case "statefulsets" -> OwnerKind.StatefulSet;
            default -> throw ApiError.noSuchResource();
        };
    }

    /** The kinds the workload controller manages (created and deleted through the API); DaemonSets are only served. */
    private static OwnerKind managedKind(OwnerKind kind) {
        if (kind != OwnerKind.ReplicaSet && kind != OwnerKind.StatefulSet) {
            throw ApiError.methodNotAllowed();
        }
        return kind;
    }

    private static FieldSelector fields(Call call, Map<String, Function<JsonNode, String>> supported) {
        return FieldSelector.parse(call.params().get("fieldSelector"), supported);
    }

    private static LabelSelector labels(Call call) {
        return LabelSelector.parse(call.params().get("labelSelector"));
    }

    private static void requireMethod(Call call, String method) {
        if (!call.method().equals(method)) {
            throw ApiError.methodNotAllowed();
        }
    }

    private static Answer ok(JsonNode body) {
        return new TreeAnswer(200, body);
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        if (trimmed.isEmpty()) {
            return new String[0];
        }
        String[] raw = trimmed.split("/");
        for (int i = 0; i < raw.length; i++) {
            raw[i] = URLDecoder.decode(raw[i], StandardCharsets.UTF_8);
        }
        return raw;
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }
}
