package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScenarioClockTest {
    private final ScenarioClock clock = new ScenarioClock(Instant.parse("2026-11-25T09:00:00Z"));

    @Test
    void advanceAndSet_moveTheInstant() {
        clock.advance(Duration.ofSeconds(90));
        Instant advanced = clock.instant();
        clock.set(Instant.parse("2026-11-26T00:00:00Z"));

        assertThat(advanced).isEqualTo(Instant.parse("2026-11-25T09:01:30Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void negativeAdvance_isRejected() {
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zonedView_followsTheScenarioClock() {
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofMinutes(5));

        assertThat(paris.instant()).isEqualTo(Instant.parse("2026-11-25T09:05:00Z"));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }
}
