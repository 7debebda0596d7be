package dev.gracefulworker.emulator.aws;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The account's request rate limits: a {@link TokenBucket} per action, or one bucket shared by several actions, on the
 * emulator's clock. EC2 keeps a bucket per API action; Auto Scaling shares one bucket among all its actions ("all
 * Amazon EC2 Auto Scaling API calls have a single, shared API limit", AWS re:Post knowledge center).
 */
final class RateLimits {

  private final Clock clock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();

  RateLimits(Clock clock) {
    this.clock = clock;
  }

  /** Limits the actions from now on with one full bucket they share, replacing any earlier limit of them. */
  void limit(Collection<String> actions, double requestsPerSecond, int burst) {
    TokenBucket shared = new TokenBucket(clock, requestsPerSecond, burst);
    actions.forEach(action -> buckets.put(action, shared));
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
