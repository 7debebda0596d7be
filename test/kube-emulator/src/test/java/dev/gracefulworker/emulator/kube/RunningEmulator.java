package dev.gracefulworker.emulator.kube;

import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test's emulator on a scenario clock at 2026-11-25T09:00:00Z, with a client, closed after each test. */
final class RunningEmulator implements AfterEachCallback {
    static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    final ScenarioClock clock = new ScenarioClock(START);
    final KubeEmulator emulator;
    final ApiCall api;

    RunningEmulator(String scenarioYaml) {
        this.emulator = KubeEmulator.start(Scenario.parse(scenarioYaml), clock);
        this.api = ApiCall.to(emulator);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        emulator.close();
    }
}
