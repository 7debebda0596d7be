package dev.gracefulworker.emulator.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** EKS's DescribeCluster over restJson1. */
final class EksApi implements ServiceApi {

  private static final String KUBERNETES_VERSION = "1.32";

  private final RestJsonProtocol protocol = new RestJsonProtocol();
  private final Eks eks;

  EksApi(Eks eks) {
    this.eks = eks;
  }

  @Override
  public WireProtocol protocol() {
    return protocol;
  }

  @Override
  public HttpReply handle(ServiceCall call, String requestId) {
    if (!call.action().equals("DescribeCluster")) {
      throw protocol.unknownOperation(call.action()).toException();
    }
    String name = call.params().get("name");
    EksCluster cluster = eks.cluster(name).orElseThrow(() ->
        new AwsError("ResourceNotFoundException", "No cluster found for name: " + name + ".", 404).toException());
    return protocol.success(Json.object().set("cluster", describe(cluster)), requestId);
  }

  private static ObjectNode describe(EksCluster cluster) {
    ObjectNode body = Json.object()
        .put("name", cluster.name())
        .put("arn", cluster.arn())
        .put("createdAt", Json.epochSeconds(cluster.createdAt()))
        .put("version", KUBERNETES_VERSION)
        .put("endpoint", cluster.endpoint().toString())
        .put("roleArn", "arn:aws:iam::" + AwsService.ACCOUNT + ":role/eks-cluster-" + cluster.name())
        .put("status", "ACTIVE")
        .put("platformVersion", "eks.1");
    body.putObject("certificateAuthority").put("data",
        Base64.getEncoder().encodeToString(cluster.caPem().getBytes(StandardCharsets.UTF_8)));
    body.putObject("accessConfig").put("authenticationMode", "API_AND_CONFIG_MAP");
    return body;
  }
}
