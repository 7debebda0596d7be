package dev.gracefulworker.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The token bucket behind {@link AwsEmulator#limitRate}, on a clock the test moves by hand. */
class TokenBucketTest {

  private final MutableClock clock = MutableClock.at("2026-11-20T09:41:07Z");

  @Test
  void fullBucket_allowsTheBurst_thenThrottles() {
    TokenBucket bucket = new TokenBucket(clock, 2, 3);

    assertThat(takes(bucket, 5)).containsExactly(true, true, true, false, false);
  }

  @Test
  void emptyBucket_refillsAtTheRate_asTheClockAdvances() {
    TokenBucket bucket = new TokenBucket(clock, 2, 3);
    takes(bucket, 3);

    clock.advance(Duration.ofMillis(400));
    boolean afterPointFourSeconds = bucket.tryTake();
    clock.advance(Duration.ofMillis(100));

    assertThat(afterPointFourSeconds).as("0.8 tokens are not a token").isFalse();
    assertThat(takes(bucket, 2)).containsExactly(true, false);
  }

  @Test
  void refill_stopsAtTheBurst() {
    TokenBucket bucket = new TokenBucket(clock, 2, 3);
    takes(bucket, 3);

    clock.advance(Duration.ofHours(1));

    assertThat(takes(bucket, 4)).containsExactly(true, true, true, false);
  }

  @Test
  void throttledCalls_takeNoToken() {
    TokenBucket bucket = new TokenBucket(clock, 1, 1);
    bucket.tryTake();
    takes(bucket, 10);

    clock.advance(Duration.ofSeconds(1));

    assertThat(takes(bucket, 2)).as("one second refilled one token, whatever was refused before")
        .containsExactly(true, false);
  }

  @Test
  void fractionalRate_refillsOneTokenPerPeriod() {
    TokenBucket bucket = new TokenBucket(clock, 0.2, 1);
    bucket.tryTake();

    clock.advance(Duration.ofSeconds(4));
    boolean afterFourSeconds = bucket.tryTake();
    clock.advance(Duration.ofSeconds(1));

    assertThat(afterFourSeconds).isFalse();
    assertThat(bucket.tryTake()).isTrue();
  }

  @Test
  void rateAndBurst_mustBePositive() {
    assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(clock, 0, 1))
        .withMessageContaining("requestsPerSecond");
    assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(clock, Double.NaN, 1))
        .withMessageContaining("requestsPerSecond");
    assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(clock, 1, 0))
        .withMessageContaining("burst");
  }

  private static List<Boolean> takes(TokenBucket bucket, int calls) {
    List<Boolean> taken = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      taken.add(bucket.tryTake());
    }
    return taken;
  }
}
