package dev.gracefulworker.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleActionTest {

  private static final String START = "2026-11-20T09:41:07Z";

  private final MutableClock clock = MutableClock.at(START);
  private final AutoScaling autoScaling = new AutoScaling(clock);

  @Test
  void newAction_isPendingUntilItsHeartbeatTimeoutPasses() {
    LifecycleAction action = start(300);

    clock.advance(Duration.ofSeconds(299));
    assertThat(action.state()).isEqualTo(LifecycleAction.State.PENDING);
    assertThat(action.result()).isNull();

    clock.advance(Duration.ofSeconds(1));
    assertThat(action.state()).isEqualTo(LifecycleAction.State.EXPIRED);
  }

  @Test
  void expiredAction_endsWithTheHooksDefaultResult() {
    LifecycleAction action = autoScaling.startLifecycleAction("workers", "drain", "i-0a1b2c3d4e5f60718",
        "token-1", 300, "ABANDON");

    clock.advance(Duration.ofSeconds(300));

    assertThat(action.result()).isEqualTo("ABANDON");
  }

  @Test
  void heartbeat_movesTheExpiryToHeartbeatTimeoutAfterIt() {
    LifecycleAction action = start(300);
    clock.advance(Duration.ofSeconds(200));

    autoScaling.recordHeartbeat(byToken());

    assertThat(action.heartbeats()).isEqualTo(1);
    assertThat(action.expiresAt()).isEqualTo(Instant.parse(START).plusSeconds(500));
    clock.advance(Duration.ofSeconds(299));
    assertThat(action.state()).isEqualTo(LifecycleAction.State.PENDING);
  }

  @Test
  void longestSilence_isTheLongestStretchBetweenStartHeartbeatsAndCompletion() {
    LifecycleAction action = start(300);
    clock.advance(Duration.ofSeconds(100));
    autoScaling.recordHeartbeat(byToken());
    clock.advance(Duration.ofSeconds(250));
    autoScaling.recordHeartbeat(byToken());
    clock.advance(Duration.ofSeconds(40));

    assertThat(action.heartbeatTimes()).containsExactly(Instant.parse(START).plusSeconds(100),
        Instant.parse(START).plusSeconds(350));
    assertThat(action.longestSilence()).isEqualTo(Duration.ofSeconds(250));
    assertThat(action.completedAt()).isEmpty();
  }

  @Test
  void heartbeats_neverKeepTheActionPastHundredTimesTheHeartbeatTimeout() {
    LifecycleAction action = start(30);

    for (int i = 0; i < 103; i++) { // the last heartbeat, at 2987 s, would reach 3017 s without the cap
      clock.advance(Duration.ofSeconds(29));
      autoScaling.recordHeartbeat(byToken());
    }

    assertThat(action.globalDeadline()).isEqualTo(Instant.parse(START).plusSeconds(3000));
    assertThat(action.expiresAt()).isEqualTo(action.globalDeadline());
    clock.advance(Duration.ofSeconds(100));
    assertThat(action.state()).isEqualTo(LifecycleAction.State.EXPIRED);
  }

  @Test
  void globalTimeout_isCappedAtFortyEightHours() {
    LifecycleAction action = start(7200);

    assertThat(action.globalDeadline()).isEqualTo(Instant.parse(START).plus(Duration.ofHours(48)));
  }

  @Test
  void completedAction_cannotBeCompletedOrHeartbeatenAgain() {
    LifecycleAction action = start(300);
    autoScaling.complete(byToken(), "CONTINUE");

    assertThatThrownBy(() -> autoScaling.complete(byToken(), "ABANDON"))
        .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.error().message())
            .isEqualTo("No active Lifecycle Action found with token token-1"));
    assertThatThrownBy(() -> autoScaling.recordHeartbeat(byToken())).isInstanceOf(AwsException.class);
    assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
    assertThat(action.result()).isEqualTo("CONTINUE");
    assertThat(action.completeCalls()).isEqualTo(1);
  }

  @Test
  void heartbeatTimeoutOutsideTheHooksRange_isRefused() {
    assertThatThrownBy(() -> start(29)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("29");
    assertThatThrownBy(() -> start(7201)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7201");
  }

  @Test
  void action_isTheInstancesMostRecentlyStartedOne() {
    autoScaling.startLifecycleAction("workers", "drain", "i-0a1b2c3d4e5f60718", "first", 300, "CONTINUE");
    LifecycleAction second = autoScaling.startLifecycleAction("workers", "drain", "i-0a1b2c3d4e5f60718",
        "second", 300, "CONTINUE");

    assertThat(autoScaling.action("i-0a1b2c3d4e5f60718")).containsSame(second);
    assertThat(autoScaling.action("i-00000000000000000")).isEmpty();
  }

  private LifecycleAction start(int heartbeatTimeoutSeconds) {
    return autoScaling.startLifecycleAction("workers", "drain", "i-0a1b2c3d4e5f60718", "token-1",
        heartbeatTimeoutSeconds, "CONTINUE");
  }

  private static LifecycleActionTarget byToken() {
    return new LifecycleActionTarget.ByToken("workers", "drain", "token-1");
  }
}
