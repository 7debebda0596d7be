package dev.gracefulworker.e2e.fleet;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedClockTest {

    @Test
    void aLoneSleeper_skipsStraightToItsWakeUp() throws Exception {
        SharedClock clock = new SharedClock();
        clock.enter();
        Instant before = clock.instant();

        clock.sleep(Duration.ofHours(2));

        assertThat(Duration.between(before, clock.instant())).isBetween(Duration.ofHours(2), Duration.ofHours(2).plusSeconds(5));
        assertThat(clock.jumps()).isEqualTo(1);
        clock.leave();
    }

    @Test
    void sleepersWakeInTheOrderOfTheirWakeUps_eachAtItsOwnTime() throws Exception {
        SharedClock clock = new SharedClock();
        Instant start = clock.instant();
        List<String> woke = new CopyOnWriteArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // all three are participants before any sleeps, or the first to sleep would be alone and jump at once
            List.of(30, 10, 20).forEach(_ -> clock.enter());
            List<Future<Object>> sleepers = List.of(30, 10, 20).stream().map(minutes -> {
                return threads.<Object>submit(() -> {
                    clock.sleep(Duration.ofMinutes(minutes));
                    woke.add(minutes + " min at +" + Duration.between(start, clock.instant()).toMinutes());
                    clock.leave();
                    return null;
                });
            }).toList();
            for (Future<Object> sleeper : sleepers) {
                sleeper.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(woke).containsExactly("10 min at +10", "20 min at +20", "30 min at +30");
    }

    @Test
    void whileOneParticipantWorks_theOthersSleepInRealTime() throws Exception {
        SharedClock clock = new SharedClock();
        clock.enter(); // the worker
        clock.enter(); // the sleeper
        CountDownLatch asleep = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> sleeper = threads.submit(() -> {
                asleep.countDown();
                clock.sleep(Duration.ofHours(1));
                clock.leave();
                return null;
            });
            asleep.await();
            Thread.sleep(300);
            assertThat(sleeper).isNotDone();
            assertThat(clock.jumps()).isZero();

            clock.leave(); // the worker is done: now everyone sleeps, so the clock skips ahead
            sleeper.get(10, TimeUnit.SECONDS);
        }
        assertThat(clock.jumps()).isEqualTo(1);
        assertThat(clock.skipped()).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void sleepingOrLeavingWithoutEntering_isAMistake() {
        SharedClock clock = new SharedClock();

        assertThatThrownBy(() -> clock.sleep(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(clock::leave).isInstanceOf(IllegalStateException.class);
    }
}
