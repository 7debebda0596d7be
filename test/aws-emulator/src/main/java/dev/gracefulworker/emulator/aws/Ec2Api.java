package dev.gracefulworker.emulator.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** EC2's DescribeInstances over the ec2 query protocol. */
final class Ec2Api implements ServiceApi {

  private static final String INSTANCE_ID_PREFIX = "InstanceId.";

  private final Ec2QueryProtocol protocol = new Ec2QueryProtocol("http://ec2.amazonaws.com/doc/2016-11-15/");
  private final Ec2 ec2;

  Ec2Api(Ec2 ec2) {
    this.ec2 = ec2;
  }

  @Override
  public WireProtocol protocol() {
    return protocol;
  }

  @Override
  public HttpReply handle(ServiceCall call, String requestId) {
    if (!call.action().equals("DescribeInstances")) {
      throw protocol.unknownOperation(call.action()).toException();
    }
    rejectFilters(call.params());
    var body = new StringBuilder("<reservationSet>");
    for (Ec2Instance instance : ec2.describe(instanceIds(call.params()))) {
      body.append(reservation(instance));
    }
    body.append("</reservationSet>");
    return protocol.success(call.action(), body.toString(), requestId);
  }

  /** {@code InstanceId.1}, {@code InstanceId.2}, … in order (the query protocols' list encoding). */
  private static List<String> instanceIds(Map<String, String> params) {
    var ids = new ArrayList<String>();
    for (int n = 1; params.containsKey(INSTANCE_ID_PREFIX + n); n++) {
      ids.add(params.get(INSTANCE_ID_PREFIX + n));
    }
    return ids;
  }

  /** Filters would be silently ignored otherwise: a caller relying on one must learn the emulator lacks it. */
  private static void rejectFilters(Map<String, String> params) {
    params.keySet().stream()
        .filter(key -> key.startsWith("Filter."))
        .findFirst()
        .ifPresent(key -> {
          throw AwsError.badRequest("InvalidParameterValue",
              "The emulator answers DescribeInstances by InstanceId.N only; got " + key).toException();
        });
  }

  /** One reservation per instance, as instances launched one by one get. */
  private static String reservation(Ec2Instance instance) {
    String suffix = instance.instanceId().substring(2);
    return "<item>"
        + Xml.element("reservationId", "r-" + suffix)
        + Xml.element("ownerId", AwsService.ACCOUNT)
        + "<groupSet/>"
        + "<instancesSet><item>"
        + Xml.element("instanceId", instance.instanceId())
        + Xml.element("imageId", "ami-0123456789abcdef0")
        + "<instanceState>"
        + Xml.element("code", instance.state().code())
        + Xml.element("name", instance.state().wireName())
        + "</instanceState>"
        + Xml.element("privateDnsName", instance.reportedPrivateDnsName())
        + "<dnsName/>"
        + Xml.element("instanceType", "m5.large")
        + "<placement>"
        + Xml.element("availabilityZone", instance.availabilityZone())
        + Xml.element("tenancy", "default")
        + "</placement>"
        + "</item></instancesSet>"
        + "</item>";
  }
}
