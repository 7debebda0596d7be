package dev.gracefulworker.functions.kubernetes;

/** The Kubernetes API refused a request in a way that retrying will not fix (4xx other than 404/409/429). */
public class KubernetesApiException extends RuntimeException {

    private final int status;

    public KubernetesApiException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
