package dev.gracefulworker.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The command line of {@code test/run-local}. */
record LocalRunOptions(Path input, Optional<Path> scenario, Optional<Path> kubeconfig, Duration waitPause,
                       Optional<Path> html) {

    static final String USAGE = """
            usage: test/run-local [--rebuild] [--input FILE] [--scenario FILE] [--kubeconfig FILE] [--wait-millis N] [--html FILE]
                   test/run-local [--rebuild] --fleet FILE [--markdown FILE]
              --rebuild          build the handlers, emulators and runner again first (test/run-local itself does it)
              --input FILE       the execution input: a lifecycle message (default statemachine/events/lifecycle-terminating.json),
                                 an EventBridge event (its detail is the input) or an SNS event (delivered to the starter)
              --scenario FILE    nodes, pods, PDBs, faults, settings, instances (default: the built-in scenario)
              --kubeconfig FILE  run against a real cluster; Auto Scaling and EC2 stay local (recorded, not sent)
              --wait-millis N    real pause in each Wait state (default 0; 1000 with --kubeconfig)
              --html FILE        also write the execution as a page: the graph with its path, the timeline, the output
              --fleet FILE       many terminations at once on one shared clock (an instance refresh): test/e2e/fleets/
              --markdown FILE    with --fleet: also write the figures' table to FILE""";

    private static final Duration REAL_CLUSTER_WAIT = Duration.ofSeconds(1);

    /** Parses the arguments; relative paths are taken from the working directory, the default input from the checkout. */
    static LocalRunOptions parse(String[] args, RepoLayout repo) {
        Path input = repo.savedEvent("lifecycle-terminating.json");
        Path scenario = null;
        Path kubeconfig = null;
        Duration waitPause = null;
        Path html = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--input" -> input = existingFile(option, value(args, ++i, option));
                case "--scenario" -> scenario = existingFile(option, value(args, ++i, option));
                case "--kubeconfig" -> kubeconfig = existingFile(option, value(args, ++i, option));
                case "--wait-millis" -> waitPause = Duration.ofMillis(millis(value(args, ++i, option)));
                case "--html" -> html = fileToWrite(option, value(args, ++i, option));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (waitPause == null) {
            waitPause = kubeconfig == null ? Duration.ZERO : REAL_CLUSTER_WAIT;
        }
        return new LocalRunOptions(input, Optional.ofNullable(scenario), Optional.ofNullable(kubeconfig), waitPause,
                Optional.ofNullable(html));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static Path existingFile(String option, String value) {
        Path file = Path.of(value).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + ": no such file " + value);
        }
        return file;
    }

    private static Path fileToWrite(String option, String value) {
        Path file = Path.of(value).toAbsolutePath();
        if (!Files.isDirectory(file.getParent())) {
            throw new IllegalArgumentException(option + ": no such directory " + file.getParent());
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " takes a file, not the directory " + value);
        }
        return file;
    }

    private static long millis(String value) {
        try {
            long millis = Long.parseLong(value);
            if (millis < 0) {
                throw new IllegalArgumentException("--wait-millis cannot be negative: " + value);
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--wait-millis takes a number of milliseconds, not " + value, e);
        }
    }
}
