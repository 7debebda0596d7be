package dev.gracefulworker.bench.warm;

import dev.gracefulworker.bench.probe.WarmPollSample;
import dev.gracefulworker.bench.report.Percentiles;
import java.util.List;
import java.util.Map;

/**
 * Warm "Check pods" figures of one case.
 *
 * @param p50Nanos        median latency
 * @param p99Nanos        99th percentile latency
 * @param maxNanos        slowest call
 * @param allocatedBytes  median bytes allocated per call
 * @param serverP50Nanos  median time the Kubernetes emulator spent serving the pod list (part of the latency)
 * @param peakRssKb       peak RSS of the handler JVM
 * @param statuses        what the calls returned, e.g. WAITING/NOT_DUE = 2500
 */
public record PollResult(PollCase pollCase, int calls, long p50Nanos, long p99Nanos, long maxNanos, long allocatedBytes,
                         long serverP50Nanos, long peakRssKb, Map<String, Integer> statuses) {

    /** {@code podListServerNanos}: every list of the node's pods, warm-up included (only the measured ones count). */
    static PollResult of(PollCase pollCase, WarmPollSample sample, List<Long> podListServerNanos) {
        Percentiles latency = Percentiles.of(sample.latencyNanos());
        List<Long> measuredLists = podListServerNanos.subList(Math.max(0, podListServerNanos.size() - latency.count()),
                podListServerNanos.size());
        return new PollResult(pollCase, latency.count(), latency.median(), latency.percentile(99), latency.max(),
                Percentiles.of(sample.allocatedBytes()).median(), Percentiles.of(measuredLists).median(), sample.peakRssKb(),
                sample.statuses());
    }
}
