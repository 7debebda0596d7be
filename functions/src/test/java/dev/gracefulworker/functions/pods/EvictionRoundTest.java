package dev.gracefulworker.functions.pods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.functions.kubernetes.EvictionOutcome;
import dev.gracefulworker.functions.kubernetes.PodInfo;
import dev.gracefulworker.functions.kubernetes.Pods;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The eviction round against a fake API whose every call takes one second of a fake monotonic clock. */
class EvictionRoundTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final ConcurrentLinkedQueue<Duration> timeouts = new ConcurrentLinkedQueue<>();

    private final class OneSecondPerCall implements Pods {
        @Override
        public List<PodInfo> onNode(String nodeName) {
            return List.of();
        }

        @Override
        public EvictionOutcome evict(PodInfo pod, Duration timeout) {
            timeouts.add(timeout);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (pod.name().equals("throttled")) {
                // API Priority and Fairness turns a request away at once: its 429 is back before any other answer
                inFlight.decrementAndGet();
                return new EvictionOutcome.Throttled(1);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            nanos.addAndGet(Duration.ofSeconds(1).toNanos() / EvictionBudget.PARALLELISM);
            return pod.name().equals("throttled") ? new EvictionOutcome.Throttled(1) : new EvictionOutcome.Evicted();
        }

        @Override
        public boolean delete(PodInfo pod) {
            throw new AssertionError("an eviction round never deletes");
        }
    }

    private static PodInfo pod(String name) {
        return new PodInfo("web", name, "u-" + name, "Running", Map.of(), Map.of(), List.of("ReplicaSet"), null, null,
                true, false, PodInfo.DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS, true);
    }

    @Test
    void evictionsStopStartingWhenTheBudgetIsSpent_withAtMostParallelismInFlight() {
        List<PodInfo> pods = IntStream.range(0, 500).mapToObj(i -> pod("web-" + i)).toList();

        List<EvictionRound.Attempt> attempts = new EvictionRound(new OneSecondPerCall(), new EvictionBudget(nanos::get, 0))
                .evict(pods);

        long started = attempts.stream().filter(a -> a.outcome().isPresent()).count();
        // one call = 1/8 s of the fake clock: the 10 s window holds 80 calls, give or take those already in flight
        assertThat(started).isBetween(80L, 80L + EvictionBudget.PARALLELISM);
        assertThat(attempts).hasSize(500);
        assertThat(attempts.subList(0, (int) started)).allMatch(a -> a.outcome().isPresent());
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(EvictionBudget.PARALLELISM);
        assertThat(timeouts).allMatch(t -> t.compareTo(EvictionBudget.CALL_DEADLINE) <= 0 && t.toMillis() >= 1);
    }

    @Test
    void aThrottledEviction_stopsNewOnesThisPoll() {
        List<PodInfo> pods = IntStream.range(0, 50).mapToObj(i -> pod(i == 0 ? "throttled" : "web-" + i)).toList();

        List<EvictionRound.Attempt> attempts = new EvictionRound(new OneSecondPerCall(), new EvictionBudget(nanos::get, 0))
                .evict(pods);

        assertThat(attempts.getFirst().outcome()).containsInstanceOf(EvictionOutcome.Throttled.class);
        // those already running when the 429 came back finish; none starts after it
        assertThat(attempts.stream().filter(a -> a.outcome().isPresent()).count())
                .isLessThanOrEqualTo(EvictionBudget.PARALLELISM);
    }
}
