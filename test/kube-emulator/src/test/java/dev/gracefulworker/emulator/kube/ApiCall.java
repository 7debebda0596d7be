package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal JDK HTTP client for the emulator's tests: one request, answer as status + parsed JSON. */
final class ApiCall {
    /** A response: HTTP status and JSON body. */
    record Reply(int status, JsonNode body, java.net.http.HttpHeaders headers) {}

    private final HttpClient client;
    private final URI base;
    private String token;

    ApiCall(URI base, String token) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), base, token);
    }

    ApiCall(HttpClient client, URI base, String token) {
        this.client = client;
        this.base = base;
        this.token = token;
    }

    static ApiCall to(KubeEmulator emulator) {
        return new ApiCall(emulator.httpUrl(), emulator.token());
    }

    ApiCall withToken(String newToken) {
        return new ApiCall(client, base, newToken);
    }

    Reply get(String pathAndQuery) {
        return send(builder(pathAndQuery).GET());
    }

    Reply post(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs a policy/v1 Eviction for the pod. */
    Reply evict(String namespace, String name) {
        return post("/api/v1/namespaces/" + namespace + "/pods/" + name + "/eviction", """
                {"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"%s","namespace":"%s"}}"""
                .formatted(name, namespace));
    }

    Reply put(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patch(String path, String contentType, String json) {
        return send(builder(path).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply send(String method, String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String pathAndQuery) {
        return send(builder(pathAndQuery).DELETE());
    }

    private HttpRequest.Builder builder(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), Json.MAPPER.readTree(response.body()), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
