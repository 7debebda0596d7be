package dev.gracefulworker.emulator.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Secrets Manager's GetSecretValue over awsJson1_1 (the current version, AWSCURRENT, only). */
final class SecretsManagerApi implements ServiceApi {

  private static final String CURRENT_STAGE = "AWSCURRENT";

  private final AwsJsonProtocol protocol = new AwsJsonProtocol("1.1");
  private final SecretsManager secrets;

  SecretsManagerApi(SecretsManager secrets) {
    this.secrets = secrets;
  }

  @Override
  public WireProtocol protocol() {
    return protocol;
  }

  @Override
  public HttpReply handle(ServiceCall call, String requestId) {
    if (!call.action().equals("GetSecretValue")) {
      throw protocol.unknownOperation(call.action()).toException();
    }
    Secret secret = secrets.find(protocol.required(call.params(), "SecretId"))
        .orElseThrow(() -> notFound("Secrets Manager can't find the specified secret."));
    String versionId = call.params().get("VersionId");
    if (versionId != null && !versionId.equals(secret.versionId())) {
      throw notFound("Secrets Manager can't find the specified secret value for VersionId: " + versionId);
    }
    String stage = call.params().get("VersionStage");
    if (stage != null && !stage.equals(CURRENT_STAGE)) {
      throw notFound("Secrets Manager can't find the specified secret value for staging label: " + stage);
    }
    ObjectNode body = Json.object()
        .put("ARN", secret.arn())
        .put("Name", secret.name())
        .put("VersionId", secret.versionId())
        .put("SecretString", secret.secretString())
        .put("CreatedDate", Json.epochSeconds(secret.createdDate()));
    body.putArray("VersionStages").add(CURRENT_STAGE);
    return protocol.success(body, requestId);
  }

  private static AwsException notFound(String message) {
    return AwsError.badRequest("ResourceNotFoundException", message).toException();
  }
}
