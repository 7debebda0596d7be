package dev.gracefulworker.functions;

/**
 * A failure worth trying again: Kubernetes 5xx, timeouts and connection errors, AWS throttling or 5xx left
 * after the SDK's own retries. The state machine retries this error by its class name.
 */
public final class RetryableException extends RuntimeException {

    public RetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
