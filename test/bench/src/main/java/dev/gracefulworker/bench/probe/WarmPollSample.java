package dev.gracefulworker.bench.probe;

import java.util.List;
import java.util.Map;

/**
 * Warm "Check pods" calls measured in one handler JVM after warm-up.
 *
 * @param latencyNanos    wall time of each measured call
 * @param allocatedBytes  bytes the calling thread allocated in each call
 * @param statuses        how often each (status, heartbeat) pair was returned, e.g. "WAITING/RECORDED"
 * @param peakRssKb       VmHWM at the end
 */
public record WarmPollSample(List<Long> latencyNanos, List<Long> allocatedBytes, Map<String, Integer> statuses, long peakRssKb) {}
