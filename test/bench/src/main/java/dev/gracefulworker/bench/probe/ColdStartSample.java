package dev.gracefulworker.bench.probe;

/**
 * One cold start as the probe JVM saw it (times in microseconds since the epoch).
 *
 * @param mainAt          the probe's main began: the JVM is up
 * @param constructedAt   the handler's no-arg constructor returned (clients built)
 * @param firstEventAt    the first invocation returned
 * @param classesAtMain   classes loaded when main began
 * @param classesConstructed classes loaded once the handler was constructed
 * @param classesFirstEvent classes loaded after the first invocation
 * @param peakRssKb       VmHWM after the first invocation
 * @param output          the first invocation's output, to show it did the real work
 */
public record ColdStartSample(long mainAt, long constructedAt, long firstEventAt, long classesAtMain,
                              long classesConstructed, long classesFirstEvent, long peakRssKb, String output) {}
