package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A failed API call, answered with a {@code Status} body shaped exactly as kube-apiserver writes it. */
final class ApiError extends RuntimeException {
    private final int code;
    private final String reason;
    private final ObjectNode details;
    private final Integer retryAfterSeconds;

    private ApiError(int code, String reason, String message, ObjectNode details) {
        this(code, reason, message, details, null);
    }

    private ApiError(int code, String reason, String message, ObjectNode details, Integer retryAfterSeconds) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.details = details;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int code() {
        return code;
    }

    /** The {@code Retry-After} header to send, or null. */
    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * API Priority and Fairness rejecting a request (apiserver's {@code tooManyRequests}): 429 with the header
     * {@code Retry-After} and {@code details.retryAfterSeconds}, and no {@code DisruptionBudget} cause.
     */
    static ApiError throttled(int retryAfterSeconds) {
        ObjectNode details = Json.object().put("retryAfterSeconds", retryAfterSeconds);
        return new ApiError(429, "TooManyRequests", "Too many requests, please try again later.", details,
                retryAfterSeconds);
    }

    static ApiError notFound(String resource, String name) {
        return new ApiError(404, "NotFound", resource + " \"" + name + "\" not found", named(resource, name));
    }

    /** NotFound for a resource of a named API group: the message reads {@code daemonsets.apps "x" not found}. */
    static ApiError notFound(String group, String resource, String name) {
        ObjectNode details = Json.object().put("name", name).put("group", group).put("kind", resource);
        return new ApiError(404, "NotFound", resource + "." + group + " \"" + name + "\" not found", details);
    }

    /** AlreadyExists for a resource of a named API group: {@code replicasets.apps "x" already exists}. */
    static ApiError alreadyExists(String group, String resource, String name) {
        ObjectNode details = Json.object().put("name", name).put("group", group).put("kind", resource);
        return new ApiError(409, "AlreadyExists", resource + "." + group + " \"" + name + "\" already exists", details);
    }

    static ApiError noSuchResource() {
        return new ApiError(404, "NotFound", "the server could not find the requested resource", null);
    }

    static ApiError conflict(String resource, String name) {
        return conflict(resource, name,
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    static ApiError conflict(String resource, String name, String why) {
        return new ApiError(409, "Conflict", "Operation cannot be fulfilled on " + resource + " \"" + name + "\": " + why,
                named(resource, name));
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message, null);
    }

    /** A JSON patch that cannot be applied: kube-apiserver's generic 422 with the patch library's error as the cause. */
    static ApiError patchNotApplicable(String cause) {
        ObjectNode details = Json.object();
        details.putArray("causes").addObject().put("message", cause);
        return new ApiError(422, "Invalid", "the server rejected our request due to an error in our request", details);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "Unauthorized", "Unauthorized", null);
    }

    static ApiError forbidden(String message) {
        return new ApiError(403, "Forbidden", message, null);
    }

    static ApiError methodNotAllowed() {
        return new ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", null);
    }

    static ApiError unsupportedMediaType(String contentType) {
        return new ApiError(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted "
                + "media types include: application/json-patch+json, application/merge-patch+json, "
                + "application/apply-patch+yaml, application/strategic-merge-patch+json", null);
    }

    /** The eviction answer when a PodDisruptionBudget allows no disruption, with its {@code DisruptionBudget} cause. */
    static ApiError disruptionBudgetViolated(String pdbName, int desiredHealthy, int currentHealthy) {
        ObjectNode details = Json.object();
        details.putArray("causes").addObject()
                .put("reason", "DisruptionBudget")
                .put("message", "The disruption budget " + pdbName + " needs " + desiredHealthy
                        + " healthy pods and has " + currentHealthy + " currently");
        return new ApiError(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.",
                details);
    }

    static ApiError multipleBudgets() {
        String cause = "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.";
        ObjectNode details = Json.object();
        details.putArray("causes").addObject().put("message", cause);
        return new ApiError(500, "InternalError", "Internal error occurred: " + cause, details);
    }

    /** What an injected fault answers: the status the real server sends with that code. */
    static ApiError injected(int code) {
        return switch (code) {
            case 429 -> new ApiError(429, "TooManyRequests", "Too many requests, please try again later.", null);
            case 500 -> new ApiError(500, "InternalError", "Internal error occurred: injected fault", null);
            case 503 -> new ApiError(503, "ServiceUnavailable", "the server is currently unable to handle the request", null);
            case 504 -> new ApiError(504, "Timeout", "the server was unable to return a response in the time allotted,"
                    + " but may still be processing the request", null);
            case 401 -> unauthorized();
            case 403 -> new ApiError(403, "Forbidden", "forbidden: injected fault", null);
            case 404 -> noSuchResource();
            case 409 -> new ApiError(409, "Conflict", "Operation cannot be fulfilled: injected fault", null);
            default -> new ApiError(code, code >= 500 ? "InternalError" : "BadRequest", "injected fault " + code, null);
        };
    }

    ObjectNode toStatus() {
        ObjectNode status = Json.object();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        if (details != null) {
            status.set("details", details);
        }
        status.put("code", code);
        return status;
    }

    private static ObjectNode named(String resource, String name) {
        return Json.object().put("name", name).put("kind", resource);
    }
}
