package dev.gracefulworker.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.CompleteLifecycleActionRequest;
import software.amazon.awssdk.services.autoscaling.model.RecordLifecycleActionHeartbeatRequest;

/** Auto Scaling through the real AWS SDK v2 client (awsQuery). */
class AutoScalingSdkTest {

  private static final String INSTANCE = "i-0a1b2c3d4e5f60718";
  private static final String TOKEN = "3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18";

  private final MutableClock clock = MutableClock.at("2026-11-20T09:41:07Z");
  private final AwsEmulator emulator = AwsEmulator.start(clock);
  private final AutoScalingClient client = SdkClients.connect(AutoScalingClient.builder(), emulator.endpoint());
  /** One attempt per call: the SDK's retries would hide a throttled answer. */
  private final AutoScalingClient noRetries = SdkClients.connect(AutoScalingClient.builder()
      .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())), emulator.endpoint());

  @AfterEach
  void close() {
    client.close();
    noRetries.close();
    emulator.close();
  }

  @Test
  void completionByToken_completesTheActionWithTheGivenResult() {
    LifecycleAction action = startAction();

    client.completeLifecycleAction(complete(TOKEN, null, "ABANDON"));

    assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
    assertThat(action.result()).isEqualTo("ABANDON");
    assertThat(action.completeCalls()).isEqualTo(1);
  }

  @Test
  void secondCompletion_isValidationErrorNamingTheToken() {
    startAction();
    client.completeLifecycleAction(complete(TOKEN, null, "CONTINUE"));

    var error = catchThrowableOfType(AutoScalingException.class,
        () -> client.completeLifecycleAction(complete(TOKEN, null, "CONTINUE")));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("No active Lifecycle Action found with token " + TOKEN);
    assertThat(emulator.autoScaling().action(INSTANCE).orElseThrow().completeCalls()).isEqualTo(1);
  }

  @Test
  void completionByInstanceId_worksWithoutToken() {
    LifecycleAction action = startAction();

    client.completeLifecycleAction(complete(null, INSTANCE, "CONTINUE"));

    assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
  }

  @Test
  void unknownInstance_isValidationErrorNamingTheInstance() {
    var error = catchThrowableOfType(AutoScalingException.class,
        () -> client.completeLifecycleAction(complete(null, "i-0fffffffffffffff0", "CONTINUE")));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo("No active Lifecycle Action found with instance ID i-0fffffffffffffff0");
  }

  @Test
  void wrongToken_isValidationErrorEvenWhenTheInstanceIdIsRight() {
    LifecycleAction action = startAction();

    var error = catchThrowableOfType(AutoScalingException.class,
        () -> client.completeLifecycleAction(complete("not-the-token", INSTANCE, "CONTINUE")));

    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo("No active Lifecycle Action found with token not-the-token");
    assertThat(action.state()).isEqualTo(LifecycleAction.State.PENDING);
  }

  @Test
  void heartbeat_keepsTheActionAlivePastItsFirstTimeout() {
    LifecycleAction action = startAction();
    clock.advance(Duration.ofSeconds(250));

    client.recordLifecycleActionHeartbeat(heartbeat());
    clock.advance(Duration.ofSeconds(250));

    assertThat(action.state()).isEqualTo(LifecycleAction.State.PENDING);
    assertThat(action.heartbeats()).isEqualTo(1);
    client.completeLifecycleAction(complete(TOKEN, null, "CONTINUE"));
    assertThat(action.result()).isEqualTo("CONTINUE");
  }

  @Test
  void expiredAction_answersHeartbeatWithValidationError() {
    startAction();
    clock.advance(Duration.ofSeconds(300));

    var error = catchThrowableOfType(AutoScalingException.class,
        () -> client.recordLifecycleActionHeartbeat(heartbeat()));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(emulator.autoScaling().action(INSTANCE).orElseThrow().state())
        .isEqualTo(LifecycleAction.State.EXPIRED);
  }

  @Test
  void throttledCompletion_isRetriedByTheSdkAndSucceeds() {
    LifecycleAction action = startAction();
    emulator.throttle("CompleteLifecycleAction", 2);

    client.completeLifecycleAction(complete(TOKEN, null, "CONTINUE"));

    assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
    assertThat(emulator.calls("CompleteLifecycleAction"))
        .extracting(AwsCall::status, AwsCall::errorCode)
        .containsExactly(
            tuple(400, "Throttling"),
            tuple(400, "Throttling"),
            tuple(200, null));
  }

  @Test
  void rateLimitedHeartbeat_isAThrottlingExceptionToTheSdk_untilTheClockRefillsTheBucket() {
    startAction();
    emulator.limitRate("RecordLifecycleActionHeartbeat", 1, 2);
    noRetries.recordLifecycleActionHeartbeat(heartbeat());
    noRetries.recordLifecycleActionHeartbeat(heartbeat());

    var error = catchThrowableOfType(AutoScalingException.class,
        () -> noRetries.recordLifecycleActionHeartbeat(heartbeat()));
    clock.advance(Duration.ofSeconds(1));
    noRetries.recordLifecycleActionHeartbeat(heartbeat());

    assertThat(error.isThrottlingException()).isTrue();
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("Throttling");
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
    assertThat(emulator.calls("RecordLifecycleActionHeartbeat")).extracting(AwsCall::errorCode)
        .containsExactly(null, null, "Throttling", null);
    assertThat(emulator.throttled("RecordLifecycleActionHeartbeat")).isEqualTo(1);
    assertThat(emulator.autoScaling().action(INSTANCE).orElseThrow().heartbeats()).isEqualTo(3);
  }

  @Test
  void aSharedBucket_throttlesOneActionOnceAnotherHasTakenItsTokens() {
    LifecycleAction action = startAction();
    emulator.limitRate(List.of("RecordLifecycleActionHeartbeat", "CompleteLifecycleAction"), 1, 2);
    noRetries.recordLifecycleActionHeartbeat(heartbeat());
    noRetries.recordLifecycleActionHeartbeat(heartbeat());

    var error = catchThrowableOfType(AutoScalingException.class,
        () -> noRetries.completeLifecycleAction(complete(TOKEN, null, "CONTINUE")));
    clock.advance(Duration.ofSeconds(1));
    noRetries.completeLifecycleAction(complete(TOKEN, null, "CONTINUE"));

    assertThat(error.isThrottlingException()).isTrue();
    assertThat(emulator.throttled("CompleteLifecycleAction")).isEqualTo(1);
    assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
  }

  @Test
  void queuedThrottle_answersBeforeTheRateLimit_andTakesNoToken() {
    LifecycleAction action = startAction();
    emulator.limitRate("CompleteLifecycleAction", 1, 1);
    emulator.throttle("CompleteLifecycleAction", 1);

    var error = catchThrowableOfType(AutoScalingException.class,
        () -> noRetries.completeLifecycleAction(complete(TOKEN, null, "CONTINUE")));
    noRetries.completeLifecycleAction(complete(TOKEN, null, "CONTINUE"));

    assertThat(error.isThrottlingException()).isTrue();
    assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
    assertThat(emulator.throttled("CompleteLifecycleAction")).as("the queued fault, not the rate limit").isZero();
  }

  @Test
  void limitRate_refusesAnUnknownAction_andARateOrBurstBelowOne() {
    assertThatIllegalArgumentException().isThrownBy(() -> emulator.limitRate("TerminateInstances", 1, 1))
        .withMessageContaining("does not answer TerminateInstances");
    assertThatIllegalArgumentException().isThrownBy(() -> emulator.limitRate("CompleteLifecycleAction", 0, 1))
        .withMessageContaining("requestsPerSecond");
    assertThatIllegalArgumentException().isThrownBy(() -> emulator.limitRate("CompleteLifecycleAction", 1, 0))
        .withMessageContaining("burst");
  }

  @Test
  void internalFailure_isRetriedByTheSdkAndSucceeds() {
    startAction();
    emulator.fail("RecordLifecycleActionHeartbeat", 503, 1);

    client.recordLifecycleActionHeartbeat(heartbeat());

    assertThat(emulator.calls("RecordLifecycleActionHeartbeat"))
        .extracting(AwsCall::errorCode)
        .containsExactly("InternalFailure", null);
  }

  @Test
  void calls_recordTheFormParameters() {
    startAction();

    client.completeLifecycleAction(complete(TOKEN, null, "CONTINUE"));

    assertThat(emulator.calls()).singleElement().satisfies(call -> {
      assertThat(call.service()).isEqualTo("autoscaling");
      assertThat(call.params()).containsEntry("LifecycleActionToken", TOKEN)
          .containsEntry("AutoScalingGroupName", "workers-spot-a")
          .doesNotContainKeys("Action", "Version");
      assertThat(call.succeeded()).isTrue();
    });
  }

  private LifecycleAction startAction() {
    return emulator.autoScaling().startLifecycleAction("workers-spot-a", "graceful-termination", INSTANCE, TOKEN,
        300, "CONTINUE");
  }

  private static CompleteLifecycleActionRequest complete(String token, String instanceId, String result) {
    return CompleteLifecycleActionRequest.builder()
        .autoScalingGroupName("workers-spot-a")
        .lifecycleHookName("graceful-termination")
        .lifecycleActionToken(token)
        .instanceId(instanceId)
        .lifecycleActionResult(result)
        .build();
  }

  private static RecordLifecycleActionHeartbeatRequest heartbeat() {
    return RecordLifecycleActionHeartbeatRequest.builder()
        .autoScalingGroupName("workers-spot-a")
        .lifecycleHookName("graceful-termination")
        .lifecycleActionToken(TOKEN)
        .build();
  }
}
