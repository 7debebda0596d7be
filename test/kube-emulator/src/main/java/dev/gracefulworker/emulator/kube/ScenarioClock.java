package dev.gracefulworker.emulator.kube;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock that tests move by hand, so scenario time (readiness, finishing, grace periods) is deterministic. */
public final class ScenarioClock extends Clock {
    private volatile Instant now;

    public ScenarioClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock forward; a negative duration is a mistake in the test. */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot advance the scenario clock by a negative duration: " + d);
        }
        now = now.plus(d);
    }

    public void set(Instant t) {
        now = Objects.requireNonNull(t, "t");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that still follows this clock's instant. */
    @Override
    public Clock withZone(ZoneId zone) {
        ScenarioClock source = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return source.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }
        };
    }
}
