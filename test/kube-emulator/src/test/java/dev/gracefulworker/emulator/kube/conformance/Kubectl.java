package dev.gracefulworker.emulator.kube.conformance;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Runs the real kubectl binary against an emulator through a kubeconfig, with its own HOME and discovery cache. */
final class Kubectl {
    /** What a finished kubectl printed. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    /** A kubectl still running, whose output goes to files until it ends. */
    record Running(Process process, Path stdout, Path stderr) {
        Result await(long timeoutSeconds) {
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("kubectl did not finish within " + timeoutSeconds + " s; output so far:\n"
                            + Files.readString(stdout) + Files.readString(stderr));
                }
                return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Polls a condition while kubectl runs; fails with kubectl's output if kubectl ends or 60 s pass first. */
        void awaitUntil(BooleanSupplier condition) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!condition.getAsBoolean()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    Result result = await(5);
                    fail("kubectl got no further (exit " + result.exitCode() + "):\n" + result.stdout() + result.stderr());
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private final Path binary;
    private final Path kubeconfig;
    private final Path home;

    Kubectl(Path kubeconfig, Path home) {
        this.binary = binary();
        this.kubeconfig = kubeconfig;
        this.home = home;
    }

    /** kubectl from $KUBECTL, /usr/bin/kubectl or the PATH; fails the test loudly when none is installed. */
    static Path binary() {
        List<Path> candidates = new ArrayList<>();
        String fromEnv = System.getenv("KUBECTL");
        if (fromEnv != null) {
            candidates.add(Path.of(fromEnv));
        }
        candidates.add(Path.of("/usr/bin/kubectl"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "kubectl"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseGet(() -> fail(
                "kubectl is not installed, and the emulator's conformance tests need it: install kubectl 1.32 "
                        + "(e.g. `apt-get install -y kubectl` from the Kubernetes apt repository, or set KUBECTL=/path)"));
    }

    Result run(String... args) {
        return start(args).await(60);
    }

    Running start(String... args) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", home.resolve("cache").toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(home, "kubectl", ".out");
            Path err = Files.createTempFile(home, "kubectl", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("HOME", home.toString());
            builder.environment().remove("KUBECONFIG");
            return new Running(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

}
