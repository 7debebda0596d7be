package dev.gracefulworker.bench.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** What the probe JVM reports about itself: peak resident memory and classes loaded. */
final class ProcessFigures {

    private ProcessFigures() {}

    /** VmHWM of /proc/self/status: the peak resident set size, what Lambda's "Max Memory Used" reports. */
    static long peakRssKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("/proc/self/status has no VmHWM line"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status", e);
        }
    }

    static long classesLoaded() {
        return ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    }

    /** Wall-clock now in microseconds since the epoch, comparable across processes on one machine. */
    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
