package dev.gracefulworker.bench.report;

import dev.gracefulworker.bench.BenchOptions;
import dev.gracefulworker.bench.HandlerJvm;
import dev.gracefulworker.bench.cluster.ClusterScenario;
import dev.gracefulworker.bench.cold.ColdStartBenchmark;
import dev.gracefulworker.bench.cold.ColdStartResult;
import dev.gracefulworker.bench.cold.HandlerCase;
import dev.gracefulworker.bench.cold.PythonResult;
import dev.gracefulworker.bench.cost.CostModel;
import dev.gracefulworker.bench.cost.StatePath;
import dev.gracefulworker.bench.cost.TerminationPath;
import dev.gracefulworker.bench.cost.WaitSimulation;
import dev.gracefulworker.bench.jar.JarContents;
import dev.gracefulworker.bench.warm.PollResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark's Markdown output: each section is printed as soon as it is measured, and the targets of issue 5
 * are checked at the end against what was measured.
 */
public final class Report {

    private static final long JAR_TARGET_BYTES = 20_000_000;
    private static final double COLD_RATIO_TARGET = 1.5;
    private static final long P50_TARGET_NANOS = 50_000_000;
    private static final long P99_TARGET_NANOS = 150_000_000;
    /** Billed durations assumed when the cost is computed without the cold or warm section. */
    private static final long ASSUMED_POLL_MILLIS = 100;
    private static final long ASSUMED_ONE_OFF_MILLIS = 1_000;

    private final BenchOptions options;
    private final StringBuilder text = new StringBuilder();
    private final List<TargetCheck> checks = new ArrayList<>();
    private Long pollMillis;
    private Long oneOffMillis;

    public Report(BenchOptions options) {
        this.options = options;
    }

