package dev.gracefulworker.functions.observability;

/** Where the functions count things; flushed once at the end of each invocation. */
public interface MetricsRecorder {

    void count(Metric metric, double value);

    /** A count with one dimension, e.g. completions by {@code outcome}. */
    void count(Metric metric, double value, String dimension, String dimensionValue);

    void flush();
}
