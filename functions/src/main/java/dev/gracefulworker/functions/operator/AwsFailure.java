package dev.gracefulworker.functions.operator;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** A failed AWS call of preflight itself, as one check line: what went wrong, briefly, and what to do. */
final class AwsFailure {

    private static final int MAX_MESSAGE = 160;

    private AwsFailure() {}

    /**
     * @param subject   what was being checked
     * @param operation the API call, e.g. {@code DescribeCluster}
     * @param action    the IAM action it needs, e.g. {@code eks:DescribeCluster}
     */
    static CheckResult of(String subject, String operation, String action, SdkException e) {
        String fix = switch (e) {
            case SdkServiceException service when service.statusCode() == 403 ->
                    "allow " + action + " to the identity running preflight";
            case SdkClientException client ->
                    "check your AWS credentials, region and network (aws sts get-caller-identity)";
            default -> "retry; if it persists, check the service's health in this region";
        };
        return CheckResult.fail(subject, operation + " failed: " + brief(e.getMessage()), fix);
    }

    /** The SDK's credential chain messages run to a kilobyte: the first sentence says it. */
    private static String brief(String message) {
        String text = message == null ? "" : message.strip();
        int paren = text.indexOf(" AwsCredentialsProviderChain(");
        if (paren > 0) {
            text = text.substring(0, paren);
        }
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
