package dev.gracefulworker.emulator.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One action's request budget, as AWS documents its API throttling (EC2 "Request throttling for the Amazon EC2
 * API", Auto Scaling API Reference "API request rate"): a bucket that holds at most {@code burst} tokens and starts
 * full, each request removes one token, and the bucket refills at {@code requestsPerSecond} until it is full again
 * (refill tokens beyond the bucket's size are discarded). A request that finds the bucket empty is throttled and takes
 * no token (the documents say only that each request removes one; an empty bucket has none to remove), so a caller
 * that keeps retrying does not push its own next success further away.
 */
final class TokenBucket {

  private final Clock clock;
  private final double requestsPerSecond;
  private final int burst;
  private double tokens;
  private Instant refilledAt;

  TokenBucket(Clock clock, double requestsPerSecond, int burst) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be a positive number, not " + requestsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, not " + burst);
    }
    this.clock = clock;
    this.requestsPerSecond = requestsPerSecond;
    this.burst = burst;
    this.tokens = burst;
    this.refilledAt = clock.instant();
  }

  /** Takes a token if one is left after refilling for the clock time since the last call; false = throttled. */
  synchronized boolean tryTake() {
    refill();
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  private void refill() {
    Instant now = clock.instant();
    // a scenario clock set backwards must not drain the bucket, nor refill it twice when it moves on again
    if (now.isAfter(refilledAt)) {
      double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
      tokens = Math.min(burst, tokens + seconds * requestsPerSecond);
      refilledAt = now;
    }
  }
}
