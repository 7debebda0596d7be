package dev.gracefulworker.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the files the local run needs live in a checkout: the exported definition, saved inputs, Node and the script. */
public record RepoLayout(Path root) {

    private static final String MARKER = "statemachine/WORKFLOW.md";

    /**
     * The checkout this process runs in: the {@code repo.root} system property (set by the build and by
     * {@code test/run-local}), else the nearest directory above the working directory that holds {@value #MARKER}.
     */
    public static RepoLayout locate() {
        String configured = System.getProperty("repo.root");
        if (configured != null && !configured.isBlank()) {
            return new RepoLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return new RepoLayout(dir);
            }
        }
        throw new IllegalStateException("cannot find the repository root (no " + MARKER
                + " above the working directory): set -Drepo.root=DIR");
    }

    /** The state machine definition exported from the CDK construct: what the local run executes. */
    public Path exportedDefinition() {
        return root.resolve("statemachine/graceful-worker-terminator.asl.json");
    }

    /** A saved lifecycle message or event under {@code statemachine/events/}. */
    public Path savedEvent(String fileName) {
        return root.resolve("statemachine/events").resolve(fileName);
    }

    /** The Node 22 binary installed by {@code test/install-node-tools} (npm ci) (package {@code node@22}). */
    public Path node() {
        return root.resolve("node_modules/.bin/node");
    }

    /** The script that runs one execution with aws-local-stepfunctions. */
    public Path interpreterScript() {
        return root.resolve("test/e2e/src/main/js/run-execution.mjs");
    }
}
