package dev.gracefulworker.emulator.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The restJson1 protocol (EKS): the operation is the method and path, errors named by {@code x-amzn-ErrorType}. */
record RestJsonProtocol() implements WireProtocol {

  private static final String JSON = "application/json";

  HttpReply success(ObjectNode body, String requestId) {
    return HttpReply.of(200, JSON, Json.write(body), Map.of("x-amzn-RequestId", requestId));
  }

  @Override
  public HttpReply error(AwsError error, String requestId) {
    ObjectNode body = Json.object().put("message", error.message());
    return HttpReply.of(error.status(), JSON, Json.write(body),
        Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", error.code()));
  }

  @Override
  public AwsError unknownOperation(String action) {
    return new AwsError("UnknownOperationException", "No operation matches " + action, 404);
  }

  @Override
  public AwsError missingParameter(String name) {
    return AwsError.badRequest("InvalidParameterException", "The parameter " + name + " is required.");
  }
}
