package dev.gracefulworker.emulator.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the service and operation of a request the way AWS front ends do: {@code X-Amz-Target} for the JSON
 * protocols, {@code Action} + {@code Version} for the query protocols, the path for EKS.
 */
final class RequestRouter {

  private static final String EKS_CLUSTERS = "/clusters";
  private static final String ACCESS_ENTRIES = "/access-entries";

  Optional<ServiceCall> route(IncomingRequest request) {
    if (request.target().isPresent()) {
      return byTarget(request.target().get(), request.body());
    }
    if (request.path().equals(EKS_CLUSTERS) || request.path().startsWith(EKS_CLUSTERS + "/")) {
      return Optional.of(eks(request));
    }
    return byActionAndVersion(request.formParams());
  }

  private static Optional<ServiceCall> byTarget(String target, String body) {
    int dot = target.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String prefix = target.substring(0, dot);
    String action = target.substring(dot + 1);
    AwsService service = switch (prefix) {
      case "AWSStepFunctions" -> AwsService.STEP_FUNCTIONS;
      case "secretsmanager" -> AwsService.SECRETS_MANAGER;
      default -> null;
    };
    return Optional.ofNullable(service).map(s -> new ServiceCall(s, action, Json.topLevelFields(body)));
  }

  /**
   * EKS is restJson1: {@code GET /clusters/{name}} is DescribeCluster, {@code GET /clusters/{name}/access-entries}
   * ListAccessEntries, {@code GET /clusters/{name}/access-entries/{principalArn}} DescribeAccessEntry; any other path
   * is an unknown operation.
   */
  private static ServiceCall eks(IncomingRequest request) {
    String rest = request.path().substring(EKS_CLUSTERS.length());
    String name = rest.startsWith("/") ? rest.substring(1) : "";
    if (request.method().equals("GET") && !name.isEmpty() && !name.contains("/")) {
      return new ServiceCall(AwsService.EKS, "DescribeCluster", Map.of("name", name));
    }
    int entries = name.indexOf(ACCESS_ENTRIES);
    if (request.method().equals("GET") && entries > 0) {
      String cluster = name.substring(0, entries);
      String principal = name.substring(entries + ACCESS_ENTRIES.length());
      if (principal.isEmpty()) {
        return new ServiceCall(AwsService.EKS, "ListAccessEntries", Map.of("name", cluster));
      }
      if (principal.startsWith("/")) {
        // the path is decoded: the principal ARN's own '/' stays in it
        return new ServiceCall(AwsService.EKS, "DescribeAccessEntry",
            Map.of("name", cluster, "principalArn", principal.substring(1)));
      }
    }
    return new ServiceCall(AwsService.EKS, request.method() + " " + request.path(), Map.of());
  }

  private static Optional<ServiceCall> byActionAndVersion(Map<String, String> form) {
    String action = form.get("Action");
    if (action == null) {
      return Optional.empty();
    }
    AwsService service = switch (form.getOrDefault("Version", "")) {
      case "2011-01-01" -> AwsService.AUTO_SCALING;
      case "2016-11-15" -> AwsService.EC2;
      case "2015-12-01" -> AwsService.ELASTIC_LOAD_BALANCING;
      default -> null;
    };
    var params = new LinkedHashMap<>(form);
    params.remove("Action");
    params.remove("Version");
    return Optional.ofNullable(service).map(s -> new ServiceCall(s, action, params));
  }
}
