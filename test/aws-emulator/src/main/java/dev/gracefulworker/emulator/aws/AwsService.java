package dev.gracefulworker.emulator.aws;

/** The services the emulator answers for, with the name they sign requests with and how they throttle. */
enum AwsService {
  AUTO_SCALING("autoscaling", AwsError.badRequest("Throttling", "Rate exceeded")),
  EC2("ec2", new AwsError("RequestLimitExceeded", "Request limit exceeded.", 503)),
  EKS("eks", new AwsError("ThrottlingException", "Rate exceeded", 429)),
  STEP_FUNCTIONS("states", AwsError.badRequest("ThrottlingException", "Rate exceeded")),
  SECRETS_MANAGER("secretsmanager", AwsError.badRequest("ThrottlingException", "Rate exceeded")),
  ELASTIC_LOAD_BALANCING("elasticloadbalancing", AwsError.badRequest("Throttling", "Rate exceeded"));

  static final String REGION = "eu-west-1";
  static final String ACCOUNT = "111122223333";

  private final String signingName;
  private final AwsError throttling;

  AwsService(String signingName, AwsError throttling) {
    this.signingName = signingName;
    this.throttling = throttling;
  }

  String signingName() {
    return signingName;
  }

  /** The error this service answers when a caller exceeds its rate: every SDK and the CLI retry it. */
  AwsError throttling() {
    return throttling;
  }
}
