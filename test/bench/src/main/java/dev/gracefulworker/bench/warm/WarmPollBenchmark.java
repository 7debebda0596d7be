package dev.gracefulworker.bench.warm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.bench.HandlerJvm;
import dev.gracefulworker.bench.cluster.EmulatedCluster;
import dev.gracefulworker.bench.cluster.HandlerInputs;
import dev.gracefulworker.bench.cluster.Target;
import dev.gracefulworker.bench.probe.WarmPollProbe;
import dev.gracefulworker.bench.probe.WarmPollSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Warm latency of the poll task: each case in its own handler JVM (so its peak RSS is its own) against one emulated
 * cluster holding every case's node besides 5,000 pods on other nodes. The pods stay: the settings wait for them,
 * as in the steady state of a drain whose evictable pods are gone.
 */
public final class WarmPollBenchmark {

    private static final String CHECK_PODS_HANDLER = "dev.gracefulworker.functions.pods.CheckPodsHandler";
    /** Ten minutes into the wait: far from the one-hour deadline, so every call answers WAITING. */
    private static final Duration WAITING_SINCE = Duration.ofMinutes(10);

    private final HandlerJvm jvm;
    private final Path workDir;
    private final ObjectMapper mapper = new ObjectMapper();

    public WarmPollBenchmark(HandlerJvm jvm, Path workDir) {
        this.jvm = jvm;
        this.workDir = workDir;
    }

    public List<PollResult> run(List<PollCase> cases) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            targets.add(Target.numbered(1000 + i, cases.get(i).pods()));
        }
        List<PollResult> results = new ArrayList<>();
        try (EmulatedCluster cluster = EmulatedCluster.start(targets, workDir)) {
            for (int i = 0; i < cases.size(); i++) {
                results.add(measure(cluster, cases.get(i), targets.get(i)));
            }
        }
        return results;
    }

    private PollResult measure(EmulatedCluster cluster, PollCase pollCase, Target target) {
        String name = "warm-%d-pods%s".formatted(pollCase.pods(), pollCase.heartbeatDue() ? "-heartbeat" : "");
        Path input = workDir.resolve(name + "-input.json");
        Path output = workDir.resolve(name + "-output.json");
        try {
            mapper.writeValue(input.toFile(), HandlerInputs.checkPods(target, WAITING_SINCE));
            jvm.run(WarmPollProbe.class.getName(), List.of(CHECK_PODS_HANDLER, input.toString(),
                    pollCase.heartbeatDue() ? "due" : "not-due", String.valueOf(pollCase.warmUp()),
                    String.valueOf(pollCase.measured()), output.toString()), cluster.handlerEnvironment(), name);
            return PollResult.of(pollCase, mapper.readValue(output.toFile(), WarmPollSample.class),
                    cluster.podListServerNanos(target.nodeName()));
        } catch (IOException e) {
            throw new UncheckedIOException("warm poll " + name + ": " + e.getMessage(), e);
        }
    }
}
