package dev.gracefulworker.functions.operator;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code gwt} as a user would: its own JVM (the test's classpath), a chosen environment, output and exit code. */
final class GwtProcess {

    /** What one run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }
    }

    private GwtProcess() {}

    /** An operator's environment against the AWS emulator: credentials, its endpoint, one attempt per call; no region. */
    static Map<String, String> operatorEnv(java.net.URI awsEndpoint) {
        return Map.of(
                "AWS_ENDPOINT_URL", awsEndpoint.toString(),
                "AWS_ACCESS_KEY_ID", "AKIDOPERATOR",
                "AWS_SECRET_ACCESS_KEY", "operator-secret",
                "AWS_MAX_ATTEMPTS", "1");
    }

    /** Runs {@code gwt <subcommand> <args…>} with exactly {@code env}. */
    static Result run(Map<String, String> env, String subcommand, List<String> args) {
        var command = new ArrayList<>(List.of(subcommand));
        command.addAll(args);
        return run(env, command.toArray(String[]::new));
    }

    /** Runs with exactly {@code env} (plus PATH), so the machine's AWS setup cannot leak in. */
    static Result run(Map<String, String> env, String... args) {
        var command = new ArrayList<>(List.of(
                Path.java(), "-cp", System.getProperty("java.class.path"), Gwt.class.getName()));
        command.addAll(Arrays.asList(args));
        var builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            CompletableFuture<String> stdout = read(process.getInputStream());
            CompletableFuture<String> stderr = read(process.getErrorStream());
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("gwt did not finish within 90 s: " + command);
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static final class Path {
        static String java() {
            return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
