package dev.gracefulworker.e2e;

import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.observability.MetricsRecorder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps the handlers' metrics in memory, so a local run can show them instead of printing EMF records. */
public final class CountingMetrics implements MetricsRecorder {

    private final Map<String, Double> totals = new LinkedHashMap<>();

    @Override
    public synchronized void count(Metric metric, double value) {
        totals.merge(metric.name(), value, Double::sum);
    }

    @Override
    public synchronized void count(Metric metric, double value, String dimension, String dimensionValue) {
        totals.merge(metric.name() + "{" + dimension + "=" + dimensionValue + "}", value, Double::sum);
    }

    @Override
    public void flush() {
        // counts stay until read: nothing is sent anywhere
    }

    /** Each metric (with its dimension, if any) and its total so far, in first-seen order. */
    public synchronized Map<String, Double> totals() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(totals));
    }

    /** The total of one metric without dimension, 0 if never counted. */
    public synchronized double total(Metric metric) {
        return totals.getOrDefault(metric.name(), 0.0);
    }
}