    /** {@code args}: the command-line options, so the printed command reproduces the run. */
    public void header(String... args) {
        print("# graceful-worker-terminator: benchmark\n\n"
                + "- date: " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")) + "\n"
                + "- machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + Machine.cpuModel() + "), "
                + Machine.memoryGb() + " GB RAM, shared with other work\n"
                + "- JDK: " + System.getProperty("java.vm.name") + " " + Runtime.version() + "; handler JVMs: JAVA_TOOL_OPTIONS=\""
                + options.javaToolOptions() + "\"" + (options.javaToolOptions().equals(HandlerJvm.JAVA_TOOL_OPTIONS) ? " (the stack's)" : " (EXPERIMENT: not the stack's)")
                + ", -XX:MaxRAM=" + options.memoryMb() + "m (the function's memory)\n"
                + "- command: `" + String.join(" ", Stream.concat(Stream.of("test/bench/run"), Arrays.stream(args)).toList()) + "`\n");
    }

    public void coldStarts(ColdStartBenchmark.Results results) {
        PythonResult python = results.python();
        MarkdownTable table = new MarkdownTable("task", "handler", "JVM start -> constructed", "constructed -> first event",
                "total", "vs Python", "classes loaded (constructed / first event)", "peak RSS");
        // every handler is compared with the one Python program: it does what "Check pods" does
        for (ColdStartResult r : results.handlers()) {
            table.row(r.handler().task(), r.handler().simpleClassName(), Figures.millisFromMicros(r.constructed()),
                    Figures.millisFromMicros(r.firstEvent()), Figures.millisFromMicros(r.total()),
                    Figures.ratio((double) r.total() / python.total()),
                    r.classesConstructed() + " / " + r.classesFirstEvent(), Figures.megabytes(r.peakRssKb() * 1024));
        }
        table.row("Python equivalent", "import kubernetes, boto3; 2 clients; list pods", Figures.millisFromMicros(python.constructed()),
                Figures.millisFromMicros(python.firstEvent()), Figures.millisFromMicros(python.total()), "1.00x", "-", "-");
        print("## Cold init (median of " + python.runs() + " runs per handler; fresh JVM; " + ColdStartBenchmark.PODS_PER_NODE
                + " pods on the node)\n\n" + table + "\nJVM boot alone (launch -> main): "
                + results.handlers().stream().map(r -> Figures.millisFromMicros(r.jvmStart())).collect(Collectors.joining(", "))
                + ". First outputs: " + results.handlers().stream().map(r -> r.handler().simpleClassName() + " "
                        + abbreviated(r.lastOutput())).collect(Collectors.joining("; ")) + "\n");
        ColdStartResult checkPods = results.handlers().stream()
                .filter(r -> r.handler().task().equals(HandlerCase.CHECK_PODS)).findFirst().orElseThrow();
        double ratio = (double) checkPods.total() / python.total();
        checks.add(new TargetCheck("cold init <= 1.5x Python (Check pods)", Figures.millisFromMicros(checkPods.total()) + " vs "
                + Figures.millisFromMicros(python.total()) + " = " + Figures.ratio(ratio), ratio <= COLD_RATIO_TARGET));
        oneOffMillis = results.handlers().stream()
                .filter(r -> !r.handler().task().equals(HandlerCase.CHECK_PODS) && !r.handler().task().startsWith("starter"))
                .mapToLong(r -> Math.ceilDiv(r.firstEvent(), 1_000)).max().orElse(ASSUMED_ONE_OFF_MILLIS);
    }

    public void warmPolls(List<PollResult> polls) {
        MarkdownTable table = new MarkdownTable("pods on the node", "calls", "p50", "p99", "max", "of which emulator (p50)", "allocated per call",
                "peak RSS (handler JVM)", "returned (warm-up included)");
        for (PollResult p : polls) {
            table.row(p.pollCase().label(), p.calls(), Figures.millisFromNanos(p.p50Nanos()), Figures.millisFromNanos(p.p99Nanos()),
                    Figures.millisFromNanos(p.maxNanos()), Figures.millisFromNanos(p.serverP50Nanos()), Figures.megabytes(p.allocatedBytes()),
                    Figures.megabytes(p.peakRssKb() * 1024), statuses(p.statuses()));
        }
        print("## Warm poll (Check pods; " + ClusterScenario.OTHER_NODES * ClusterScenario.PODS_PER_OTHER_NODE
                + " pods on " + ClusterScenario.OTHER_NODES + " other nodes; after warm-up)\n\n" + table);
        for (PollResult p : polls) {
            if (p.pollCase().pods() == 110) {
                checks.add(new TargetCheck("warm poll p50 <= 50 ms at 110 pods (" + p.pollCase().label() + ")",
                        Figures.millisFromNanos(p.p50Nanos()), p.p50Nanos() <= P50_TARGET_NANOS));
                checks.add(new TargetCheck("warm poll p99 <= 150 ms at 110 pods (" + p.pollCase().label() + ")",
                        Figures.millisFromNanos(p.p99Nanos()), p.p99Nanos() <= P99_TARGET_NANOS));
                if (p.pollCase().heartbeatDue()) {
                    pollMillis = Math.ceilDiv(p.p50Nanos(), 1_000_000);
                }
            }
        }
    }

    public void jar(JarContents jar) {
        MarkdownTable table = new MarkdownTable("package group", "compressed size");
        jar.largest().forEach(e -> table.row("`" + e.getKey() + "`", Figures.megabytes(e.getValue())));
        print("## Shaded jar\n\n`" + options.repoRoot().relativize(jar.jar()) + "`: " + Figures.megabytes(jar.bytes())
                + " (" + jar.bytes() + " bytes), " + jar.classes() + " classes. Largest parts:\n\n" + table);
        checks.add(new TargetCheck("shaded jar <= 20 MB", Figures.megabytes(jar.bytes()), jar.bytes() <= JAR_TARGET_BYTES));
    }

    public void cost(CostModel model) {
        TerminationPath path = model.path();
        StatePath loop = path.pollIteration();
        long poll = pollMillis != null ? pollMillis : ASSUMED_POLL_MILLIS;
        long oneOff = oneOffMillis != null ? oneOffMillis : ASSUMED_ONE_OFF_MILLIS;
        String durations = "billed duration per invocation: Check pods " + poll + " ms ("
                + (pollMillis != null ? "warm p50, 110 pods + heartbeat" : "assumed") + "), other tasks " + oneOff + " ms ("
                + (oneOffMillis != null ? "slowest cold first event" : "assumed") + ")";
        MarkdownTable perIteration = new MarkdownTable("per poll iteration", "value");
        perIteration.row("states", loop.states().stream().map(s -> s.name() + " (" + s.type() + ")").collect(Collectors.joining(" -> ")))
                .row("state transitions", loop.transitions())
                .row("Lambda invocations", loop.lambdaInvocations())
                .row("history events", loop.historyEvents())
                .row("fixed (no wait): transitions / invocations / events", path.transitions(0) + " / " + path.lambdaInvocations(0)
                        + " / " + path.historyEvents(0) + " (with per-group overrides: " + model.pathWithOverrides().transitions(0)
                        + " / " + model.pathWithOverrides().lambdaInvocations(0) + " / " + model.pathWithOverrides().historyEvents(0) + ")");
        MarkdownTable terminations = new MarkdownTable("pods gone after", "poll iterations", "node released after",
                "state transitions", "Lambda invocations", "history events", "Step Functions", "Lambda", "total");
        for (CostModel.Termination t : model.standardTerminations(poll, oneOff)) {
            terminations.row(t.label(), t.schedule().iterations(), Figures.duration(t.schedule().endedAtSeconds())
                            + (t.schedule().detectionDelaySeconds() > 0 ? " (+" + t.schedule().detectionDelaySeconds() + " s)" : ""),
                    t.cost().transitions(), t.cost().invocations(), t.events(), Figures.dollars(t.cost().stepFunctions()),
                    Figures.dollars(t.cost().lambda()), Figures.dollars(t.cost().total()));
        }
        WaitSimulation.Outcome longest = model.longestWaitWithinHistory();
        int events48h = model.eventsOfLongestHookWait();
        print("## Cost of a termination (from `statemachine/graceful-worker-terminator.asl.json`)\n\n" + perIteration
                + "\nPrices: " + model.prices().source() + ": $0.025 per 1,000 state transitions, $0.20 per 1M Lambda requests, "
                + "$0.0000166667 per GB-s; functions at " + model.memoryMb() + " MB; " + durations
                + ". Default settings (poll 15 s growing to 120 s, PollSchedule: clamp(elapsed / 10, 15, 120)).\n\n"
                + terminations
                + "\nLongest wait within " + String.format("%,d", CostModel.MAX_HISTORY_EVENTS) + " history events (default poll "
                + "intervals, with per-group overrides): " + Figures.duration(longest.endedAtSeconds()) + " (" + longest.iterations()
                + " poll iterations). A 48 h wait writes " + String.format("%,d", events48h) + " events.\n");
        checks.add(new TargetCheck("<= 3 state transitions and 1 Lambda invocation per poll iteration",
                loop.transitions() + " transitions, " + loop.lambdaInvocations() + " invocation",
                loop.transitions() <= 3 && loop.lambdaInvocations() <= 1));
        checks.add(new TargetCheck("48 h wait under 25,000 history events with the default settings",
                String.format("%,d events", events48h), events48h <= CostModel.MAX_HISTORY_EVENTS));
    }

    public void targets() {
        MarkdownTable table = new MarkdownTable("target (issue 5)", "measured", "met");
        checks.forEach(c -> table.row(c.target(), c.measured(), c.met() ? "yes" : "**no**"));
        print("## Targets\n\n" + table);
    }

    public Path writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void print(String section) {
        System.out.println(section);
        System.out.flush();
        text.append(section).append('\n');
    }

    private static String statuses(Map<String, Integer> statuses) {
        return statuses.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String abbreviated(String json) {
        return json.length() <= 90 ? "`" + json + "`" : "`" + json.substring(0, 87) + "...`";
    }
}
