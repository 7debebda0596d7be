package dev.gracefulworker.bench.cold;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.bench.HandlerJvm;
import dev.gracefulworker.bench.cluster.EmulatedCluster;
import dev.gracefulworker.bench.cluster.Target;
import dev.gracefulworker.bench.probe.ColdStartProbe;
import dev.gracefulworker.bench.probe.ColdStartSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold init of every handler in fresh JVMs, and of the Python equivalent, against emulators in this process.
 * Each run of each handler gets its own instance and node, so every first event does the full work (a cordon
 * really cordons, a completion really completes). Runs are interleaved so that machine noise hits all alike.
 */
public final class ColdStartBenchmark {

    /** Pods on each target node: the typical node. */
    public static final int PODS_PER_NODE = 110;

    private final HandlerJvm jvm;
    private final Path workDir;
    private final ObjectMapper mapper = new ObjectMapper();

    public ColdStartBenchmark(HandlerJvm jvm, Path workDir) {
        this.jvm = jvm;
        this.workDir = workDir;
    }

    /** The results of {@code runs} cold starts per handler and of the Python equivalent. */
    public record Results(List<ColdStartResult> handlers, PythonResult python) {}

    public Results run(int runs) {
        PythonColdStart.requireInstalled();
        List<HandlerCase> cases = HandlerCase.all();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < runs * cases.size(); i++) {
            targets.add(Target.numbered(i, PODS_PER_NODE));
        }
        Map<HandlerCase, List<ColdStartResult.Run>> samples = new LinkedHashMap<>();
        List<PythonColdStart.Sample> python = new ArrayList<>();
        try (EmulatedCluster cluster = EmulatedCluster.start(targets, workDir)) {
            for (int run = 0; run < runs; run++) {
                for (int c = 0; c < cases.size(); c++) {
                    HandlerCase handler = cases.get(c);
                    Target target = targets.get(run * cases.size() + c);
                    samples.computeIfAbsent(handler, h -> new ArrayList<>()).add(coldStart(cluster, handler, target, run));
                    if (handler.task().equals(HandlerCase.CHECK_PODS)) {
                        python.add(PythonColdStart.run(cluster.kubeconfig(), cluster.awsEndpoint(), EmulatedCluster.REGION,
                                target.nodeName()));
                    }
                }
            }
        }
        List<ColdStartResult> results = samples.entrySet().stream()
                .map(e -> ColdStartResult.of(e.getKey(), e.getValue()))
                .toList();
        return new Results(results, PythonResult.of(python));
    }

    private ColdStartResult.Run coldStart(EmulatedCluster cluster, HandlerCase handler, Target target, int run) {
        String name = "cold-" + handler.simpleClassName() + "-" + run;
        Path input = workDir.resolve(name + "-input.json");
        Path output = workDir.resolve(name + "-output.json");
        try {
            mapper.writeValue(input.toFile(), handler.input().apply(target));
            long launchedAt = jvm.run(ColdStartProbe.class.getName(),
                    List.of(handler.handlerClass(), input.toString(), output.toString()), cluster.handlerEnvironment(), name);
            return new ColdStartResult.Run(launchedAt, mapper.readValue(output.toFile(), ColdStartSample.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cold start of " + handler.handlerClass() + ": " + e.getMessage(), e);
        }
    }
}
