package dev.gracefulworker.emulator.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** EKS over restJson1: DescribeCluster, ListAccessEntries, DescribeAccessEntry. */
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
    String name = call.params().get("name");
    return switch (call.action()) {
      case "DescribeCluster" -> protocol.success(Json.object().set("cluster", describe(cluster(name))), requestId);
      case "ListAccessEntries" -> {
        var list = Json.object();
        var arns = list.putArray("accessEntries");
        accessEntries(name).keySet().stream().sorted().forEach(arns::add);
        yield protocol.success(list, requestId);
      }
      case "DescribeAccessEntry" -> {
        String principalArn = call.params().get("principalArn");
        EksAccessEntry entry = accessEntries(name).get(principalArn);
        if (entry == null) {
          throw new AwsError("ResourceNotFoundException", "The specified principalArn could not be found. You can "
              + "view your available access entries with 'list-access-entries'.", 404).toException();
        }
        yield protocol.success(Json.object().set("accessEntry", describe(entry)), requestId);
      }
      default -> throw protocol.unknownOperation(call.action()).toException();
    };
  }

  private EksCluster cluster(String name) {
    return eks.cluster(name).orElseThrow(() ->
        new AwsError("ResourceNotFoundException", "No cluster found for name: " + name + ".", 404).toException());
  }

  /** A CONFIG_MAP cluster refuses access entry calls, as EKS does. */
  private java.util.Map<String, EksAccessEntry> accessEntries(String clusterName) {
    if (!cluster(clusterName).allowsAccessEntries()) {
      throw AwsError.badRequest("InvalidRequestException", "The cluster's authentication mode must be set to one of "
          + "[API, API_AND_CONFIG_MAP] to perform this operation.").toException();
    }
    return eks.accessEntries(clusterName);
  }

  private static ObjectNode describe(EksAccessEntry entry) {
    ObjectNode body = Json.object()
        .put("clusterName", entry.clusterName())
        .put("principalArn", entry.principalArn())
        .put("accessEntryArn", entry.arn())
        .put("createdAt", Json.epochSeconds(entry.createdAt()))
        .put("modifiedAt", Json.epochSeconds(entry.createdAt()))
        .put("username", entry.username())
        .put("type", "STANDARD");
    var groups = body.putArray("kubernetesGroups");
    entry.kubernetesGroups().forEach(groups::add);
    body.putObject("tags");
    return body;
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
    body.putObject("accessConfig").put("authenticationMode", cluster.authenticationMode());
    return body;
  }
}
