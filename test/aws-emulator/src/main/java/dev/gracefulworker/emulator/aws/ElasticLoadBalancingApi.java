package dev.gracefulworker.emulator.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Elastic Load Balancing v2 over awsQuery (version 2015-12-01): reading target groups, their tags and target health. */
final class ElasticLoadBalancingApi implements ServiceApi {

  private final AwsQueryProtocol protocol =
      new AwsQueryProtocol("http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/");
  private final LoadBalancing loadBalancing;

  ElasticLoadBalancingApi(LoadBalancing loadBalancing) {
    this.loadBalancing = loadBalancing;
  }

  @Override
  public WireProtocol protocol() {
    return protocol;
  }

  @Override
  public HttpReply handle(ServiceCall call, String requestId) {
    return switch (call.action()) {
      case "DescribeTargetGroups" -> protocol.success(call.action(),
          targetGroups(loadBalancing.targetGroups(members(call.params(), "TargetGroupArns"))), requestId);
      case "DescribeTags" -> protocol.success(call.action(),
          tags(loadBalancing.targetGroups(members(call.params(), "ResourceArns"))), requestId);
      case "DescribeTargetHealth" -> {
        String arn = protocol.required(call.params(), "TargetGroupArn");
        yield protocol.success(call.action(), health(arn, loadBalancing.targetHealth(arn)), requestId);
      }
      default -> throw protocol.unknownOperation(call.action()).toException();
    };
  }

  private static String targetGroups(List<LoadBalancing.TargetGroup> groups) {
    var xml = new StringBuilder("<TargetGroups>");
    for (var group : groups) {
      xml.append("<member>")
          .append(Xml.element("TargetGroupArn", group.arn()))
          .append(Xml.element("TargetGroupName", group.name()))
          .append(Xml.element("Protocol", "TCP"))
          .append(Xml.element("Port", group.port()))
          .append(Xml.element("VpcId", "vpc-0123456789abcdef0"))
          .append(Xml.element("HealthCheckProtocol", "TCP"))
          .append(Xml.element("HealthCheckPort", "traffic-port"))
          .append(Xml.element("TargetType", group.targetType()))
          .append("<LoadBalancerArns/>")
          .append("</member>");
    }
    return xml.append("</TargetGroups>").toString();
  }

  private static String tags(List<LoadBalancing.TargetGroup> groups) {
    var xml = new StringBuilder("<TagDescriptions>");
    for (var group : groups) {
      xml.append("<member>").append(Xml.element("ResourceArn", group.arn())).append("<Tags>");
      group.tags().forEach((key, value) -> xml.append("<member>").append(Xml.element("Key", key))
          .append(Xml.element("Value", value)).append("</member>"));
      xml.append("</Tags></member>");
    }
    return xml.append("</TagDescriptions>").toString();
  }

  private String health(String arn, Map<String, String> states) {
    var xml = new StringBuilder("<TargetHealthDescriptions>");
    int port = loadBalancing.portOf(arn);
    states.forEach((instanceId, state) -> {
      xml.append("<member><Target>").append(Xml.element("Id", instanceId)).append(Xml.element("Port", port))
          .append("</Target>").append(Xml.element("HealthCheckPort", String.valueOf(port))).append("<TargetHealth>")
          .append(Xml.element("State", state));
      if (state.equals("draining")) {
        // what ELB says of a target being deregistered
        xml.append(Xml.element("Reason", "Target.DeregistrationInProgress"))
            .append(Xml.element("Description", "Target deregistration is in progress"));
      }
      xml.append("</TargetHealth></member>");
    });
    return xml.append("</TargetHealthDescriptions>").toString();
  }

  /** The awsQuery list {@code Name.member.1}, {@code Name.member.2}, … in order. */
  private static List<String> members(Map<String, String> params, String name) {
    var values = new ArrayList<String>();
    for (int i = 1; params.containsKey(name + ".member." + i); i++) {
      values.add(params.get(name + ".member." + i));
    }
    return values;
  }
}
