package dev.gracefulworker.emulator.aws;

import java.util.Map;

/**
 * The awsQuery protocol (Auto Scaling): form POST with {@code Action} and {@code Version}, XML answers in the
 * service's namespace, errors as {@code <ErrorResponse>}.
 *
 * @param namespace the service's XML namespace
 */
record AwsQueryProtocol(String namespace) implements WireProtocol {

  private static final String XML = "text/xml";

  /** {@code <ActionResponse><ActionResult>result</ActionResult><ResponseMetadata>…}. */
  HttpReply success(String action, String resultXml, String requestId) {
    String body = "<" + action + "Response xmlns=\"" + namespace + "\">"
        + "<" + action + "Result>" + resultXml + "</" + action + "Result>"
        + "<ResponseMetadata>" + Xml.element("RequestId", requestId) + "</ResponseMetadata>"
        + "</" + action + "Response>";
    return HttpReply.of(200, XML, body, Map.of("x-amzn-RequestId", requestId));
  }

  @Override
  public HttpReply error(AwsError error, String requestId) {
    String body = "<ErrorResponse xmlns=\"" + namespace + "\"><Error>"
        + Xml.element("Type", error.senderFault() ? "Sender" : "Receiver")
        + Xml.element("Code", error.code())
        + Xml.element("Message", error.message())
        + "</Error>" + Xml.element("RequestId", requestId) + "</ErrorResponse>";
    return HttpReply.of(error.status(), XML, body, Map.of("x-amzn-RequestId", requestId));
  }

  @Override
  public AwsError unknownOperation(String action) {
    return AwsError.badRequest("InvalidAction", "Could not find operation " + action + " for version 2011-01-01");
  }

  @Override
  public AwsError missingParameter(String name) {
    return AwsError.badRequest("ValidationError", WireProtocol.notNullMessage(WireProtocol.lowerFirst(name)));
  }
}
