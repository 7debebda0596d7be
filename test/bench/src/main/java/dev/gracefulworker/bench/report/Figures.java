package dev.gracefulworker.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How figures are written in the report. */
public final class Figures {

    private Figures() {}

    public static String millis(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.0f ms", millis);
    }

    public static String millisFromMicros(long micros) {
        return millis(micros / 1_000.0);
    }

    public static String millisFromNanos(long nanos) {
        return millis(nanos / 1_000_000.0);
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    public static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    public static String dollars(BigDecimal amount) {
        return "$" + amount.setScale(amount.compareTo(BigDecimal.ONE) >= 0 ? 2 : 4, RoundingMode.HALF_UP).toPlainString();
    }

    public static String duration(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60.0);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
}
