package dev.gracefulworker.functions.support;

import dev.gracefulworker.emulator.aws.AwsEmulator;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.Scenario;
import dev.gracefulworker.emulator.kube.ScenarioClock;
import dev.gracefulworker.functions.Wiring;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A cluster (kube emulator) and an AWS endpoint (AWS emulator) on one scenario clock, with the environment the
 * functions would get in Lambda pointing at them.
 */
public final class Emulated implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-11-20T09:41:07.512Z");
    public static final String REGION = "eu-west-1";
    public static final String STATE_MACHINE_ARN = "arn:aws:states:eu-west-1:111122223333:stateMachine:graceful-worker-terminator";

    public final ScenarioClock clock = new ScenarioClock(START);
    public final KubeEmulator kube;
    public final AwsEmulator aws;
    public final RecordingMetrics metrics = new RecordingMetrics();
    private final Path kubeconfig;

    private Emulated(Scenario scenario, Path dir) {
        this.kube = KubeEmulator.start(scenario, clock);
        this.aws = AwsEmulator.start(clock);
        this.kubeconfig = kube.writeKubeconfig(dir.resolve("kubeconfig"));
    }

    public static Emulated start(String scenarioYaml, Path dir) {
        return new Emulated(Scenario.parse(scenarioYaml), dir);
    }

    /** The environment a deployed function has, with a kubeconfig file for the cluster and one SDK attempt per call. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", REGION);
        env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "test-secret");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("KUBECONFIG_PATH", kubeconfig.toString());
        env.put("STATE_MACHINE_ARN", STATE_MACHINE_ARN);
        return env;
    }

    public Wiring wiring() {
        return Wiring.of(env(), clock, metrics);
    }

    public Wiring wiring(Map<String, String> overrides) {
        Map<String, String> env = env();
        overrides.forEach((key, value) -> {
            if (value == null) {
                env.remove(key);
            } else {
                env.put(key, value);
            }
        });
        return Wiring.of(env, clock, metrics);
    }

    public void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        kube.close();
        aws.close();
    }
}
