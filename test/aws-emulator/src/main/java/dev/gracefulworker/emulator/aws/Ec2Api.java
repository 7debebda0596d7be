package dev.gracefulworker.emulator.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** EC2's DescribeInstances over the ec2 query protocol. */
final class Ec2Api implements ServiceApi {

  private static final String INSTANCE_ID_PREFIX = "InstanceId.";
  private static final String FILTER_PREFIX = "Filter.";

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
    List<String> dnsNames = privateDnsNameFilter(call.params());
    var body = new StringBuilder("<reservationSet>");
    for (Ec2Instance instance : ec2.describe(instanceIds(call.params()))) {
      if (!dnsNames.isEmpty() && !dnsNames.contains(instance.reportedPrivateDnsName())) {
        continue;
      }
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

  /**
   * The values of the one filter answered, {@code Filter.1.Name=private-dns-name} with {@code Filter.1.Value.N}
   * (how {@code gwt status --node-name} finds the instance); empty when there is no filter. Any other filter is
   * refused: silently ignored, it would match everything and a caller relying on it would never learn.
   */
  private static List<String> privateDnsNameFilter(Map<String, String> params) {
    var values = new ArrayList<String>();
    for (int n = 1; params.containsKey(FILTER_PREFIX + "1.Value." + n); n++) {
      values.add(params.get(FILTER_PREFIX + "1.Value." + n));
    }
    params.keySet().stream()
        .filter(key -> key.startsWith(FILTER_PREFIX))
        .filter(key -> !key.equals(FILTER_PREFIX + "1.Name") || !"private-dns-name".equals(params.get(key)))
        .filter(key -> !key.startsWith(FILTER_PREFIX + "1.Value."))
        .findFirst()
        .ifPresent(key -> {
          throw AwsError.badRequest("InvalidParameterValue", "The emulator answers DescribeInstances by "
              + "InstanceId.N and the filter private-dns-name only; got " + key + "=" + params.get(key)).toException();
        });
    if (values.isEmpty() && params.containsKey(FILTER_PREFIX + "1.Name")) {
      throw AwsError.badRequest("InvalidParameterValue", "The filter 'private-dns-name' needs a value").toException();
    }
    return values;
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
