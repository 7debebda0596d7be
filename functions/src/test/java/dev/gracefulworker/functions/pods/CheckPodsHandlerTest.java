package dev.gracefulworker.functions.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.contract.DrainMode;
import dev.gracefulworker.contract.DrainStatus;
import dev.gracefulworker.contract.FailurePolicy;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.contract.PodSelector;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.emulator.aws.LifecycleAction;
import dev.gracefulworker.emulator.kube.Fault;
import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CheckPodsHandlerTest {

    private static final String NODE = "ip-10-0-1-23.eu-west-1.compute.internal";
    private static final String INSTANCE = "i-0a1b2c3d4e5f60718";
    private static final String TOKEN = "3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18";
    private static final String GROUP = "workers-spot-a";
    private static final String HOOK = "graceful-termination";

    private static final String EVERY_KIND_OF_POD = """
            nodes:
              - name: %1$s
                providerID: aws:///eu-west-1a/%2$s
              - name: ip-10-0-9-9.eu-west-1.compute.internal
                providerID: aws:///eu-west-1b/i-0fffffffffffffff0
            pods:
              - {name: report-1, namespace: batch, node: %1$s, labels: {app: report-runner}, owner: {kind: Job, name: r}, finishesAfterPolls: 2}
              - {name: web-1, namespace: default, node: %1$s, labels: {app: web}, owner: {kind: ReplicaSet, name: web}}
              - {name: aws-node-x, namespace: kube-system, node: %1$s, owner: {kind: DaemonSet, name: aws-node}}
              - {name: kube-proxy-x, namespace: kube-system, node: %1$s, mirror: true}
              - {name: done-1, namespace: batch, node: %1$s, labels: {app: report-runner}, phase: Succeeded}
              - {name: cache-1, namespace: default, node: %1$s, annotations: {graceful-worker-terminator/policy: wait}, finishesAfterPolls: 1}
              - {name: noisy-1, namespace: default, node: %1$s, annotations: {graceful-worker-terminator/policy: ignore}}
              - {name: elsewhere, namespace: default, node: ip-10-0-9-9.eu-west-1.compute.internal, labels: {app: web}}
            """.formatted(NODE, INSTANCE);

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;

    @Test
    void firstPoll_classifiesEveryPodAndEvictsTheEvictableOnes() {
        world = worlds.start(EVERY_KIND_OF_POD);
        CheckPodsHandler handler = new CheckPodsHandler(world.wiring());

        DrainProgress progress = handler.handleRequest(request(settings(DrainMode.EVICT), notStarted()), null);

        assertThat(progress.status()).isEqualTo(DrainStatus.WAITING);
        assertThat(progress.polls()).isEqualTo(1);
        assertThat(progress.waitingFor()).isEqualTo(2);
        assertThat(progress.evicting()).isEqualTo(1);
        assertThat(progress.evictedThisPoll()).isEqualTo(1);
        assertThat(progress.ignored()).isEqualTo(4);
        assertThat(progress.waitedFor()).isEqualTo(3);
        assertThat(progress.blockingPods()).containsExactlyInAnyOrder(
                "batch/report-1 (matches waitForPods batch:app=report-runner)",
                "default/web-1 (evicted, terminating)",
                "default/cache-1 (annotation graceful-worker-terminator/policy=wait)");
        assertThat(world.kube.evictions()).containsExactly("default/web-1 201");
        assertThat(world.metrics.total(Metric.PodsEvicted)).isEqualTo(1);
    }

    @Test
    void podsOfTheNode_areListedByFieldSelectorNeverTheWholeCluster() {
        world = worlds.start(EVERY_KIND_OF_POD);

        new CheckPodsHandler(world.wiring()).handleRequest(request(settings(DrainMode.EVICT), notStarted()), null);

        assertThat(world.kube.requests())
                .filteredOn(r -> r.method().equals("GET") && r.path().endsWith("/pods"))
                .allSatisfy(r -> assertThat(r.query()).contains("fieldSelector=spec.nodeName%3D" + NODE));
        assertThat(world.kube.polls(NODE)).isEqualTo(1);
    }

    @Test
    void waitMode_evictsNothingAndWaitsOnlyForTheSelectedPods() {
        world = worlds.start(EVERY_KIND_OF_POD);

        DrainProgress progress = new CheckPodsHandler(world.wiring())
                .handleRequest(request(settings(DrainMode.WAIT), notStarted()), null);

        assertThat(progress.waitingFor()).isEqualTo(2);
        assertThat(progress.evicting()).isZero();
        assertThat(progress.ignored()).isEqualTo(5);
        assertThat(world.kube.evictions()).isEmpty();
    }

    @Test
    void pollsUntilTheLastPodIsGone_thenReportsDrained() {
        world = worlds.start(EVERY_KIND_OF_POD);
        CheckPodsHandler handler = new CheckPodsHandler(world.wiring());
        DrainProgress progress = notStarted();

        for (int poll = 0; poll < 10 && progress.status() != DrainStatus.DRAINED; poll++) {
            progress = handler.handleRequest(request(settings(DrainMode.EVICT), progress), null);
            world.advance(Duration.ofSeconds(Math.max(progress.nextWaitSeconds(), 1)));
        }

        assertThat(progress.status()).isEqualTo(DrainStatus.DRAINED);
        assertThat(progress.waitingFor()).isZero();
        assertThat(progress.evicting()).isZero();
        assertThat(progress.blockingPods()).isEmpty();
        assertThat(progress.waitedFor()).isEqualTo(3);
        assertThat(progress.nextWaitSeconds()).isZero();
        assertThat(world.kube.pod("default", "web-1")).isEmpty();
        assertThat(world.kube.pod("default", "elsewhere")).isPresent();
        assertThat(world.metrics.total(Metric.PodsWaitedFor)).isEqualTo(3);
    }

    private static final String API_UNDER_BUDGET = """
            nodes:
              - {name: %1$s, providerID: aws:///eu-west-1a/%2$s}
              - {name: other, providerID: aws:///eu-west-1b/i-0fffffffffffffff0}
            pods:
              - {name: api-1, namespace: shop, node: %1$s, labels: {app: api}, owner: {kind: ReplicaSet, name: api}}
              - {name: api-2, namespace: shop, node: other, labels: {app: api}, owner: {kind: ReplicaSet, name: api}, readyAfterSeconds: 20}
            podDisruptionBudgets:
              - {name: api, namespace: shop, selector: {matchLabels: {app: api}}, minAvailable: 1}
            """.formatted(NODE, INSTANCE);

    @Test
    void evictionABudgetForbidsNow_isHeldBackWithoutARequest_countedAsBlocked_andAskedForOnceTheBudgetAllowsIt() {
        world = worlds.start(API_UNDER_BUDGET);
        List<DrainProgress> polls = threeEvictingPolls();
        DrainProgress held = polls.get(0);
        DrainProgress stillHeld = polls.get(1);
        DrainProgress evicted = polls.get(2);

        assertThat(held.evictionsBlocked()).isEqualTo(1);
        assertThat(held.blockingPods()).containsExactly(
                "shop/api-1 (eviction held back: PodDisruptionBudget shop/api allows no disruption now)");
        assertThat(stillHeld.evictionsBlocked()).isEqualTo(1);
        assertThat(evicted.evictionsBlocked()).isZero();
        assertThat(evicted.evictedThisPoll()).isEqualTo(1);
        assertThat(world.kube.evictions()).as("no request the budget would have refused").containsExactly("shop/api-1 201");
        assertThat(world.kube.requests()).filteredOn(r -> r.path().equals("/apis/policy/v1/poddisruptionbudgets"))
                .as("the budgets are read once per poll that evicts, in every namespace at once").hasSize(3);
        assertThat(world.metrics.total(Metric.EvictionsBlocked)).isEqualTo(2);
    }

    @Test
    void budgetsUnreadable_forbidden_everyEvictionIsAskedFor_andTheBudgetsRefusalsCounted() {
        world = worlds.start(API_UNDER_BUDGET);
        world.kube.inject(Fault.failingAlways("GET", "/apis/policy/v1/poddisruptionbudgets", 403));
        List<DrainProgress> polls = threeEvictingPolls();
        DrainProgress blocked = polls.get(0);
        DrainProgress evicted = polls.get(2);

        assertThat(blocked.blockingPods()).containsExactly("shop/api-1 (eviction blocked by a PodDisruptionBudget)");
        assertThat(evicted.evictedThisPoll()).isEqualTo(1);
        assertThat(world.kube.evictions()).containsExactly("shop/api-1 429", "shop/api-1 429", "shop/api-1 201");
        assertThat(world.metrics.total(Metric.EvictionsBlocked)).isEqualTo(2);
    }

    /** Three polls in EVICT mode, each after the wait the one before asked for. */
    private List<DrainProgress> threeEvictingPolls() {
        CheckPodsHandler handler = new CheckPodsHandler(world.wiring());
        List<DrainProgress> polls = new ArrayList<>();
        DrainProgress last = notStarted();
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                world.advance(Duration.ofSeconds(last.nextWaitSeconds()));
            }
            last = handler.handleRequest(request(settings(DrainMode.EVICT), last), null);
            polls.add(last);
        }
        return polls;
    }

    @Test
    void budgetAllowingOne_letsOneReadyPodGoPerPoll_whileNotReadyPodsAreAlwaysAskedFor() {
        world = worlds.start("""
                nodes:
                  - {name: %1$s, providerID: aws:///eu-west-1a/%2$s}
                  - {name: other, providerID: aws:///eu-west-1b/i-0fffffffffffffff0}
                pods:
                  - {name: web-1, namespace: shop, node: %1$s, labels: {app: web}, owner: {kind: ReplicaSet, name: web}}
                  - {name: web-2, namespace: shop, node: %1$s, labels: {app: web}, owner: {kind: ReplicaSet, name: web}}
                  - {name: web-3, namespace: shop, node: %1$s, labels: {app: web}, owner: {kind: ReplicaSet, name: web}, readyAfterSeconds: 3600}
                  - {name: web-4, namespace: shop, node: other, labels: {app: web}, owner: {kind: ReplicaSet, name: web}}
                  - {name: web-5, namespace: shop, node: other, labels: {app: web}, owner: {kind: ReplicaSet, name: web}}
                  - {name: db-1, namespace: shop, node: %1$s, labels: {app: db}, owner: {kind: StatefulSet, name: db}}
                podDisruptionBudgets:
                  - {name: web, namespace: shop, selector: {matchExpressions: [{key: app, operator: In, values: [web]}]}, maxUnavailable: 2}
                """.formatted(NODE, INSTANCE));

        DrainProgress progress = new CheckPodsHandler(world.wiring())
                .handleRequest(request(settings(DrainMode.EVICT), notStarted()), null);

        // 5 pods, 4 Ready, maxUnavailable 2: 1 more may go; web-3 is not Ready and db-1 has no budget
        assertThat(world.kube.evictions()).containsExactlyInAnyOrder("shop/web-1 201", "shop/web-3 201", "shop/db-1 201");
        assertThat(progress.evictedThisPoll()).isEqualTo(3);
        assertThat(progress.evictionsBlocked()).isEqualTo(1);
        assertThat(progress.blockingPods()).contains(
                "shop/web-2 (eviction held back: PodDisruptionBudget shop/web allows no disruption now)");
    }

    @Test
    void dryRun_evictsNothingAndDoesNotWaitForPodsItWouldEvict() {
        world = worlds.start("""
                nodes:
                  - {name: %1$s, providerID: aws:///eu-west-1a/%2$s}
                pods:
                  - {name: web-1, namespace: default, node: %1$s, owner: {kind: ReplicaSet, name: web}}
                """.formatted(NODE, INSTANCE));

        DrainProgress progress = new CheckPodsHandler(world.wiring())
                .handleRequest(request(dryRun(settings(DrainMode.EVICT)), notStarted()), null);

        assertThat(progress.status()).isEqualTo(DrainStatus.DRAINED);
        assertThat(progress.evicting()).isEqualTo(1);
        assertThat(world.kube.evictions()).isEmpty();
    }

    @Test
    void nodeDisappearingMidDrain_endsTheWaitAsDrained() {
        world = worlds.start("""
                nodes:
                  - {name: %1$s, providerID: aws:///eu-west-1a/%2$s}
                pods:
                  - {name: report-1, namespace: batch, node: %1$s, labels: {app: report-runner}}
                """.formatted(NODE, INSTANCE));
        CheckPodsHandler handler = new CheckPodsHandler(world.wiring());
        DrainProgress first = handler.handleRequest(request(settings(DrainMode.WAIT), notStarted()), null);
        world.kube.inject(Fault.failingAlways("GET", "/api/v1/nodes/" + NODE, 404));

        DrainProgress second = handler.handleRequest(request(settings(DrainMode.WAIT), first), null);

        assertThat(first.status()).isEqualTo(DrainStatus.WAITING);
        assertThat(second.status()).isEqualTo(DrainStatus.DRAINED);
        assertThat(second.blockingPods()).isEmpty();
    }

    @Test
    void heartbeat_isRecordedWhenDueAndNotBefore() {
        world = worlds.start(stuckPodScenario());
        LifecycleAction action = world.aws.autoScaling().startLifecycleAction(GROUP, HOOK, INSTANCE, TOKEN, 300, "CONTINUE");
        CheckPodsHandler handler = new CheckPodsHandler(world.wiring());

        DrainProgress early = handler.handleRequest(request(settings(DrainMode.WAIT), notStarted()), null);
        world.advance(Duration.ofSeconds(140));
        DrainProgress due = handler.handleRequest(request(settings(DrainMode.WAIT), early), null);
        world.advance(Duration.ofSeconds(due.nextWaitSeconds()));
        DrainProgress afterHeartbeat = handler.handleRequest(request(settings(DrainMode.WAIT), due), null);

        assertThat(early.heartbeat()).isEqualTo(HeartbeatStatus.NOT_DUE);
        assertThat(due.heartbeat()).isEqualTo(HeartbeatStatus.RECORDED);
        assertThat(due.heartbeats()).isEqualTo(1);
        assertThat(due.lastHeartbeatAt()).isEqualTo(Emulated.START.plusSeconds(140).toString());
        assertThat(afterHeartbeat.heartbeat()).isEqualTo(HeartbeatStatus.NOT_DUE);
        assertThat(afterHeartbeat.heartbeats()).isEqualTo(1);
        assertThat(action.heartbeats()).isEqualTo(1);
    }

    @Test
    void heartbeatInDryRun_isNotSent() {
        world = worlds.start(stuckPodScenario());
        world.aws.autoScaling().startLifecycleAction(GROUP, HOOK, INSTANCE, TOKEN, 300, "CONTINUE");
        world.advance(Duration.ofSeconds(200));

        DrainProgress progress = new CheckPodsHandler(world.wiring())
                .handleRequest(request(dryRun(settings(DrainMode.WAIT)), notStarted()), null);

        assertThat(progress.heartbeat()).isEqualTo(HeartbeatStatus.DRY_RUN);
        assertThat(world.aws.calls("RecordLifecycleActionHeartbeat")).isEmpty();
    }

    @Test
    void heartbeatFindingNoActiveAction_endsTheWaitAsActionEnded() {
        world = worlds.start(stuckPodScenario());
        world.advance(Duration.ofSeconds(200));

        DrainProgress progress = new CheckPodsHandler(world.wiring())
                .handleRequest(request(settings(DrainMode.WAIT), notStarted()), null);

        assertThat(progress.status()).isEqualTo(DrainStatus.ACTION_ENDED);
        // the token names an action that is over: final, never retried by instance id (see TokenFirst)
        assertThat(world.aws.calls("RecordLifecycleActionHeartbeat")).singleElement()
                .satisfies(call -> assertThat(call.params()).doesNotContainKey("InstanceId"));
    }

    @Test
    void podsStillThereAtTheDeadline_reportDeadlinePassed() {
        world = worlds.start(stuckPodScenario());
        world.advance(Duration.ofSeconds(3600));

        DrainProgress progress = new CheckPodsHandler(world.wiring())
                .handleRequest(request(settings(DrainMode.WAIT), notStarted()), null);

        assertThat(progress.status()).isEqualTo(DrainStatus.DEADLINE_PASSED);
        assertThat(progress.elapsedSeconds()).isEqualTo(3600);
        assertThat(progress.waitingFor()).isEqualTo(1);
    }

    @Test
    void waitNeverGoesPastTheDeadline() {
        world = worlds.start(stuckPodScenario());
        world.advance(Duration.ofSeconds(3590));
        world.aws.autoScaling().startLifecycleAction(GROUP, HOOK, INSTANCE, TOKEN, 300, "CONTINUE");

        DrainProgress progress = new CheckPodsHandler(world.wiring())
                .handleRequest(request(settings(DrainMode.WAIT), notStarted()), null);

        assertThat(progress.status()).isEqualTo(DrainStatus.WAITING);
        assertThat(progress.nextWaitSeconds()).isEqualTo(10);
    }

    @Test
    void apiServerErrors_surfaceAsRetryable() {
        world = worlds.start(stuckPodScenario());
        world.kube.inject(Fault.failing("GET", "/api/v1/pods", 503, 1));

        assertThatThrownBy(() -> new CheckPodsHandler(world.wiring())
                .handleRequest(request(settings(DrainMode.WAIT), notStarted()), null))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("list pods on node " + NODE)
                .hasMessageContaining("503");
    }

    @Test
    void apiServerTooSlow_surfacesAsRetryable() {
        world = worlds.start(stuckPodScenario());
        world.kube.inject(Fault.delaying("GET", "/api/v1/pods", 3_000, 1));
        CheckPodsHandler handler = new CheckPodsHandler(world.wiring(Map.of("KUBERNETES_READ_TIMEOUT_SECONDS", "1")));

        assertThatThrownBy(() -> handler.handleRequest(request(settings(DrainMode.WAIT), notStarted()), null))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("list pods on node " + NODE);
    }

    private static String stuckPodScenario() {
        return """
                nodes:
                  - {name: %1$s, providerID: aws:///eu-west-1a/%2$s}
                pods:
                  - {name: report-1, namespace: batch, node: %1$s, labels: {app: report-runner}}
                """.formatted(NODE, INSTANCE);
    }

    private static CheckPodsRequest request(Settings settings, DrainProgress previous) {
        return new CheckPodsRequest(NODE, INSTANCE, GROUP, HOOK, TOKEN, settings, previous);
    }

    /** What "Start the clock" writes. */
    static DrainProgress notStarted() {
        String start = Emulated.START.toString();
        return new DrainProgress(DrainStatus.NOT_STARTED, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, start, 0, 0, start, null, null, 0, 0, 0, null,
                null, null, null);
    }

    private static Settings settings(DrainMode mode) {
        return Settings.builder().waitForPods(List.of(new PodSelector("batch", "app=report-runner"))).drainMode(mode)
                .build();
    }

    private static Settings dryRun(Settings s) {
        return s.toBuilder().dryRun(true).build();
    }
}
