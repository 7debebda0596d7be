package dev.gracefulworker.functions.aws;

/** An AWS API refused a call in a way retrying will not fix; carries the service's error code. */
public class AwsApiException extends RuntimeException {

    private final String errorCode;

    public AwsApiException(String operation, String errorCode, String message) {
        super(operation + " failed: " + errorCode + ": " + message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
