package dev.gracefulworker.functions.aws;

import dev.gracefulworker.functions.RetryableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Sorts AWS failures left after the SDK's own retries into "try again" and "this will not get better". */
public final class AwsFailures {

    private AwsFailures() {}

    /** Throttling, 5xx and client-side failures (timeouts, connection errors) are retryable; the rest is returned as is. */
    public static RuntimeException translate(String operation, SdkException e) {
        if (isTransient(e)) {
            return new RetryableException(operation + " failed: " + e.getMessage(), e);
        }
        return e;
    }

    static boolean isTransient(SdkException e) {
        return switch (e) {
            case AwsServiceException service -> service.isThrottlingException() || service.statusCode() >= 500;
            case SdkClientException _ -> true;
            default -> e.retryable();
        };
    }

    /** The service's error code, or "" when the failure did not come from the service. */
    public static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            return code == null ? "" : code;
        }
        return "";
    }

    /** The service's error message, or the exception's message. */
    public static String errorMessage(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            return service.awsErrorDetails().errorMessage();
        }
        return String.valueOf(e.getMessage());
    }
}
