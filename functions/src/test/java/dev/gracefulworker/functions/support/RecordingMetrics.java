package dev.gracefulworker.functions.support;

import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.observability.MetricsRecorder;
import java.util.ArrayList;
import java.util.List;

/** Keeps every count so a test can read what the functions reported. */
public final class RecordingMetrics implements MetricsRecorder {

    /** One count as the functions reported it. */
    public record Count(Metric metric, double value, String dimension, String dimensionValue) {}

    private final List<Count> counts = new ArrayList<>();
    private int flushes;

    @Override
    public synchronized void count(Metric metric, double value) {
        counts.add(new Count(metric, value, null, null));
    }

    @Override
    public synchronized void count(Metric metric, double value, String dimension, String dimensionValue) {
        counts.add(new Count(metric, value, dimension, dimensionValue));
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    public synchronized double total(Metric metric) {
        return counts.stream().filter(c -> c.metric() == metric).mapToDouble(Count::value).sum();
    }

    public synchronized List<Count> counts() {
        return List.copyOf(counts);
    }

    public synchronized int flushes() {
        return flushes;
    }
}
