package dev.gracefulworker.functions.operator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.functions.Json;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * The executions of some instances on a state machine. Execution names start with the instance id (the starter names
 * them {@code <instanceId>-<token>}, replays {@code <original>-replay-<n>}), and ListExecutions cannot filter by
 * name, so every page is read and matched here; each match is described for its output or error.
 */
final class InstanceExecutions {

    /** ListExecutions' largest page: the fewest calls on a state machine with a long history. */
    private static final int PAGE_SIZE = 1000;

    private final SfnClient sfn;

    InstanceExecutions(SfnClient sfn) {
        this.sfn = sfn;
    }

    /** Newest first, as ListExecutions lists them; at most 90 days back (what Step Functions keeps). */
    List<ExecutionSummary> of(String stateMachineArn, List<String> instanceIds) {
        return sfn.listExecutionsPaginator(r -> r.stateMachineArn(stateMachineArn).maxResults(PAGE_SIZE))
                .executions().stream()
                .filter(item -> instanceIds.stream().anyMatch(id -> item.name().startsWith(id + "-")))
                .map(this::summary)
                .toList();
    }

    private ExecutionSummary summary(ExecutionListItem item) {
        DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(item.executionArn()));
        Optional<JsonNode> output = Optional.ofNullable(described.output()).flatMap(InstanceExecutions::parse);
        return new ExecutionSummary(item.name(), item.executionArn(), item.statusAsString(), item.startDate(),
                Optional.ofNullable(item.stopDate()),
                output.map(o -> o.path("outcome")).filter(JsonNode::isTextual).map(JsonNode::asText),
                output.map(o -> o.path("polls")).filter(JsonNode::isNumber).map(JsonNode::asInt),
                Optional.ofNullable(described.error()).map(error -> error + Optional.ofNullable(described.cause())
                        .map(cause -> ": " + AwsFailure.brief(cause.lines().findFirst().orElse(""))).orElse("")));
    }

    /** An output that is not JSON (not ours) shows no outcome rather than failing the whole listing. */
    private static Optional<JsonNode> parse(String output) {
        try {
            return Optional.of(Json.mapper().readTree(output));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
