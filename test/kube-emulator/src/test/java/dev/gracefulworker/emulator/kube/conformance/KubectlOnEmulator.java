package dev.gracefulworker.emulator.kube.conformance;

import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.Scenario;
import dev.gracefulworker.emulator.kube.ScenarioClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One test's emulator on a scenario clock, and kubectl pointed at it with its own home; both gone after the test. */
final class KubectlOnEmulator implements AfterEachCallback {
    final ScenarioClock clock;
    final KubeEmulator emulator;
    final Kubectl kubectl;
    private final Path home;

    KubectlOnEmulator(String scenarioYaml, ScenarioClock clock) {
        this.clock = clock;
        try {
            this.home = Files.createTempDirectory("kubectl-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.emulator = KubeEmulator.start(Scenario.parse(scenarioYaml), clock);
        this.kubectl = new Kubectl(emulator.writeKubeconfig(home.resolve("kubeconfig")), home);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        emulator.close();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
