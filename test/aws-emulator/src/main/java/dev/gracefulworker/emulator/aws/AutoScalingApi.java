package dev.gracefulworker.emulator.aws;

/** Auto Scaling's lifecycle operations over awsQuery. */
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
      default -> throw protocol.unknownOperation(call.action()).toException();
    }
    return protocol.success(call.action(), "", requestId);
  }
}
