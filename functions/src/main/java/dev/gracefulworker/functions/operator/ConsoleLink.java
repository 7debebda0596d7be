package dev.gracefulworker.functions.operator;

/** The Step Functions console's page of one execution, the graph and the event history an operator reads next. */
final class ConsoleLink {

    private ConsoleLink() {}

    static String of(String region, String executionArn) {
        return "https://%s.console.aws.amazon.com/states/home?region=%s#/v2/executions/details/%s"
                .formatted(region, region, executionArn);
    }
}
