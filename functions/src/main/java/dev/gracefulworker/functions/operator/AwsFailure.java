package dev.gracefulworker.functions.operator;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** A failed AWS call of gwt itself, as one check line or one failure: what went wrong, briefly, and what to do. */
final class AwsFailure {

    private static final int MAX_MESSAGE = 160;

    private AwsFailure() {}

    /**
     * @param subject   what was being checked
     * @param operation the API call, e.g. {@code DescribeCluster}
     * @param action    the IAM action it needs, e.g. {@code eks:DescribeCluster}
     */
    static CheckResult of(String subject, String operation, String action, SdkException e) {
        return CheckResult.fail(subject, operation + " failed: " + brief(e.getMessage()), fix(action, e));
    }

    /** A failed AWS call of another command, as its one-line failure. */
    static CommandFailure command(String operation, String action, SdkException e) {
        return new CommandFailure(operation + " failed: " + brief(e.getMessage()), fix(action, e));
    }

    private static String fix(String action, SdkException e) {
        return switch (e) {
            case SdkServiceException service when service.statusCode() == 403 ->
                    "allow " + action + " to the identity running gwt";
            case SdkClientException client ->
                    "check your AWS credentials, region and network (aws sts get-caller-identity)";
            default -> "retry; if it persists, check the service's health in this region";
        };
    }

    /** The SDK's credential chain messages run to a kilobyte, and some span lines: the first sentence says it. */
    static String brief(String message) {
        String text = message == null ? "" : message.strip().lines().findFirst().orElse("");
        int paren = text.indexOf(" AwsCredentialsProviderChain(");
        if (paren > 0) {
            text = text.substring(0, paren);
        }
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
