package dev.gracefulworker.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine the figures come from. */
final class Machine {

    private Machine() {}

    static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
    }

    static long memoryGb() {
        return procLine("/proc/meminfo", "MemTotal")
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1_000_000)
                .orElse(0L);
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
