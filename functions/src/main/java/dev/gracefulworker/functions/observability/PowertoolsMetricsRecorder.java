package dev.gracefulworker.functions.observability;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Counts through Powertools' functional API (no AspectJ weaving): the namespace comes from
 * {@code POWERTOOLS_METRICS_NAMESPACE}; dimensioned counts are flushed at once as their own EMF record.
 */
public final class PowertoolsMetricsRecorder implements MetricsRecorder {

    private final Metrics metrics = MetricsFactory.getMetricsInstance();
    private final String namespace;
    private boolean pending;

    public PowertoolsMetricsRecorder(String namespace) {
        this.namespace = namespace;
        metrics.setNamespace(namespace);
        metrics.setRaiseOnEmptyMetrics(false);
    }

    @Override
    public synchronized void count(Metric metric, double value) {
        metrics.addMetric(metric.name(), value, MetricUnit.COUNT);
        pending = true;
    }

    @Override
    public synchronized void count(Metric metric, double value, String dimension, String dimensionValue) {
        metrics.flushSingleMetric(metric.name(), value, MetricUnit.COUNT, namespace, DimensionSet.of(dimension, dimensionValue));
    }

    @Override
    public synchronized void flush() {
        if (pending) {
            metrics.flush();
            pending = false;
        }
    }
}
