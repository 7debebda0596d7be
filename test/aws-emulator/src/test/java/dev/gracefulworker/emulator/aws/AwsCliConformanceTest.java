package dev.gracefulworker.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI (awscli v1 / botocore, a client nobody here wrote) against the emulator: each command parses the
 * answer and prints the shapes and errors it prints against AWS. Each CLI start costs about a second, so every
 * test makes only the calls its point needs.
 */
class AwsCliConformanceTest {

  private static final String GROUP = "workers-spot-a";
  private static final String HOOK = "graceful-termination";
  private static final String INSTANCE = "i-0a1b2c3d4e5f60718";
  private static final String TOKEN = "3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18";
  private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:drain";

  private final AwsEmulator emulator = AwsEmulator.start();
  private final AwsCli aws = AwsCli.against(emulator.endpoint(), AwsCli.EndpointVia.OPTION);

  @AfterEach
  void close() {
    emulator.close();
  }

  @Test
  void lifecycleHeartbeatAndCompletion_succeedOnceThenPrintValidationError() {
    LifecycleAction action = emulator.autoScaling().startLifecycleAction(GROUP, HOOK, INSTANCE, TOKEN, 300,
        "ABANDON");
    emulator.throttle("RecordLifecycleActionHeartbeat", 1);

    AwsCli.Result heartbeat = aws.run(heartbeatArgs());
    AwsCli.Result completion = complete();
    AwsCli.Result secondCompletion = complete();

    assertThat(heartbeat.exitCode()).as(heartbeat.stderr()).isZero();
    assertThat(emulator.calls("RecordLifecycleActionHeartbeat")).extracting(AwsCall::errorCode)
        .as("the CLI retries Throttling").containsExactly("Throttling", null);
    assertThat(completion.exitCode()).as(completion.stderr()).isZero();
    assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
    assertThat(action.result()).isEqualTo("CONTINUE");
    assertThat(action.heartbeats()).isEqualTo(1);
    assertThat(secondCompletion.exitCode()).isNotZero();
    assertThat(secondCompletion.stderr()).contains("An error occurred (ValidationError) when calling the "
        + "CompleteLifecycleAction operation: No active Lifecycle Action found with token " + TOKEN);
  }

  @Test
  void rateLimitedHeartbeat_printsTheThrottlingErrorCode() {
    emulator.autoScaling().startLifecycleAction(GROUP, HOOK, INSTANCE, TOKEN, 300, "ABANDON");
    // one token, and the next one a quarter of an hour away on the system clock
    emulator.limitRate("RecordLifecycleActionHeartbeat", 0.001, 1);
    AwsCli once = aws.withoutRetries();

    AwsCli.Result first = once.run(heartbeatArgs());
    AwsCli.Result second = once.run(heartbeatArgs());

    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(second.exitCode()).isNotZero();
    assertThat(second.stderr()).contains("An error occurred (Throttling) when calling the "
        + "RecordLifecycleActionHeartbeat operation").contains("Rate exceeded");
    assertThat(emulator.calls("RecordLifecycleActionHeartbeat")).extracting(AwsCall::errorCode)
        .as("AWS_MAX_ATTEMPTS=1: no retry").containsExactly(null, "Throttling");
  }

  private static String[] heartbeatArgs() {
    return new String[] {"autoscaling", "record-lifecycle-action-heartbeat", "--auto-scaling-group-name", GROUP,
        "--lifecycle-hook-name", HOOK, "--lifecycle-action-token", TOKEN};
  }

  @Test
  void describeTargetHealth_printsADrainingTargetWithItsReason() {
    var group = emulator.loadBalancing().addTargetGroup("k8s-web-abc123", 300, java.util.Map.of());
    emulator.loadBalancing().register(group.arn(), INSTANCE);
    emulator.loadBalancing().deregister(INSTANCE);

    AwsCli.Result result = aws.run("elbv2", "describe-target-health", "--target-group-arn", group.arn());

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    JsonNode target = result.json().path("TargetHealthDescriptions").get(0);
    assertThat(target.path("Target").path("Id").asText()).isEqualTo(INSTANCE);
    assertThat(target.path("TargetHealth").path("State").asText()).isEqualTo("draining");
    assertThat(target.path("TargetHealth").path("Reason").asText()).isEqualTo("Target.DeregistrationInProgress");
  }

