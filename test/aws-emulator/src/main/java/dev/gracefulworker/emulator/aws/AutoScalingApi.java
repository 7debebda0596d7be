package dev.gracefulworker.emulator.aws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Auto Scaling over awsQuery: the lifecycle operations, and reading groups and their hooks. */
final class AutoScalingApi implements ServiceApi {

  private final AwsQueryProtocol protocol =
      new AwsQueryProtocol("http://autoscaling.amazonaws.com/doc/2011-01-01/");
  private final AutoScaling autoScaling;

  AutoScalingApi(AutoScaling autoScaling) {
    this.autoScaling = autoScaling;
  }

  @Override
  public WireProtocol protocol() {
    return protocol;
  }

  @Override
  public HttpReply handle(ServiceCall call, String requestId) {
    switch (call.action()) {
      case "CompleteLifecycleAction" -> {
        String result = protocol.required(call.params(), "LifecycleActionResult");
        if (!LifecycleResults.VALID.contains(result)) {
          throw AwsError.badRequest("ValidationError", "Valid values for LifecycleActionResult are CONTINUE and "
              + "ABANDON, not " + result).toException();
        }
        autoScaling.complete(LifecycleActionTarget.from(call.params(), protocol), result);
      }
      case "RecordLifecycleActionHeartbeat" ->
          autoScaling.recordHeartbeat(LifecycleActionTarget.from(call.params(), protocol));
      case "DescribeAutoScalingGroups" -> {
        return protocol.success(call.action(), describeGroups(members(call.params(), "AutoScalingGroupNames")),
            requestId);
      }
      case "DescribeLifecycleHooks" -> {
        var hooks = new StringBuilder("<LifecycleHooks>");
        autoScaling.hooks(protocol.required(call.params(), "AutoScalingGroupName"),
                members(call.params(), "LifecycleHookNames"))
            .forEach(hook -> hooks.append("<member>").append(hook.toXml()).append("</member>"));
        return protocol.success(call.action(), hooks.append("</LifecycleHooks>").toString(), requestId);
      }
      default -> throw protocol.unknownOperation(call.action()).toException();
    }
    return protocol.success(call.action(), "", requestId);
  }

  /** A group that exists, as much of it as a reader of its name and ARN needs (no instances are tracked). */
  private String describeGroups(List<String> names) {
    var xml = new StringBuilder("<AutoScalingGroups>");
    autoScaling.groups(names).forEach((name, createdAt) -> xml.append("<member>")
        .append(Xml.element("AutoScalingGroupName", name))
        .append(Xml.element("AutoScalingGroupARN", "arn:aws:autoscaling:" + AwsService.REGION + ":"
            + AwsService.ACCOUNT + ":autoScalingGroup:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
            + ":autoScalingGroupName/" + name))
        .append(Xml.element("MinSize", 0))
        .append(Xml.element("MaxSize", 10))
        .append(Xml.element("DesiredCapacity", 0))
        .append(Xml.element("DefaultCooldown", 300))
        .append("<AvailabilityZones><member>").append(AwsService.REGION).append("a</member></AvailabilityZones>")
        .append(Xml.element("HealthCheckType", "EC2"))
        .append(Xml.element("CreatedTime", createdAt.toString()))
        .append("<Instances/>")
        .append(targetGroupArns(name))
        .append("</member>"));
    return xml.append("</AutoScalingGroups>").toString();
  }

  private String targetGroupArns(String groupName) {
    var xml = new StringBuilder("<TargetGroupARNs>");
    autoScaling.targetGroupArns(groupName).forEach(arn -> xml.append(Xml.element("member", arn)));
    return xml.append("</TargetGroupARNs>").toString();
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
