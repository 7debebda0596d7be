package dev.gracefulworker.e2e.fleet;

import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.ScenarioTime;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.emulator.kube.KubeEmulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A wave of terminations, as an instance refresh makes one: for each batch, its replacement nodes join, then every
 * old node of the batch gets its lifecycle action and its own execution of the exported definition, all at once,
 * with the real handlers, against one Kubernetes emulator and one AWS endpoint, on one {@link SharedClock}. The next
 * batch starts when every action of this one is complete, as Auto Scaling waits for them.
 */
public final class FleetRun {

    /** One execution of the fleet: which node, when it ran on the shared clock, and how it ended. */
    public record Drain(FleetCluster.Member member, Instant startedAt, Instant endedAt, ExecutionResult result) {
    }

    /** Everything the run leaves to look at: the executions, and the environment with its records (still open). */
    public record Outcome(FleetSpec spec, FleetCluster fleet, List<Drain> drains, Set<String> initialPods,
                          Duration realTime, SharedClock clock, LocalEnvironment environment) {
    }

    private FleetRun() {
    }

    /**
     * Runs the fleet and hands the outcome to {@code inspect} before the environment closes.
     *
     * @param progress told one line per batch as it starts and ends
     */
    public static void run(FleetSpec spec, Consumer<String> progress, Consumer<Outcome> inspect) {
        FleetCluster fleet = FleetCluster.of(spec);
        SharedClock clock = new SharedClock();
        long realStart = System.nanoTime();
        try (SharedClockWaits waits = new SharedClockWaits(clock);
             LocalEnvironment environment = LocalEnvironment.emulatedOnSharedClock(fleet.scenario(),
                     new ScenarioTime.Shared(clock, waits.endpoint()));
             ExecutorService executions = Executors.newVirtualThreadPerTaskExecutor()) {
            FleetLimits.apply(spec, environment);
            KubeEmulator kube = environment.kube().orElseThrow();
            Set<String> initialPods = kube.pods().stream()
                    .map(pod -> pod.at("/metadata/namespace").asText() + "/" + pod.at("/metadata/name").asText())
                    .collect(Collectors.toUnmodifiableSet());
            List<Drain> drains = new ArrayList<>();
            Instant start = clock.instant();
            clock.enter();
            try {
                for (int batch = 0; batch < spec.batches(); batch++) {
                    int current = batch;
                    List<FleetCluster.Member> members = fleet.members().stream()
                            .filter(member -> member.batch() == current).toList();
                    members.forEach(member -> kube.setNodeReady(member.replacementNodeName(), true));
                    progress.accept(String.format("batch %d/%d: %d replacement node(s) joined, %d termination(s) start at +%s",
                            batch + 1, spec.batches(), members.size(), members.size(), since(start, clock)));
                    List<Future<Drain>> started = new ArrayList<>();
                    for (FleetCluster.Member member : members) {
                        clock.enter();
                        started.add(executions.submit(() -> drain(environment, clock, member)));
                    }
                    // the driver waits for the batch without holding the clock back
                    clock.leave();
                    try {
                        for (Future<Drain> drain : started) {
                            drains.add(drain.get());
                        }
                    } finally {
                        clock.enter();
                    }
                    long failed = drains.stream().filter(d -> d.member().batch() == current
                            && d.result().status() != ExecutionStatus.SUCCEEDED).count();
                    progress.accept(String.format("batch %d/%d: done at +%s%s", batch + 1, spec.batches(),
                            since(start, clock), failed == 0 ? "" : ", " + failed + " execution(s) FAILED"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the fleet run was interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("an execution of the fleet could not run: " + e.getCause(), e.getCause());
            } finally {
                clock.leave();
            }
            inspect.accept(new Outcome(spec, fleet, List.copyOf(drains), initialPods,
                    Duration.ofNanos(System.nanoTime() - realStart), clock, environment));
        }
    }

    private static Drain drain(LocalEnvironment environment, SharedClock clock, FleetCluster.Member member) {
        try {
            Instant started = clock.instant();
            ExecutionResult result = environment.execute(member.message(), _ -> { });
            return new Drain(member, started, clock.instant(), result);
        } finally {
            clock.leave();
        }
    }

    private static String since(Instant start, SharedClock clock) {
        return FleetReport.duration(Duration.between(start, clock.instant()));
    }
}
