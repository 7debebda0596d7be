package dev.gracefulworker.e2e.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code test/run-local --fleet FILE [--markdown FILE]}: runs a fleet (see {@link FleetSpec}) and prints its figures;
 * exits 0 when every invariant held (each action completed once, none expired, no budget violated, no execution
 * failed), 1 when one did not, 2 on a usage error.
 */
public final class FleetCommand {

    public static final String USAGE = """
            usage: test/run-local --fleet FILE [--markdown FILE]
              --fleet FILE      the fleet to replace: nodes, pods per node, batches, limits (see test/e2e/fleets/)
              --markdown FILE   also write the figures' table to FILE""";

    private FleetCommand() {
    }

    /** Runs and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path fleetFile = null;
        Path markdown = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--fleet" -> fleetFile = value == null ? null : Path.of(value);
                case "--markdown" -> markdown = value == null ? null : Path.of(value);
                default -> {
                    err.println("run-local: unknown option with --fleet: " + args[i]);
                    err.println(USAGE);
                    return 2;
                }
            }
            i++;
        }
        if (fleetFile == null || !Files.isRegularFile(fleetFile)) {
            err.println("run-local: --fleet needs an existing file, got " + fleetFile);
            err.println(USAGE);
            return 2;
        }
        FleetSpec spec;
        try {
            spec = FleetSpec.load(fleetFile);
        } catch (IllegalArgumentException e) {
            err.println("run-local: " + e.getMessage());
            return 2;
        }
        out.println("graceful-worker-terminator: a fleet of terminations, each a real execution of the exported definition");
        out.printf("  fleet       %s%s%n", fleetFile, spec.description().isBlank() ? "" : ": " + spec.description());
        out.printf("  nodes       %d x %d workload pods, batches of %d%n", spec.nodes(), spec.podsPerNode(), spec.batchSize());
        out.printf("  limits      API server %s; Auto Scaling %s%n",
                spec.maxRequestsInFlight() == 0 ? "unlimited" : spec.maxRequestsInFlight() + " requests in flight"
                        + (spec.queueLengthLimit() == 0 ? " (429 at once beyond)"
                        : ", " + spec.queueLengthLimit() + " more wait up to " + spec.queueWaitSeconds() + " s"),
                spec.autoScalingRequestsPerSecond() == 0 ? "unlimited"
                        : spec.autoScalingRequestsPerSecond() + " calls/s, burst " + spec.autoScalingBurst() + " (one bucket for all its calls)");
        out.println("  clock       one shared clock: real time while anything works, skipping ahead when all wait");
        spec.settings().ifPresent(settings -> out.printf("  settings    %s (as NotificationMetadata)%n", settings));
        out.println();
        AtomicReference<FleetReport> report = new AtomicReference<>();
        FleetRun.run(spec, line -> out.println("  " + line), outcome -> report.set(FleetReport.of(outcome)));
        String table = report.get().table();
        out.println();
        out.print(table);
        if (markdown != null) {
            try {
                Files.writeString(markdown, table);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + markdown, e);
            }
        }
        boolean held = report.get().invariantsHold();
        out.printf("%nInvariants %s.%n", held ? "held" : "BROKEN");
        return held ? 0 : 1;
    }
}