  @Test
  void describeAutoScalingGroups_printsTheTargetGroupsAttachedToTheGroup() {
    emulator.autoScaling().addGroup(GROUP);
    var group = emulator.loadBalancing().addTargetGroup("workers-http", 30, java.util.Map.of());
    emulator.autoScaling().attachTargetGroup(GROUP, group.arn());

    AwsCli.Result result = aws.run("autoscaling", "describe-auto-scaling-groups", "--auto-scaling-group-names", GROUP);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.json().at("/AutoScalingGroups/0/TargetGroupARNs")).extracting(JsonNode::asText)
        .containsExactly(group.arn());
  }

  @Test
  void describeInstances_printsReservationsWithStateDnsAndZone() {
    emulator.ec2().addInstance(INSTANCE, "shutting-down", "ip-10-0-1-17.eu-west-1.compute.internal", "eu-west-1b");

    AwsCli.Result result = aws.run("ec2", "describe-instances", "--instance-ids", INSTANCE);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    JsonNode instance = result.json().at("/Reservations/0/Instances/0");
    assertThat(instance.at("/InstanceId").asText()).isEqualTo(INSTANCE);
    assertThat(instance.at("/State/Name").asText()).isEqualTo("shutting-down");
    assertThat(instance.at("/State/Code").asInt()).isEqualTo(32);
    assertThat(instance.at("/PrivateDnsName").asText()).isEqualTo("ip-10-0-1-17.eu-west-1.compute.internal");
    assertThat(instance.at("/Placement/AvailabilityZone").asText()).isEqualTo("eu-west-1b");
  }

  @Test
  void describeInstancesByPrivateDnsName_printsOnlyTheInstanceHoldingIt() {
    emulator.ec2().addInstance(INSTANCE, "running", "ip-10-0-1-17.eu-west-1.compute.internal", "eu-west-1b");
    emulator.ec2().addInstance("i-0b1b2c3d4e5f60719", "running", "ip-10-0-1-18.eu-west-1.compute.internal",
        "eu-west-1a");

    AwsCli.Result result = aws.run("ec2", "describe-instances", "--filters",
        "Name=private-dns-name,Values=ip-10-0-1-18.eu-west-1.compute.internal");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.json().path("Reservations")).singleElement()
        .satisfies(reservation -> assertThat(reservation.at("/Instances/0/InstanceId").asText())
            .isEqualTo("i-0b1b2c3d4e5f60719"));
  }

  @Test
  void describeUnknownInstance_printsInvalidInstanceIdNotFound() {
    AwsCli.Result result = aws.run("ec2", "describe-instances", "--instance-ids", "i-0fffffffffffffff0");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("An error occurred (InvalidInstanceID.NotFound) when calling the "
        + "DescribeInstances operation: The instance ID 'i-0fffffffffffffff0' does not exist");
  }

  @Test
  void describeCluster_printsEndpointStatusAndCa() {
    String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    emulator.eks().addCluster("workers", URI.create("https://127.0.0.1:6443"), pem);

    AwsCli.Result result = aws.run("eks", "describe-cluster", "--name", "workers");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    JsonNode cluster = result.json().get("cluster");
    assertThat(cluster.get("name").asText()).isEqualTo("workers");
    assertThat(cluster.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(cluster.get("endpoint").asText()).isEqualTo("https://127.0.0.1:6443");
    assertThat(new String(Base64.getDecoder().decode(cluster.at("/certificateAuthority/data").asText()),
        StandardCharsets.UTF_8)).isEqualTo(pem);
  }

  @Test
  void describeAutoScalingGroupsAndLifecycleHooks_printTheGroupAndItsHook_andNothingForAnUnknownGroup() {
    emulator.autoScaling().addGroup(GROUP);
    emulator.autoScaling().putLifecycleHook(new LifecycleHook(GROUP, HOOK, "autoscaling:EC2_INSTANCE_TERMINATING",
        "arn:aws:sns:eu-west-1:111122223333:lifecycle", "arn:aws:iam::111122223333:role/hook", 300, "CONTINUE"));

    JsonNode groups = aws.run("autoscaling", "describe-auto-scaling-groups",
        "--auto-scaling-group-names", GROUP, "workers-gone").json();
    JsonNode hooks = aws.run("autoscaling", "describe-lifecycle-hooks", "--auto-scaling-group-name", GROUP).json();

    assertThat(groups.path("AutoScalingGroups")).hasSize(1);
    assertThat(groups.at("/AutoScalingGroups/0/AutoScalingGroupName").asText()).isEqualTo(GROUP);
    assertThat(groups.at("/AutoScalingGroups/0/AutoScalingGroupARN").asText())
        .startsWith("arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:")
        .endsWith(":autoScalingGroupName/" + GROUP);
    JsonNode hook = hooks.at("/LifecycleHooks/0");
    assertThat(hook.path("LifecycleHookName").asText()).isEqualTo(HOOK);
    assertThat(hook.path("LifecycleTransition").asText()).isEqualTo("autoscaling:EC2_INSTANCE_TERMINATING");
    assertThat(hook.path("NotificationTargetARN").asText()).isEqualTo("arn:aws:sns:eu-west-1:111122223333:lifecycle");
    assertThat(hook.path("RoleARN").asText()).isEqualTo("arn:aws:iam::111122223333:role/hook");
    assertThat(hook.path("HeartbeatTimeout").asInt()).isEqualTo(300);
    assertThat(hook.path("GlobalTimeout").asInt()).isEqualTo(30_000);
    assertThat(hook.path("DefaultResult").asText()).isEqualTo("CONTINUE");
  }

  @Test
  void accessEntries_areListedAndDescribed_andRefusedOnAConfigMapCluster() {
    String role = "arn:aws:iam::111122223333:role/GracefulWorkerTerminator-TaskRole";
    emulator.eks().addCluster("workers", URI.create("https://127.0.0.1:6443"), "ca");
    emulator.eks().addAccessEntry("workers", role, java.util.List.of("graceful-worker-terminator"));
    emulator.eks().addCluster("legacy", URI.create("https://127.0.0.1:6443"), "ca");
    emulator.eks().setAuthenticationMode("legacy", "CONFIG_MAP");

    JsonNode list = aws.run("eks", "list-access-entries", "--cluster-name", "workers").json();
    JsonNode entry = aws.run("eks", "describe-access-entry", "--cluster-name", "workers", "--principal-arn", role)
        .json().path("accessEntry");
    AwsCli.Result legacyMode = aws.run("eks", "describe-cluster", "--name", "legacy");
    AwsCli.Result legacyEntries = aws.run("eks", "list-access-entries", "--cluster-name", "legacy");

    assertThat(list.path("accessEntries")).extracting(JsonNode::asText).containsExactly(role);
    assertThat(entry.path("principalArn").asText()).isEqualTo(role);
    assertThat(entry.path("kubernetesGroups")).extracting(JsonNode::asText).containsExactly("graceful-worker-terminator");
    assertThat(entry.path("username").asText())
        .isEqualTo("arn:aws:sts::111122223333:assumed-role/GracefulWorkerTerminator-TaskRole/{{SessionName}}");
    assertThat(legacyMode.json().at("/cluster/accessConfig/authenticationMode").asText()).isEqualTo("CONFIG_MAP");
    assertThat(legacyEntries.exitCode()).isNotZero();
    assertThat(legacyEntries.stderr()).contains("An error occurred (InvalidRequestException) when calling the "
        + "ListAccessEntries operation: The cluster's authentication mode must be set to one of");
  }

  @Test
  void startExecution_isIdempotentForSameInputAndRefusesOtherInput() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);
    String input = "{\"EC2InstanceId\":\"" + INSTANCE + "\"}";

    AwsCli.Result first = startExecution("run-1", input);
    AwsCli.Result repeated = startExecution("run-1", input);
    AwsCli.Result otherInput = startExecution("run-1", "{\"EC2InstanceId\":\"i-00000000000000001\"}");
    AwsCli.Result described = aws.run("stepfunctions", "describe-execution", "--execution-arn",
        first.json().get("executionArn").asText());

    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.json().get("executionArn").asText())
        .isEqualTo("arn:aws:states:eu-west-1:111122223333:execution:drain:run-1");
    assertThat(repeated.json()).isEqualTo(first.json());
    assertThat(otherInput.exitCode()).isNotZero();
    assertThat(otherInput.stderr()).contains("An error occurred (ExecutionAlreadyExists) when calling the "
        + "StartExecution operation");
    assertThat(described.exitCode()).as(described.stderr()).isZero();
    assertThat(described.json().get("status").asText()).isEqualTo("RUNNING");
    assertThat(described.json().get("name").asText()).isEqualTo("run-1");
    assertThat(described.json().get("input").asText()).isEqualTo(input);
    assertThat(described.json().get("startDate").asText()).isEqualTo(first.json().get("startDate").asText());
  }

  @Test
  void listExecutions_followsTheNextTokenPageByPage_andFiltersByStatus() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);
    for (String name : java.util.List.of("run-1", "run-2", "run-3")) {
      emulator.stepFunctions().start(STATE_MACHINE, name, "{}");
    }
    emulator.stepFunctions().fail(STATE_MACHINE.replace(":stateMachine:", ":execution:") + ":run-1", "DrainFailed",
        "Check pods failed");

    AwsCli.Result all = aws.run("stepfunctions", "list-executions", "--state-machine-arn", STATE_MACHINE,
        "--page-size", "2");
    AwsCli.Result failed = aws.run("stepfunctions", "list-executions", "--state-machine-arn", STATE_MACHINE,
        "--status-filter", "FAILED");

    assertThat(all.exitCode()).as(all.stderr()).isZero();
    assertThat(all.json().path("executions")).extracting(item -> item.path("name").asText())
        .containsExactly("run-3", "run-2", "run-1");
    assertThat(all.json().at("/executions/0/executionArn").asText())
        .isEqualTo("arn:aws:states:eu-west-1:111122223333:execution:drain:run-3");
    assertThat(emulator.calls("ListExecutions")).extracting(call -> call.params().get("maxResults"),
            call -> call.params().containsKey("nextToken"), call -> call.params().get("statusFilter"))
        .as("the CLI asks two at a time and follows nextToken; then the filtered call")
        .containsExactly(tuple("2", false, null), tuple("2", true, null), tuple(null, false, "FAILED"));
    assertThat(failed.json().path("executions")).singleElement().satisfies(item -> {
      assertThat(item.path("name").asText()).isEqualTo("run-1");
      assertThat(item.path("status").asText()).isEqualTo("FAILED");
      assertThat(item.has("stopDate")).isTrue();
    });
  }

  @Test
  void getSecretValue_throughAwsEndpointUrl_printsTheSecretString() {
    emulator.secrets().put("workers/kubeconfig", "apiVersion: v1\nkind: Config\n");
    AwsCli awsFromEnvironment = AwsCli.against(emulator.endpoint(), AwsCli.EndpointVia.ENVIRONMENT);

    AwsCli.Result result = awsFromEnvironment.run("secretsmanager", "get-secret-value",
        "--secret-id", "workers/kubeconfig");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.json().get("SecretString").asText()).isEqualTo("apiVersion: v1\nkind: Config\n");
    assertThat(result.json().get("Name").asText()).isEqualTo("workers/kubeconfig");
    assertThat(result.json().get("ARN").asText()).startsWith("arn:aws:secretsmanager:eu-west-1:111122223333:secret:");
  }

  private AwsCli.Result complete() {
    return aws.run("autoscaling", "complete-lifecycle-action", "--auto-scaling-group-name", GROUP,
        "--lifecycle-hook-name", HOOK, "--lifecycle-action-token", TOKEN, "--lifecycle-action-result", "CONTINUE");
  }

  private AwsCli.Result startExecution(String name, String input) {
    return aws.run("stepfunctions", "start-execution", "--state-machine-arn", STATE_MACHINE, "--name", name,
        "--input", input);
  }
}
