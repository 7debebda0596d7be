package dev.gracefulworker.emulator.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The awsJson protocols (Step Functions 1.0, Secrets Manager 1.1): POST / with {@code X-Amz-Target}, JSON both
 * ways, errors named by {@code __type}.
 *
 * @param version {@code 1.0} or {@code 1.1}
 */
record AwsJsonProtocol(String version) implements WireProtocol {

  HttpReply success(ObjectNode body, String requestId) {
    return HttpReply.of(200, contentType(), Json.write(body), Map.of("x-amzn-RequestId", requestId));
  }

  @Override
  public HttpReply error(AwsError error, String requestId) {
    ObjectNode body = Json.object().put("__type", error.code()).put("message", error.message());
    return HttpReply.of(error.status(), contentType(), Json.write(body), Map.of("x-amzn-RequestId", requestId));
  }

  @Override
  public AwsError unknownOperation(String action) {
    return AwsError.badRequest("UnknownOperationException", "Unknown operation " + action);
  }

  @Override
  public AwsError missingParameter(String name) {
    return AwsError.badRequest("ValidationException", WireProtocol.notNullMessage(name));
  }

  private String contentType() {
    return "application/x-amz-json-" + version;
  }
}
