package dev.gracefulworker.functions.operator;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@code gwt status}'s table: one row per execution, its console link (and a failure's error) indented below. */
final class StatusReport {

    private static final String NONE = "-";

    private final String region;
    private final Instant now;

    StatusReport(String region, Instant now) {
        this.region = region;
        this.now = now;
    }

    void print(PrintWriter out, String whose, String stateMachineName, List<ExecutionSummary> executions) {
        out.printf("gwt status %s on %s (%s): %d execution%s, newest first%n", whose, stateMachineName, region,
                executions.size(), executions.size() == 1 ? "" : "s");
        int nameWidth = Math.max("NAME".length(), executions.stream().mapToInt(e -> e.name().length()).max().orElse(0));
        String row = "%-" + nameWidth + "s  %-10s  %-16s  %5s  %-16s  %s%n";
        out.printf(row, "NAME", "STATUS", "OUTCOME", "POLLS", "DURATION", "STARTED");
        for (ExecutionSummary execution : executions) {
            out.printf(row, execution.name(), execution.status(), execution.outcome().orElse(NONE),
                    execution.polls().map(String::valueOf).orElse(NONE), duration(execution),
                    execution.startDate().truncatedTo(ChronoUnit.SECONDS));
            execution.error().ifPresent(error -> out.println("  error: " + error));
            out.println("  " + ConsoleLink.of(region, execution.arn()));
        }
    }

    private String duration(ExecutionSummary execution) {
        String text = format(execution.duration(now));
        return execution.running() ? text + " so far" : text;
    }

    /** {@code 42s}, {@code 5m 02s}, {@code 1h 07m}, {@code 2d 03h}: the two units that matter. */
    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return "%dm %02ds".formatted(seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return "%dh %02dm".formatted(seconds / 3600, seconds % 3600 / 60);
        }
        return "%dd %02dh".formatted(seconds / 86_400, seconds % 86_400 / 3600);
    }
}
