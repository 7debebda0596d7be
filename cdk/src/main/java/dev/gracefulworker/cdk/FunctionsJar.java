package dev.gracefulworker.cdk;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the functions jar is. The path is resolved once, from a known anchor, because {@code cdk synth} runs the app
 * from the repository root and surefire from the module folder: the system property {@value #PROPERTY} (set by the
 * build), else {@value #RELATIVE_PATH} under the repository root (the nearest folder up that holds cdk.json).
 */
public final class FunctionsJar {

    public static final String PROPERTY = "gwt.functionsJar";
    public static final String RELATIVE_PATH = "functions/target/graceful-worker-terminator-functions.jar";
    public static final String BUILD_COMMAND = "./mvnw -q -B -DskipTests -pl functions -am install";

    private FunctionsJar() {
    }

    /** The jar's path, which must exist. */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        Path jar = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : repositoryRoot(Path.of("").toAbsolutePath()).resolve(RELATIVE_PATH);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The functions jar is missing at " + jar.toAbsolutePath().normalize()
                    + ": build it from the repository root with " + BUILD_COMMAND);
        }
        return jar.toAbsolutePath().normalize();
    }

    private static Path repositoryRoot(Path start) {
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("cdk.json"))) {
                return folder;
            }
        }
        throw new IllegalStateException("No cdk.json in " + start + " or above: run from the repository, or set -D"
                + PROPERTY + "=<path of graceful-worker-terminator-functions.jar>");
    }
}
