package dev.gracefulworker.functions.pods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.contract.DrainStatus;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.emulator.kube.Fault;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "Check pods" over HTTP against the emulator: stuck pods, ordered eviction, throttling and the volume wait. */
class KarpenterStyleDrainTest {

    private static final String NODE = "ip-10-0-1-23.eu-west-1.compute.internal";
    private static final String NODES = """
            nodes:
              - {name: %1$s, providerID: aws:///eu-west-1a/i-0a1b2c3d4e5f60718%2$s}
              - {name: other, providerID: aws:///eu-west-1b/i-0fffffffffffffff0}
            """;

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;
    private CheckPodsHandler handler;
    private DrainProgress progress = CheckPodsHandlerTest.notStarted();

    private void start(String nodeExtras, String rest) {
        world = worlds.start(NODES.formatted(NODE, nodeExtras) + rest);
        handler = new CheckPodsHandler(world.wiring());
    }

    private DrainProgress poll(Settings settings) {
        progress = handler.handleRequest(new CheckPodsRequest(NODE, "i-0a1b2c3d4e5f60718", "g", "h", "t", settings,
                progress), null);
        return progress;
    }

    private void after(int seconds) {
        world.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void podEvictedOnADeadKubeletsNode_blocksUntilGracePlusSkew_thenIsReportedStuck() {
        start(", notReadyAfterSeconds: 0", """
                pods:
                  - {name: web-1, namespace: web, node: %s, owner: {kind: ReplicaSet, name: web}, terminationGracePeriodSeconds: 30}
                """.formatted(NODE));
        Settings settings = Settings.builder().terminationSkewSeconds(60).build();

        DrainProgress evicted = poll(settings);
        after(89);
        DrainProgress justBefore = poll(settings);
        after(1);
        DrainProgress released = poll(settings);

        assertThat(evicted.blockingPods()).containsExactly("web/web-1 (evicted, terminating)");
        assertThat(justBefore.status()).isEqualTo(DrainStatus.WAITING);
        assertThat(justBefore.blockingPods()).containsExactly("web/web-1 (terminating)");
        assertThat(released.status()).isEqualTo(DrainStatus.DRAINED);
        assertThat(released.stuckTerminating()).isEqualTo(1);
        assertThat(released.warnings()).containsExactly(
                "web/web-1 (stuck terminating (kubelet not responding), 60 s past its grace period)");
        assertThat(world.kube.evictions()).containsExactly("web/web-1 201");
        assertThat(world.kube.pod("web", "web-1")).as("still Terminating in the API").isPresent();
        assertThat(world.metrics.total(Metric.PodsStuckTerminating)).isEqualTo(1);
    }

    @Test
    void podTerminatingOnAReadyNode_blocksUntilGracePlusSkew_thenIsReportedAsAFinalizer() {
        start("", """
                pods:
                  - {name: web-1, namespace: web, node: %s, owner: {kind: ReplicaSet, name: web}, stuckTerminating: true}
                """.formatted(NODE));
        Settings settings = Settings.builder().terminationSkewSeconds(10).build();

        poll(settings);
        after(39);
        DrainProgress before = poll(settings);
        after(1);
        DrainProgress after = poll(settings);

        assertThat(before.status()).isEqualTo(DrainStatus.WAITING);
        assertThat(after.status()).isEqualTo(DrainStatus.DRAINED);
        assertThat(after.warnings()).containsExactly(
                "web/web-1 (terminating 10 s past its grace period on a Ready node (a finalizer?))");
    }

    @Test
    void criticalPods_areEvictedOnlyOnceEveryOtherPodIsGone_andDaemonSetPodsNever() {
        start("", """
                pods:
                  - {name: coredns-1, namespace: kube-system, node: %1$s, owner: {kind: ReplicaSet, name: coredns},
                     priorityClassName: system-cluster-critical, terminationGracePeriodSeconds: 5}
                  - {name: web-1, namespace: web, node: %1$s, owner: {kind: ReplicaSet, name: web}, terminationGracePeriodSeconds: 20}
                  - {name: report-1, namespace: batch, node: %1$s, owner: {kind: Job, name: report}, finishesAfterSeconds: 40,
                     annotations: {graceful-worker-terminator/policy: wait}}
                  - {name: ebs-csi-node-1, namespace: kube-system, node: %1$s, owner: {kind: DaemonSet, name: ebs-csi-node},
                     priorityClassName: system-node-critical}
                """.formatted(NODE));
        Settings settings = Settings.defaults();

        DrainProgress first = poll(settings);
        after(30);
        DrainProgress webGone = poll(settings);
        after(15);
        DrainProgress jobDone = poll(settings);
        after(5);
        DrainProgress last = poll(settings);

        assertThat(first.blockingPods()).containsExactly(
                "batch/report-1 (annotation graceful-worker-terminator/policy=wait)",
                "kube-system/coredns-1 (critical (system-cluster-critical): evicted once the 2 other pods are gone)",
                "web/web-1 (evicted, terminating)");
        assertThat(webGone.blockingPods()).containsExactly(
                "batch/report-1 (annotation graceful-worker-terminator/policy=wait)",
                "kube-system/coredns-1 (critical (system-cluster-critical): evicted once the 1 other pods are gone)");
        assertThat(jobDone.blockingPods()).containsExactly("kube-system/coredns-1 (evicted, terminating)");
        assertThat(last.status()).isEqualTo(DrainStatus.DRAINED);
        assertThat(world.kube.evictions()).containsExactly("web/web-1 201", "kube-system/coredns-1 201");
        assertThat(world.kube.pod("kube-system", "ebs-csi-node-1")).isPresent();
    }

    @Test
    void throttledEviction_isToldApartFromABudgetsRefusal_andStopsThePollsOtherEvictions() {
        start("", """
                pods:
                  - {name: api-1, namespace: shop, node: %1$s, labels: {app: api}, owner: {kind: ReplicaSet, name: api}}
                  - {name: api-2, namespace: shop, node: other, labels: {app: api}, owner: {kind: ReplicaSet, name: api}}
                  - {name: web-1, namespace: web, node: %1$s, owner: {kind: ReplicaSet, name: web}}
                  - {name: web-2, namespace: web, node: %1$s, owner: {kind: ReplicaSet, name: web}}
                podDisruptionBudgets:
                  - {name: api, namespace: shop, selector: {matchLabels: {app: api}}, minAvailable: 2}
                faults:
                  - {method: POST, pathRegex: "/api/v1/namespaces/web/pods/.*/eviction", status: 429, retryAfterSeconds: 2, times: 1}
                  # budgets unreadable (RBAC from before the gate): the budget's refusal comes as a 429 too
                  - {method: GET, path: /apis/policy/v1/poddisruptionbudgets, status: 403}
                """.formatted(NODE));

        DrainProgress throttled = poll(Settings.defaults());
        after(15);
        DrainProgress next = poll(Settings.defaults());

        assertThat(throttled.evictionsBlocked()).isEqualTo(1);
        assertThat(throttled.evictionsThrottled()).isEqualTo(1);
        assertThat(throttled.blockingPods()).contains("shop/api-1 (eviction blocked by a PodDisruptionBudget)")
                .anyMatch(line -> line.endsWith("(eviction throttled by the API server (429, Retry-After 2 s), next poll)"));
        assertThat(next.evictionsThrottled()).isZero();
        // the throttled request never reached the eviction handler (APF answers first); each pod was evicted once
        assertThat(world.kube.requests()).filteredOn(r -> r.path().startsWith("/api/v1/namespaces/web/") && r.status() == 429)
                .hasSize(1);
        assertThat(world.kube.evictions()).filteredOn(e -> e.startsWith("web/"))
                .containsExactlyInAnyOrder("web/web-1 201", "web/web-2 201");
        assertThat(world.metrics.total(Metric.EvictionsThrottled)).isEqualTo(1);
    }

    @Test
    void volumesStillAttached_keepTheDrainWaitingUntilDetached() {
        start("", """
                pods:
                  - {name: db-0, namespace: db, node: %1$s, owner: {kind: StatefulSet, name: db}, terminationGracePeriodSeconds: 10}
                volumeAttachments:
                  - {name: csi-db-0, node: %1$s, persistentVolumeName: pvc-db-0, detachesAfterSeconds: 40}
                  - {name: csi-elsewhere, node: other, persistentVolumeName: pvc-other}
                """.formatted(NODE));

        poll(Settings.defaults());
        after(15);
        DrainProgress podsGone = poll(Settings.defaults());
        after(15);
        DrainProgress stillAttached = poll(Settings.defaults());
        after(15);
        DrainProgress detached = poll(Settings.defaults());

        assertThat(podsGone.status()).isEqualTo(DrainStatus.WAITING);
        assertThat(podsGone.waitingForVolumes()).isEqualTo(1);
        assertThat(podsGone.blockingPods())
                .containsExactly("volume pvc-db-0 (VolumeAttachment csi-db-0) (waiting for it to detach)");
        assertThat(stillAttached.volumeWaitStartedAt()).isEqualTo(podsGone.volumeWaitStartedAt())
                .isEqualTo(Emulated.START.plusSeconds(15).toString());
        assertThat(detached.status()).isEqualTo(DrainStatus.DRAINED);
        assertThat(detached.waitingForVolumes()).isZero();
    }

    @Test
    void volumeWait_isBoundedByItsTimeout_andSkippedOnANodeThatIsNotReady() {
        start("", """
                volumeAttachments:
                  - {name: csi-db-0, node: %1$s, persistentVolumeName: pvc-db-0}
                """.formatted(NODE));
        Settings settings = Settings.builder().volumeDetachTimeoutSeconds(30).build();

        DrainProgress waiting = poll(settings);
        after(30);
        DrainProgress timedOut = poll(settings);

        assertThat(waiting.status()).isEqualTo(DrainStatus.WAITING);
        assertThat(timedOut.status()).isEqualTo(DrainStatus.DRAINED);
        assertThat(timedOut.warnings()).containsExactly("pvc-db-0 (VolumeAttachment csi-db-0) (still attached after 30 s)");

        world.kube.setNodeReady(NODE, false);
        progress = CheckPodsHandlerTest.notStarted();
        assertThat(poll(settings).warnings())
                .containsExactly("pvc-db-0 (VolumeAttachment csi-db-0) (still attached, not waited for: the node is not Ready)");
        assertThat(Settings.builder().volumeDetachTimeoutSeconds(0).build().volumeDetachTimeoutSeconds()).isZero();
    }

    @Test
    void unmanagedAndEmptyDirPods_areEvicted_withWhatIsLostReported() {
        start("", """
                pods:
                  - {name: debug, namespace: default, node: %1$s}
                  - {name: cache-1, namespace: web, node: %1$s, owner: {kind: ReplicaSet, name: cache}, emptyDir: true}
                """.formatted(NODE));

        DrainProgress evicted = poll(Settings.defaults());

        assertThat(evicted.warnings()).containsExactly(
                "default/debug (evicted: will not be recreated (no controller))",
                "web/cache-1 (evicted: emptyDir local data lost)");
    }
}
