package dev.gracefulworker.emulator.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.EnumMap;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One loopback HTTP endpoint that speaks the real wire protocols of the AWS operations the product calls (Auto
 * Scaling, EC2, EKS, Step Functions, Secrets Manager), so the AWS SDK ({@code endpointOverride} or
 * {@code AWS_ENDPOINT_URL}) and the AWS CLI ({@code --endpoint-url}) work against it unchanged.
 */
public final class AwsEmulator implements AutoCloseable {

  /** The operations answered; a fault queued for any other name would wait forever, so it is refused. */
  private static final Set<String> OPERATIONS = Set.of("CompleteLifecycleAction", "RecordLifecycleActionHeartbeat",
      "DescribeInstances", "DescribeCluster", "StartExecution", "DescribeExecution", "GetSecretValue",
      "DescribeAutoScalingGroups", "DescribeTargetGroups", "DescribeTags", "DescribeTargetHealth");

  private final HttpServer server;
  private final ExecutorService executor;
  private final AwsHttpHandler handler;
  private final Faults faults;
  private final RateLimits rateLimits;
  private final Ec2 ec2;
  private final AutoScaling autoScaling;
  private final Eks eks;
  private final StepFunctions stepFunctions;
  private final SecretsManager secrets;
  private final LoadBalancing loadBalancing;

  private AwsEmulator(Clock clock) throws IOException {
    this.faults = new Faults();
    this.rateLimits = new RateLimits(clock);
    this.ec2 = new Ec2();
    this.autoScaling = new AutoScaling(clock);
    this.eks = new Eks(clock);
    this.stepFunctions = new StepFunctions(clock);
    this.secrets = new SecretsManager(clock);
    this.loadBalancing = new LoadBalancing(clock);
    var apis = new EnumMap<AwsService, ServiceApi>(AwsService.class);
    for (AwsService service : AwsService.values()) {
      apis.put(service, switch (service) {
        case AUTO_SCALING -> new AutoScalingApi(autoScaling);
        case EC2 -> new Ec2Api(ec2);
        case EKS -> new EksApi(eks);
        case STEP_FUNCTIONS -> new StepFunctionsApi(stepFunctions);
        case SECRETS_MANAGER -> new SecretsManagerApi(secrets);
        case ELASTIC_LOAD_BALANCING -> new ElasticLoadBalancingApi(loadBalancing);
      });
    }
    this.handler = new AwsHttpHandler(faults, rateLimits, apis);
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts an emulator whose lifecycle timeouts and dates follow the system clock. */
  public static AwsEmulator start() {
    return start(Clock.systemUTC());
  }

  /** Starts an emulator on the given clock (a scenario clock that a test advances). */
  public static AwsEmulator start(Clock clock) {
    try {
      return new AwsEmulator(clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the AWS emulator on a loopback port", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: the endpoint for every service. */
  public URI endpoint() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort());
  }

  public Ec2 ec2() {
    return ec2;
  }

  public AutoScaling autoScaling() {
    return autoScaling;
  }

  public Eks eks() {
    return eks;
  }

  public StepFunctions stepFunctions() {
    return stepFunctions;
  }

  /** Elastic Load Balancing v2: target groups, their tags and target health. */
  public LoadBalancing loadBalancing() {
    return loadBalancing;
  }

  public SecretsManager secrets() {
    return secrets;
  }

  /** The next {@code times} calls of the action (e.g. {@code CompleteLifecycleAction}) answer the service's throttling error. */
  public void throttle(String action, int times) {
    requireOperation(action);
    faults.add(action, new Faults.Throttle(), times);
  }

  /** The next {@code times} calls of the action answer InternalFailure with the given 5xx status. */
  public void fail(String action, int status, int times) {
    requireOperation(action);
    faults.add(action, new Faults.InternalFailure(status), times);
  }

  /**
   * Limits the action's request rate as AWS throttles an account: a token bucket of {@code burst} tokens, full now,
   * refilled at {@code requestsPerSecond} by the emulator's clock (the one given to {@link #start(Clock)}, so a
   * scenario clock's time, not real time). A call that finds no token answers the service's throttling error (Auto
   * Scaling: 400 {@code Throttling}), is recorded in {@link #calls()} with that code and takes no token. Queued
   * faults ({@link #throttle}, {@link #fail}) answer first and take no token either. Calling it again for the same
   * action replaces the limit with a full bucket.
   */
  public void limitRate(String action, double requestsPerSecond, int burst) {
    limitRate(List.of(action), requestsPerSecond, burst);
  }

  /**
   * As {@link #limitRate(String, double, int)} with one bucket that all these actions draw from: Auto Scaling meters
   * every one of its API calls against a single account bucket.
   */
  public void limitRate(List<String> actions, double requestsPerSecond, int burst) {
    actions.forEach(AwsEmulator::requireOperation);
    rateLimits.limit(actions, requestsPerSecond, burst);
  }

  /** How many calls of the action the rate limit of {@link #limitRate} has throttled (queued faults not counted). */
  public int throttled(String action) {
    return rateLimits.throttled(action);
  }

  /** Every call answered so far, in the order answered. */
  public List<AwsCall> calls() {
    return handler.calls();
  }

  /** The calls of one action, e.g. {@code RecordLifecycleActionHeartbeat}. */
  public List<AwsCall> calls(String action) {
    return calls().stream().filter(call -> call.action().equals(action)).toList();
  }

  private static void requireOperation(String action) {
    if (!OPERATIONS.contains(action)) {
      throw new IllegalArgumentException("the emulator does not answer " + action + "; it answers " + OPERATIONS);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
