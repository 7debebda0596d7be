package dev.gracefulworker.emulator.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * One instance held in a lifecycle hook's wait state, as Auto Scaling tracks it: it stays active until it is
 * completed, or until {@code heartbeatTimeout} passes without a heartbeat, or until the hook's global timeout
 * (100 x heartbeat timeout, at most 48 hours from the start) passes. Times come from the emulator's clock.
 */
public final class LifecycleAction {

  /** Where the action stands. */
  public enum State { PENDING, COMPLETED, EXPIRED }

  static final Duration MAX_GLOBAL_TIMEOUT = Duration.ofHours(48);

  private final String autoScalingGroupName;
  private final String lifecycleHookName;
  private final String instanceId;
  private final String token;
  private final Duration heartbeatTimeout;
  private final String defaultResult;
  private final Instant startedAt;
  private final Instant globalDeadline;
  private final Clock clock;

  private State state = State.PENDING;
  private String result;
  private Instant lastHeartbeatAt;
  private final List<Instant> heartbeatTimes = new ArrayList<>();
  private Instant completedAt;
  private int heartbeats;
  private int completeCalls;

  LifecycleAction(String autoScalingGroupName, String lifecycleHookName, String instanceId, String token,
      int heartbeatTimeoutSeconds, String defaultResult, Clock clock) {
    this.autoScalingGroupName = Objects.requireNonNull(autoScalingGroupName, "autoScalingGroupName");
    this.lifecycleHookName = Objects.requireNonNull(lifecycleHookName, "lifecycleHookName");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.token = Objects.requireNonNull(token, "token");
    this.heartbeatTimeout = Duration.ofSeconds(heartbeatTimeoutSeconds);
    this.defaultResult = LifecycleResults.requireValid(defaultResult);
    this.clock = clock;
    this.startedAt = clock.instant();
    this.lastHeartbeatAt = startedAt;
    Duration globalTimeout = heartbeatTimeout.multipliedBy(100);
    this.globalDeadline = startedAt.plus(globalTimeout.compareTo(MAX_GLOBAL_TIMEOUT) < 0
        ? globalTimeout : MAX_GLOBAL_TIMEOUT);
  }

  public String autoScalingGroupName() {
    return autoScalingGroupName;
  }

  public String lifecycleHookName() {
    return lifecycleHookName;
  }

  public String instanceId() {
    return instanceId;
  }

  public String token() {
    return token;
  }

  /** The hook's heartbeat timeout: the longest the action waits for a sign of life. */
  public Duration heartbeatTimeout() {
    return heartbeatTimeout;
  }

  public String defaultResult() {
    return defaultResult;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** The hook's global timeout: no heartbeat keeps the action past it. */
  public Instant globalDeadline() {
    return globalDeadline;
  }

  /** PENDING until completed or expired; an expired action is seen as soon as the clock passes {@link #expiresAt()}. */
  public synchronized State state() {
    expireIfDue();
    return state;
  }

  /** CONTINUE or ABANDON once completed (the hook's default result once expired); null while pending. */
  public synchronized String result() {
    expireIfDue();
    return result;
  }

  /** Successful RecordLifecycleActionHeartbeat calls. */
  public synchronized int heartbeats() {
    return heartbeats;
  }

  /** Successful CompleteLifecycleAction calls (at most one: a second one is a ValidationError). */
  public synchronized int completeCalls() {
    return completeCalls;
  }

  /** When the action times out unless a heartbeat or a completion comes first. */
  public synchronized Instant expiresAt() {
    Instant heartbeatDeadline = lastHeartbeatAt.plus(heartbeatTimeout);
    return heartbeatDeadline.isBefore(globalDeadline) ? heartbeatDeadline : globalDeadline;
  }

  synchronized boolean active() {
    return state() == State.PENDING;
  }

  synchronized void complete(String completionResult) {
    requireActive();
    state = State.COMPLETED;
    result = completionResult;
    completedAt = clock.instant();
    completeCalls++;
  }

  synchronized void recordHeartbeat() {
    requireActive();
    lastHeartbeatAt = clock.instant();
    heartbeatTimes.add(lastHeartbeatAt);
    heartbeats++;
  }

  /** When each successful heartbeat was recorded, in order. */
  public synchronized List<Instant> heartbeatTimes() {
    return List.copyOf(heartbeatTimes);
  }

  /** When the action was completed; empty while pending or once expired. */
  public synchronized Optional<Instant> completedAt() {
    return Optional.ofNullable(completedAt);
  }

  /**
   * The longest the action went without a sign of life: between its start, each heartbeat, and its completion (or
   * now, while it is pending). Above the heartbeat timeout means it expired.
   */
  public synchronized Duration longestSilence() {
    List<Instant> marks = new ArrayList<>();
    marks.add(startedAt);
    marks.addAll(heartbeatTimes);
    marks.add(completedAt != null ? completedAt : clock.instant());
    Duration longest = Duration.ZERO;
    for (int i = 1; i < marks.size(); i++) {
      Duration gap = Duration.between(marks.get(i - 1), marks.get(i));
      longest = gap.compareTo(longest) > 0 ? gap : longest;
    }
    return longest;
  }

  boolean belongsTo(String groupName, String hookName) {
    return autoScalingGroupName.equals(groupName) && lifecycleHookName.equals(hookName);
  }

  private void requireActive() {
    if (!active()) {
      throw new IllegalStateException("lifecycle action " + token + " is " + state);
    }
  }

  private void expireIfDue() {
    if (state == State.PENDING && !clock.instant().isBefore(expiresAt())) {
      state = State.EXPIRED;
      result = defaultResult;
    }
  }

  @Override
  public synchronized String toString() {
    return "LifecycleAction[" + autoScalingGroupName + "/" + lifecycleHookName + " " + instanceId + " token="
        + token + " " + state() + "]";
  }
}
