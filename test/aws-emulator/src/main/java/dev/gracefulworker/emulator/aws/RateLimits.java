package dev.gracefulworker.emulator.aws;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The account's request rate limits per action: a {@link TokenBucket} each, on the emulator's clock. EC2 keeps a bucket
 * per API action like this; Auto Scaling shares one bucket among all its actions, which a test approximates by limiting
 * each action the fleet calls.
 */
final class RateLimits {

  private final Clock clock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();

  RateLimits(Clock clock) {
    this.clock = clock;
  }

  /** Limits the action from now on with a full bucket, replacing any earlier limit of it. */
  void limit(String action, double requestsPerSecond, int burst) {
    buckets.put(action, new TokenBucket(clock, requestsPerSecond, burst));
  }

  /** The service's throttling error when the action's bucket is empty; empty when the call may go ahead. */
  Optional<AwsError> admit(AwsService service, String action) {
    TokenBucket bucket = buckets.get(action);
    if (bucket == null || bucket.tryTake()) {
      return Optional.empty();
    }
    throttled.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
    return Optional.of(service.throttling());
  }

  /** How many calls of the action the rate limit refused so far. */
  int throttled(String action) {
    AtomicInteger count = throttled.get(action);
    return count == null ? 0 : count.get();
  }
}
