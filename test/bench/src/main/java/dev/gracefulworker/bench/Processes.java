package dev.gracefulworker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs benchmark child processes: with only the environment they are given, failing loudly when they do not succeed. */
public final class Processes {

    private static final long TIMEOUT_MINUTES = 15;
    private static final int LOG_LINES_SHOWN = 30;

    private Processes() {}

    /** Clears what the child would inherit and gives it {@code environment}, a plain PATH and a UTF-8 locale. */
    public static ProcessBuilder isolated(ProcessBuilder builder, Map<String, String> environment) {
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().putAll(environment);
        return builder;
    }

    /** Starts the process, waits for it, and returns the wall-clock microsecond just before it was started. */
    static long runToEnd(ProcessBuilder builder, Path log, String what) {
        try {
            Instant launched = Instant.now();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + TIMEOUT_MINUTES + " min; log: " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + "; end of " + log + ":\n" + tail(log));
            }
            return launched.getEpochSecond() * 1_000_000 + launched.getNano() / 1_000;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command().getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
    }
}
