package dev.gracefulworker.bench.report;

import java.util.Collection;
import java.util.List;

/** Nearest-rank percentiles of a sample: p50 is a value that was measured, never an interpolation. */
public final class Percentiles {

    private final List<Long> sorted;

    private Percentiles(List<Long> sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(Collection<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take percentiles of");
        }
        return new Percentiles(values.stream().sorted().toList());
    }

    /** The smallest value that at least {@code percent} % of the sample does not exceed. */
    public long percentile(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + percent);
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(rank - 1);
    }

    public long median() {
        return percentile(50);
    }

    public long max() {
        return sorted.getLast();
    }

    public int count() {
        return sorted.size();
    }
}
