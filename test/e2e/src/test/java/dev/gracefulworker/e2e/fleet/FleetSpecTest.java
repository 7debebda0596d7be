package dev.gracefulworker.e2e.fleet;

import dev.gracefulworker.e2e.RepoLayout;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetSpecTest {

    @Test
    void anEmptyFile_isATenNodeWaveOfThirtyPodsEach() {
        FleetSpec spec = FleetSpec.parse("");

        assertThat(spec.nodes()).isEqualTo(10);
        assertThat(spec.podsPerNode()).isEqualTo(30);
        assertThat(spec.batches()).isEqualTo(1);
        assertThat(spec.maxRequestsInFlight()).isZero();
        assertThat(spec.queueLengthLimit()).isZero();
        assertThat(spec.queueWaitSeconds()).as("kube-apiserver's default: --request-timeout / 4").isEqualTo(15);
    }

    @Test
    void theApiServersQueue_isReadAndChecked() {
        FleetSpec spec = FleetSpec.parse("apiServer: {maxRequestsInFlight: 50, queueLengthLimit: 50, queueWaitSeconds: 10}");

        assertThat(spec.queueLengthLimit()).isEqualTo(50);
        assertThat(spec.queueWaitSeconds()).isEqualTo(10);
        assertThatThrownBy(() -> FleetSpec.parse("apiServer: {queueLengthLimit: 5}"))
                .hasMessageContaining("apiServer.queueLengthLimit needs apiServer.maxRequestsInFlight");
        assertThatThrownBy(() -> FleetSpec.parse("apiServer: {maxRequestsInFlight: 5, queueWaitSeconds: 0}"))
                .hasMessageContaining("apiServer.queueWaitSeconds must be at least 1, got 0");
    }

    @Test
    void theCheckedInFleets_parse() {
        Path fleets = RepoLayout.locate().root().resolve("test/e2e/fleets");
        for (String file : new String[] {"refresh-10.yaml", "refresh-100.yaml", "wave-100.yaml"}) {
            assertThat(FleetSpec.load(fleets.resolve(file)).nodes()).as(file).isPositive();
        }
    }

    @Test
    void aBadValue_isRejectedNamingItsKey() {
        assertThatThrownBy(() -> FleetSpec.parse("replicas: {min: 10, max: 5}"))
                .hasMessageContaining("replicas.max must be at least replicas.min (10), got 5");
        assertThatThrownBy(() -> FleetSpec.parse("apiServer: {maxRequestsInFlight: many}"))
                .hasMessageContaining("apiServer.maxRequestsInFlight must be a whole number");
        assertThatThrownBy(() -> FleetSpec.parse("autoScaling: {requestsPerSecond: 5}"))
                .hasMessageContaining("autoScaling.burst must be at least 1 with a rate");
        assertThatThrownBy(() -> FleetSpec.parse("node: 3"))
                .hasMessageContaining("unknown key node");
    }

    @Test
    void theGeneratedCluster_putsExactlyPodsPerNodeOnEveryOldNode_andIsTheSameForTheSameSeed() {
        FleetSpec spec = FleetSpec.parse("{nodes: 4, podsPerNode: 7, batchSize: 3, replicas: {min: 2, max: 5}, seed: 3}");

        FleetCluster fleet = FleetCluster.of(spec);
        FleetCluster again = FleetCluster.of(spec);

        assertThat(fleet.workloadPods()).isEqualTo(28);
        assertThat(fleet.members()).extracting(FleetCluster.Member::batch).containsExactly(0, 0, 0, 1);
        assertThat(fleet.scenario().cluster().nodes()).hasSize(8);
        var replicas = fleet.scenario().cluster().replicaSets().stream()
                .mapToInt(workload -> workload.replicas()).sum()
                + fleet.scenario().cluster().statefulSets().stream().mapToInt(workload -> workload.replicas()).sum();
        assertThat(replicas).isEqualTo(28);
        assertThat(fleet.scenario().cluster().podDisruptionBudgets()).hasSize(fleet.workloads());
        assertThat(again.scenario().cluster()).isEqualTo(fleet.scenario().cluster());
        assertThat(again.members().getFirst().message()).isEqualTo(fleet.members().getFirst().message());
    }
}
