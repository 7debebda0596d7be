package dev.gracefulworker.e2e;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the interpreter really pauses: in each Wait state (the scenario clock still advances by the Wait's nominal
 * seconds) and before each retry. Nothing is skipped, only shortened.
 */
public record Pacing(Duration waitPause, Duration retryPause) {

    /** No real pause at all: for the emulated cluster, whose time is the scenario clock. */
    public static final Pacing SHORTENED = new Pacing(Duration.ZERO, Duration.ZERO);

    public Pacing {
        Objects.requireNonNull(waitPause, "waitPause");
        Objects.requireNonNull(retryPause, "retryPause");
        if (waitPause.isNegative() || retryPause.isNegative()) {
            throw new IllegalArgumentException("pauses cannot be negative: " + waitPause + ", " + retryPause);
        }
    }
}
