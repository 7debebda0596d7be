package dev.gracefulworker.bench;

import dev.gracefulworker.bench.BenchOptions.Section;
import dev.gracefulworker.bench.cold.ColdStartBenchmark;
import dev.gracefulworker.bench.cost.CostModel;
import dev.gracefulworker.bench.cost.Prices;
import dev.gracefulworker.bench.cost.WorkflowDefinition;
import dev.gracefulworker.bench.jar.JarContents;
import dev.gracefulworker.bench.probe.ColdStartProbe;
import dev.gracefulworker.bench.report.Report;
import dev.gracefulworker.bench.warm.PollCase;
import dev.gracefulworker.bench.warm.PollResult;
import dev.gracefulworker.bench.warm.WarmPollBenchmark;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints what a user pays for the tool: cold init per handler against the Python equivalent, warm poll latency,
 * the shaded jar, and the cost of a termination computed from the exported definition. The output is Markdown;
 * it is also written to test/bench/target/bench-report.md.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws IOException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.functionsJar())) {
            System.err.println("no shaded jar at " + options.functionsJar() + ": build it with test/bench/run (or "
                    + "./mvnw -q -B -pl test/kube-emulator,test/aws-emulator,functions install -DskipTests)");
            System.exit(1);
        }
        Path workDir = Files.createDirectories(options.workDir());
        HandlerJvm jvm = new HandlerJvm(Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of(options.functionsJar(), benchClasses()), options.memoryMb(), workDir, options.profile(),
                options.javaToolOptions());
        Report report = new Report(options);
        report.header(args);

        if (options.sections().contains(Section.COLD)) {
            report.coldStarts(new ColdStartBenchmark(jvm, workDir).run(options.coldRuns()));
        }
        if (options.sections().contains(Section.WARM)) {
            List<PollResult> polls = new WarmPollBenchmark(jvm, workDir).run(PollCase.standard(options.warmScale()));
            report.warmPolls(polls);
        }
        if (options.sections().contains(Section.JAR)) {
            report.jar(JarContents.of(options.functionsJar(), 10));
        }
        if (options.sections().contains(Section.COST)) {
            report.cost(new CostModel(WorkflowDefinition.load(options.definition()), Prices.usEast1(), options.memoryMb()));
        }
        report.targets();
        Path written = report.writeTo(options.repoRoot().resolve("test/bench/target/bench-report.md"));
        System.out.println("\n(report written to " + options.repoRoot().relativize(written) + ")");
    }

    /** Where the probe classes are: the module's classes directory or jar. */
    private static Path benchClasses() {
        try {
            return Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the bench classes", e);
        }
    }
}
