package dev.gracefulworker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Command-line options of {@link Bench}.
 *
 * @param repoRoot   the checkout (found from the working directory, or -Dbench.repoRoot)
 * @param sections   what to measure
 * @param coldRuns   cold starts per handler (the median is reported; at least 5 for the README)
 * @param warmScale  factor on the warm-up and measured call counts (1 for the README, less for a smoke run)
 * @param memoryMb   the functions' configured memory (the stack's default functionMemoryMb)
 * @param profile    handler JVMs also write a flight recording and a class-load log (to find out why a target is missed)
 * @param javaToolOptions JAVA_TOOL_OPTIONS of the handler JVMs: the stack's, unless an experiment replaces them
 */
public record BenchOptions(Path repoRoot, Set<Section> sections, int coldRuns, double warmScale, int memoryMb, boolean profile,
                           String javaToolOptions) {

    /** The parts of the benchmark. */
    public enum Section { COLD, WARM, JAR, COST }

    static final String USAGE = """
            usage: Bench [--only cold,warm,jar,cost] [--cold-runs N] [--warm-scale F] [--memory-mb M] [--quick] [--profile]
                         [--java-tool-options "OPTIONS"]
              --profile each handler JVM writes <name>.jfr and <name>.classes.log under test/bench/target/bench-run
              --java-tool-options  replaces the stack's JAVA_TOOL_OPTIONS in the handler JVMs (an experiment)
              --quick   a smoke run: 1 cold run per handler, a tenth of the warm calls (not for the README)""";

    static BenchOptions parse(String... args) {
        Set<Section> sections = EnumSet.allOf(Section.class);
        int coldRuns = 5;
        double warmScale = 1;
        int memoryMb = 1024;
        boolean profile = false;
        String javaToolOptions = HandlerJvm.JAVA_TOOL_OPTIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> {
                    sections = EnumSet.noneOf(Section.class);
                    for (String name : value(args, ++i).split(",")) {
                        sections.add(Section.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                    }
                }
                case "--cold-runs" -> coldRuns = Integer.parseInt(value(args, ++i));
                case "--warm-scale" -> warmScale = Double.parseDouble(value(args, ++i));
                case "--memory-mb" -> memoryMb = Integer.parseInt(value(args, ++i));
                case "--profile" -> profile = true;
                case "--java-tool-options" -> javaToolOptions = value(args, ++i);
                case "--quick" -> {
                    coldRuns = 1;
                    warmScale = 0.1;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (coldRuns < 1 || warmScale <= 0 || memoryMb < 128) {
            throw new IllegalArgumentException("--cold-runs >= 1, --warm-scale > 0, --memory-mb >= 128\n" + USAGE);
        }
        return new BenchOptions(findRepoRoot(), sections, coldRuns, warmScale, memoryMb, profile, javaToolOptions);
    }

    public Path functionsJar() {
        return repoRoot.resolve("functions/target/graceful-worker-terminator-functions.jar");
    }

    public Path definition() {
        return repoRoot.resolve("statemachine/graceful-worker-terminator.asl.json");
    }

    public Path workDir() {
        return repoRoot.resolve("test/bench/target/bench-run");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static Path findRepoRoot() {
        String configured = System.getProperty("bench.repoRoot");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("statemachine/graceful-worker-terminator.asl.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the checkout, or pass -Dbench.repoRoot=<checkout>");
    }
}
