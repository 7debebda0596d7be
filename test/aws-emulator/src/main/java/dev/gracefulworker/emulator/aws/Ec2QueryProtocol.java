package dev.gracefulworker.emulator.aws;

import java.util.Map;

/**
 * The ec2 query protocol: form POST like awsQuery, but answers without a result wrapper and errors as
 * {@code <Response><Errors><Error>…</Error></Errors><RequestID>…}.
 *
 * @param namespace EC2's XML namespace
 */
record Ec2QueryProtocol(String namespace) implements WireProtocol {

  private static final String XML = "text/xml;charset=UTF-8";

  /** {@code <ActionResponse><requestId/>body</ActionResponse>}. */
  HttpReply success(String action, String bodyXml, String requestId) {
    String body = "<" + action + "Response xmlns=\"" + namespace + "\">"
        + Xml.element("requestId", requestId) + bodyXml
        + "</" + action + "Response>";
    return HttpReply.of(200, XML, body, Map.of());
  }

  @Override
  public HttpReply error(AwsError error, String requestId) {
    String body = "<Response><Errors><Error>"
        + Xml.element("Code", error.code())
        + Xml.element("Message", error.message())
        + "</Error></Errors>" + Xml.element("RequestID", requestId) + "</Response>";
    return HttpReply.of(error.status(), XML, body, Map.of());
  }

  @Override
  public AwsError unknownOperation(String action) {
    return AwsError.badRequest("InvalidAction", "The action " + action + " is not valid for this web service.");
  }

  @Override
  public AwsError missingParameter(String name) {
    return AwsError.badRequest("MissingParameter", "The request must contain the parameter " + name);
  }
}
