package dev.gracefulworker.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/** Step Functions StartExecution / DescribeExecution / ListExecutions through the real AWS SDK v2 client (awsJson1_0). */
class StepFunctionsSdkTest {

  private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:drain";
  private static final String INPUT = "{\"EC2InstanceId\":\"i-0a1b2c3d4e5f60718\"}";

  private final MutableClock clock = MutableClock.at("2026-11-20T09:41:07.512Z");
  private final AwsEmulator emulator = AwsEmulator.start(clock);
  private final SfnClient client = SdkClients.connect(SfnClient.builder(), emulator.endpoint());

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  @Test
  void start_createsARunningExecutionAndTellsTheListener() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);
    List<Execution> started = new CopyOnWriteArrayList<>();
    emulator.stepFunctions().onStart(started::add);

    StartExecutionResponse response = start("i-0a1b2c3d4e5f60718-3f6b", INPUT);

    assertThat(response.executionArn())
        .isEqualTo("arn:aws:states:eu-west-1:111122223333:execution:drain:i-0a1b2c3d4e5f60718-3f6b");
    assertThat(response.startDate()).isEqualTo(Instant.parse("2026-11-20T09:41:07.512Z"));
    assertThat(started).singleElement().satisfies(execution -> {
      assertThat(execution.arn()).isEqualTo(response.executionArn());
      assertThat(execution.input()).isEqualTo(INPUT);
      assertThat(execution.status()).isEqualTo("RUNNING");
    });
  }

  @Test
  void sameNameAndInputWhileRunning_answersTheOriginalExecution() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);
    List<Execution> started = new CopyOnWriteArrayList<>();
    emulator.stepFunctions().onStart(started::add);
    StartExecutionResponse first = start("dup", INPUT);
    clock.advance(Duration.ofSeconds(5));

    StartExecutionResponse second = start("dup", INPUT);

    assertThat(second.executionArn()).isEqualTo(first.executionArn());
    assertThat(second.startDate()).isEqualTo(first.startDate());
    assertThat(started).hasSize(1);
    assertThat(emulator.stepFunctions().executions()).hasSize(1);
  }

  @Test
  void sameNameWithOtherInput_isExecutionAlreadyExists() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);
    start("dup", INPUT);

    var error = catchThrowableOfType(ExecutionAlreadyExistsException.class, () -> start("dup", "{\"other\":1}"));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ExecutionAlreadyExists");
    assertThat(error.statusCode()).isEqualTo(400);
  }

  @Test
  void sameNameAfterTheExecutionClosed_isExecutionAlreadyExists() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);
    String arn = start("dup", INPUT).executionArn();
    emulator.stepFunctions().finish(arn, "SUCCEEDED", "{}");

    var error = catchThrowableOfType(ExecutionAlreadyExistsException.class, () -> start("dup", INPUT));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ExecutionAlreadyExists");
  }

  @Test
  void unknownStateMachine_isStateMachineDoesNotExist() {
    var error = catchThrowableOfType(StateMachineDoesNotExistException.class, () -> start("x", INPUT));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("StateMachineDoesNotExist");
  }

  @Test
  void describe_reportsStatusInputNameAndDates() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);
    String arn = start("run-1", INPUT).executionArn();
    clock.advance(Duration.ofSeconds(42));
    emulator.stepFunctions().finish(arn, "SUCCEEDED", "{\"outcome\":\"completed\"}");

    var described = client.describeExecution(request -> request.executionArn(arn));

    assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(described.name()).isEqualTo("run-1");
    assertThat(described.input()).isEqualTo(INPUT);
    assertThat(described.output()).isEqualTo("{\"outcome\":\"completed\"}");
    assertThat(described.stateMachineArn()).isEqualTo(STATE_MACHINE);
    assertThat(described.startDate()).isEqualTo(Instant.parse("2026-11-20T09:41:07.512Z"));
    assertThat(described.stopDate()).isEqualTo(Instant.parse("2026-11-20T09:41:49.512Z"));
  }

  @Test
  void failedExecution_isDescribedWithItsErrorAndCause() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);
    String arn = start("run-1", INPUT).executionArn();

    emulator.stepFunctions().fail(arn, "DrainFailed", "Check pods failed after its retries");
    var described = client.describeExecution(request -> request.executionArn(arn));

    assertThat(described.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(described.error()).isEqualTo("DrainFailed");
    assertThat(described.cause()).isEqualTo("Check pods failed after its retries");
    assertThat(described.output()).isNull();
  }

  @Test
  void listExecutions_pagesThroughEveryExecutionNewestFirst() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);
    for (int n = 1; n <= 5; n++) {
      start("run-" + n, INPUT);
      clock.advance(Duration.ofSeconds(1));
    }
    emulator.stepFunctions().finish(STATE_MACHINE.replace(":stateMachine:", ":execution:") + ":run-2", "SUCCEEDED",
        "{}");

    List<ExecutionListItem> listed = client.listExecutionsPaginator(request -> request
        .stateMachineArn(STATE_MACHINE).maxResults(2)).executions().stream().toList();

    assertThat(listed).extracting(ExecutionListItem::name).containsExactly("run-5", "run-4", "run-3", "run-2", "run-1");
    assertThat(listed).filteredOn(item -> item.name().equals("run-2")).singleElement().satisfies(item -> {
      assertThat(item.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(item.stopDate()).isNotNull();
    });
    assertThat(emulator.calls("ListExecutions")).extracting(call -> call.params().get("nextToken"))
        .hasSize(3).first().isNull();
  }

  @Test
  void listExecutions_withAStatusFilter_listsOnlyThatStatus() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);
    String failed = start("run-1", INPUT).executionArn();
    start("run-2", INPUT);
    emulator.stepFunctions().fail(failed, "DrainFailed", null);

    var running = client.listExecutions(request -> request.stateMachineArn(STATE_MACHINE)
        .statusFilter(ExecutionStatus.RUNNING));

    assertThat(running.executions()).extracting(ExecutionListItem::name).containsExactly("run-2");
    assertThat(running.nextToken()).isNull();
  }

  @Test
  void listExecutions_ofAnUnknownStateMachineOrWithABadToken_isRefused() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);

    var unknown = catchThrowableOfType(StateMachineDoesNotExistException.class, () -> client.listExecutions(
        request -> request.stateMachineArn(STATE_MACHINE + "-gone")));
    var badToken = catchThrowableOfType(InvalidTokenException.class, () -> client.listExecutions(
        request -> request.stateMachineArn(STATE_MACHINE).nextToken("not-a-token")));

    assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("StateMachineDoesNotExist");
    assertThat(badToken.awsErrorDetails().errorCode()).isEqualTo("InvalidToken");
  }

  @Test
  void describeUnknownExecution_isExecutionDoesNotExist() {
    var error = catchThrowableOfType(ExecutionDoesNotExistException.class, () -> client.describeExecution(
        request -> request.executionArn("arn:aws:states:eu-west-1:111122223333:execution:drain:nope")));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ExecutionDoesNotExist");
  }

  @Test
  void throttledStart_isRetriedByTheSdkAndStartsOnce() {
    emulator.stepFunctions().addStateMachine(STATE_MACHINE);
    emulator.throttle("StartExecution", 2);

    start("throttled", INPUT);

    assertThat(emulator.stepFunctions().executions()).hasSize(1);
    assertThat(emulator.calls("StartExecution")).extracting(AwsCall::errorCode)
        .containsExactly("ThrottlingException", "ThrottlingException", null);
  }

  private StartExecutionResponse start(String name, String input) {
    return client.startExecution(request -> request.stateMachineArn(STATE_MACHINE).name(name).input(input));
  }
}
