package dev.gracefulworker.e2e.fleet;

import dev.gracefulworker.emulator.aws.LifecycleAction;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's invariants at a size the test suite can afford: ten nodes of thirty pods, every termination a real
 * execution of the exported definition with the real handlers, all on one shared clock, against one API server and
 * one Auto Scaling account. Asserted from the emulators' records, never from the workflow's own output; times are
 * the benchmark's business (test/e2e/fleets/refresh-100.yaml), not asserted here.
 */
class FleetScenariosTest {

    @Test
    void anInstanceRefreshInBatches_completesEveryActionOnce_andNeverViolatesABudget() {
        FleetSpec spec = FleetSpec.parse("""
                {nodes: 10, podsPerNode: 30, batchSize: 5, seed: 14,
                 workload: {readyAfterSeconds: 10, recreateAfterSeconds: 2, terminationGracePeriodSeconds: 15}}
                """);

        Observed observed = run(spec);

        assertInvariants(observed.report, spec);
        assertThat(observed.report.evictionsAccepted()).isGreaterThanOrEqualTo(observed.report.workloadPods());
        // Check pods holds back what a budget already forbids (DisruptionGate): without it this fleet drew 1,322
        // PDB refusals for its 300 accepted evictions, with it 129 (the rest: nodes reading one budget at once).
        assertThat(observed.report.evictionsRefused()).as("evictions refused by a PDB")
                .isLessThan(observed.report.evictionsAccepted());
        assertThat(observed.oldNodesEmpty).as("no workload pod left on an old node").isTrue();
        assertThat(observed.unboundPods).as("every replacement bound to a node").isZero();
        // the batches ran one after the other: the second started once the first's actions were all complete
        assertThat(observed.secondBatchStartedAfterFirstCompleted).isTrue();
    }

    @Test
    void aWaveAgainstASmallControlPlane_isThrottledYetStillCompletesEveryActionOnce() {
        FleetSpec spec = FleetSpec.parse("""
                {nodes: 10, podsPerNode: 30, batchSize: 10, seed: 7,
                 workload: {readyAfterSeconds: 10, recreateAfterSeconds: 2, terminationGracePeriodSeconds: 15},
                 apiServer: {maxRequestsInFlight: 3, latencyMillis: 20},
                 autoScaling: {requestsPerSecond: 0.5, burst: 3}}
                """);

        Observed observed = run(spec);

        assertInvariants(observed.report, spec);
        assertThat(observed.report.apiThrottled()).as("API Priority and Fairness 429s").isPositive();
        assertThat(observed.report.autoScalingThrottled()).as("Auto Scaling Throttling errors").isPositive();
    }

    private static void assertInvariants(FleetReport report, FleetSpec spec) {
        assertThat(report.problems()).isEmpty();
        assertThat(report.actionsCompletedOnce()).isEqualTo(spec.nodes());
        assertThat(report.actionsExpired()).isZero();
        assertThat(report.actionsStillPending()).isZero();
        assertThat(report.budgetViolations()).isZero();
        assertThat(report.failed()).isZero();
        assertThat(report.succeeded()).isEqualTo(spec.nodes());
        assertThat(report.invariantsHold()).isTrue();
    }

    private record Observed(FleetReport report, boolean oldNodesEmpty, long unboundPods,
                            boolean secondBatchStartedAfterFirstCompleted) {
    }

    private static Observed run(FleetSpec spec) {
        AtomicReference<Observed> observed = new AtomicReference<>();
        FleetRun.run(spec, line -> { }, outcome -> {
            KubeEmulator kube = outcome.environment().kube().orElseThrow();
            var oldNodes = outcome.fleet().members().stream().map(FleetCluster.Member::nodeName).toList();
            boolean empty = kube.pods().stream()
                    .noneMatch(pod -> oldNodes.contains(pod.at("/spec/nodeName").asText()));
            long unbound = kube.pods().stream().filter(pod -> pod.at("/spec/nodeName").asText().isEmpty()).count();
            var actions = outcome.environment().aws().autoScaling().actions();
            var firstBatch = outcome.fleet().members().stream().filter(m -> m.batch() == 0)
                    .map(FleetCluster.Member::instanceId).toList();
            var lastFirstCompletion = actions.stream().filter(a -> firstBatch.contains(a.instanceId()))
                    .flatMap(a -> a.completedAt().stream()).max(java.time.Instant::compareTo);
            var firstSecondStart = actions.stream().filter(a -> !firstBatch.contains(a.instanceId()))
                    .map(LifecycleAction::startedAt).min(java.time.Instant::compareTo);
            boolean ordered = firstSecondStart.isEmpty() || lastFirstCompletion
                    .map(done -> !firstSecondStart.get().isBefore(done)).orElse(false);
            observed.set(new Observed(FleetReport.of(outcome), empty, unbound, ordered));
        });
        return observed.get();
    }
}
