package dev.gracefulworker.emulator.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Step Functions' StartExecution, DescribeExecution and ListExecutions over awsJson1_0. */
final class StepFunctionsApi implements ServiceApi {

  private final AwsJsonProtocol protocol = new AwsJsonProtocol("1.0");
  private final StepFunctions stepFunctions;

  StepFunctionsApi(StepFunctions stepFunctions) {
    this.stepFunctions = stepFunctions;
  }

  @Override
  public WireProtocol protocol() {
    return protocol;
  }

  @Override
  public HttpReply handle(ServiceCall call, String requestId) {
    ObjectNode body = switch (call.action()) {
      case "StartExecution" -> {
        Execution execution = stepFunctions.start(protocol.required(call.params(), "stateMachineArn"),
            call.params().get("name"), call.params().get("input"));
        yield Json.object()
            .put("executionArn", execution.arn())
            .put("startDate", Json.epochSeconds(execution.startDate()));
      }
      case "DescribeExecution" ->
          describe(stepFunctions.describe(protocol.required(call.params(), "executionArn")));
      case "ListExecutions" -> list(stepFunctions.list(protocol.required(call.params(), "stateMachineArn"),
          call.params().get("statusFilter"), maxResults(call.params().get("maxResults")),
          call.params().get("nextToken")));
      default -> throw protocol.unknownOperation(call.action()).toException();
    };
    return protocol.success(body, requestId);
  }

  private static int maxResults(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw AwsError.badRequest("ValidationException", "maxResults must be a number, not " + value).toException();
    }
  }

  /** The list items carry no input or output: a caller describes the executions it wants those of. */
  private static ObjectNode list(ExecutionPage page) {
    ObjectNode body = Json.object();
    var items = body.putArray("executions");
    for (Execution execution : page.executions()) {
      ObjectNode item = items.addObject()
          .put("executionArn", execution.arn())
          .put("stateMachineArn", execution.stateMachineArn())
          .put("name", execution.name())
          .put("status", execution.status())
          .put("startDate", Json.epochSeconds(execution.startDate()));
      if (execution.stopDate() != null) {
        item.put("stopDate", Json.epochSeconds(execution.stopDate()));
      }
    }
    if (page.nextToken() != null) {
      body.put("nextToken", page.nextToken());
    }
    return body;
  }

  private static ObjectNode describe(Execution execution) {
    ObjectNode body = Json.object()
        .put("executionArn", execution.arn())
        .put("stateMachineArn", execution.stateMachineArn())
        .put("name", execution.name())
        .put("status", execution.status())
        .put("startDate", Json.epochSeconds(execution.startDate()))
        .put("input", execution.input());
    body.putObject("inputDetails").put("included", true);
    if (execution.stopDate() != null) {
      body.put("stopDate", Json.epochSeconds(execution.stopDate()));
    }
    if (execution.output() != null) {
      body.put("output", execution.output());
      body.putObject("outputDetails").put("included", true);
    }
    if (execution.error() != null) {
      body.put("error", execution.error());
    }
    if (execution.cause() != null) {
      body.put("cause", execution.cause());
    }
    return body;
  }
}
