package dev.gracefulworker.functions.kubernetes;

import dev.gracefulworker.functions.RetryableException;
import io.kubernetes.client.openapi.ApiException;

/** Sorts Kubernetes API failures into "try again" and "this will not get better". */
public final class KubernetesFailures {

    private KubernetesFailures() {}

    /** One call to the API server that may fail with an {@link ApiException}. */
    @FunctionalInterface
    public interface Call<T> {
        T execute() throws ApiException;
    }

    /** Runs the call; failures become {@link RetryableException} or {@link KubernetesApiException} naming the operation. */
    public static <T> T call(String operation, Call<T> call) {
        try {
            return call.execute();
        } catch (ApiException e) {
            throw translate(operation, e);
        }
    }

    public static RuntimeException translate(String operation, ApiException e) {
        int status = e.getCode();
        String message = operation + " failed: " + describe(e);
        // code 0 is client-java's way of saying the request never got an HTTP answer (timeout, refused, TLS)
        if (status == 0 || status == 409 || status == 429 || status >= 500) {
            return new RetryableException(message, e);
        }
        return new KubernetesApiException(message, status, e);
    }

    private static String describe(ApiException e) {
        if (e.getCode() == 0) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        String body = e.getResponseBody();
        String detail = body == null || body.isBlank() ? e.getMessage() : body.strip();
        return "HTTP " + e.getCode() + " " + abbreviate(detail);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
