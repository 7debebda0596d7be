package dev.gracefulworker.functions.pods;

import dev.gracefulworker.contract.DrainStatus;
import dev.gracefulworker.contract.HeartbeatSchedule;
import dev.gracefulworker.contract.PollSchedule;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.InvalidTaskInputException;
import dev.gracefulworker.functions.TaskInputs;
import dev.gracefulworker.functions.kubernetes.DisruptionBudgets;
import dev.gracefulworker.functions.kubernetes.EvictionOutcome;
import dev.gracefulworker.functions.kubernetes.Nodes;
import dev.gracefulworker.functions.kubernetes.PodInfo;
import dev.gracefulworker.functions.kubernetes.Pods;
import dev.gracefulworker.functions.kubernetes.VolumeAttachments;
import dev.gracefulworker.functions.lifecycle.HeartbeatRecorder;
import dev.gracefulworker.functions.lifecycle.LifecycleActionRef;
import dev.gracefulworker.functions.loadbalancing.TargetGroups;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.observability.MetricsRecorder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of the drain ("Check pods"): list the node's pods, classify them, let go of pods stuck Terminating, evict
 * the evictable ones (critical pods last, none a PodDisruptionBudget forbids now, within the poll's time budget),
 * wait for the node's volumes once no pod blocks, then decide: drained, deadline passed, or wait again (recording a
 * heartbeat when one is due). Never sleeps: waiting is the state machine's job.
 */
public final class DrainProgressChecker {

    private static final Logger LOG = LoggerFactory.getLogger(DrainProgressChecker.class);

    private final Pods pods;
    private final DisruptionBudgets budgets;
    private final Nodes nodes;
    private final PodClassifier classifier;
    private final VolumeDetachWait volumeWait;
    private final LoadBalancerDrainWait loadBalancerWait;
    private final HeartbeatRecorder heartbeats;
    private final MetricsRecorder metrics;
    private final Clock clock;
    private final LongSupplier nanoTime;

    /**
     * @param clock    the time of the drain (deadlines, grace periods, heartbeats)
     * @param nanoTime the real time the poll itself takes (its eviction budget against the function's timeout)
     */
    public DrainProgressChecker(Pods pods, DisruptionBudgets budgets, Nodes nodes, VolumeAttachments volumes,
            TargetGroups targetGroups, PodClassifier classifier, HeartbeatRecorder heartbeats, MetricsRecorder metrics,
            Clock clock, LongSupplier nanoTime) {
        this.pods = pods;
        this.budgets = budgets;
        this.nodes = nodes;
        this.classifier = classifier;
        this.volumeWait = new VolumeDetachWait(volumes);
        this.loadBalancerWait = new LoadBalancerDrainWait(targetGroups);
        this.heartbeats = heartbeats;
        this.metrics = metrics;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    public DrainProgress check(CheckPodsRequest request) {
        EvictionBudget budget = new EvictionBudget(nanoTime, nanoTime.getAsLong());
        CheckPodsInput input = CheckPodsInput.from(request);
        Instant now = clock.instant();
        NodeView node = new NodeView(nodes, input.nodeName());

        List<PodInfo> onNode = pods.onNode(input.nodeName());
        PodCensus census = census(classifier.classify(onNode, input.settings()), input.settings(), now, node, budget,
                input.elapsedSecondsAt(now));
        // pods can outlive their node object for a while; with the node gone there is nothing left to drain
        boolean nodeGone = census.blocking > 0 && node.gone();
        // what outlasts the pods (volumes, then load balancers) is waited for only in a real drain before the deadline
        boolean podsDone = census.blocking == 0 && !input.settings().dryRun()
                && input.elapsedSecondsAt(now) < input.settings().maxWaitSeconds();
        Optional<VolumeDetachWait.Waiting> volumes = !podsDone
                ? Optional.empty()
                : volumeWait.check(input.nodeName(), input.settings().volumeDetachTimeoutSeconds(),
                        startedAt("previous.volumeWaitStartedAt", input.previous().volumeWaitStartedAt()), now, node,
                        census);
        // the label set at cordon has the controllers deregistering meanwhile: by now most of the delay has passed
        Optional<LoadBalancerDrainWait.Waiting> loadBalancers = !podsDone || volumes.isPresent()
                ? Optional.empty()
                : loadBalancerWait.check(request.instanceId(), request.autoScalingGroupName(), input.settings(),
                        startedAt("previous.loadBalancerWaitStartedAt", input.previous().loadBalancerWaitStartedAt()),
                        input.previous().holdingTargetGroups(), now, census);

        PollDecision decision = decide(input, census, nodeGone, volumes.isPresent() || loadBalancers.isPresent(), now);
        DrainProgress progress = progress(input, decision, census, nodeGone, volumes, loadBalancers, now);
        record(census, decision, progress.waitedFor());
        return progress;
    }

    private static Instant startedAt(String field, String since) {
        return since == null ? null : TaskInputs.instant(field, since);
    }

    /** The new {@code $.poll}: the decision flattened into one status field, counters carried over from the last. */
    private static DrainProgress progress(CheckPodsInput input, PollDecision decision, PodCensus census, boolean nodeGone,
            Optional<VolumeDetachWait.Waiting> volumes, Optional<LoadBalancerDrainWait.Waiting> loadBalancers,
            Instant now) {
        DrainProgress previous = input.previous();
        int waitedFor = Math.max(previous.waitedFor(), census.waitingFor + census.evicting);
        String lastHeartbeat = previous.lastHeartbeatAt() == null ? previous.waitStartedAt() : previous.lastHeartbeatAt();
        int heartbeats = previous.heartbeats();
        HeartbeatStatus heartbeat = HeartbeatStatus.NOT_DUE;
        int nextWaitSeconds = 0;
        DrainStatus status = switch (decision) {
            case PollDecision.Drained _ -> DrainStatus.DRAINED;
            case PollDecision.DeadlinePassed _ -> DrainStatus.DEADLINE_PASSED;
            case PollDecision.ActionEnded _ -> DrainStatus.ACTION_ENDED;
            case PollDecision.KeepWaiting(int next, HeartbeatStatus sent) -> {
                nextWaitSeconds = next;
                heartbeat = sent;
                if (sent == HeartbeatStatus.RECORDED) {
                    heartbeats++;
                    lastHeartbeat = now.toString();
                }
                yield DrainStatus.WAITING;
            }
        };
        List<String> blocking = new ArrayList<>(nodeGone ? List.of() : census.blockingPods());
        volumes.ifPresent(wait -> wait.attached().stream().limit(DrainProgress.MAX_BLOCKING_PODS)
                .forEach(a -> blocking.add("volume " + a.describe() + " (waiting for it to detach)")));
        loadBalancers.ifPresent(wait -> wait.describe(now).stream().limit(DrainProgress.MAX_BLOCKING_PODS)
                .forEach(blocking::add));
        return new DrainProgress(status, previous.polls() + 1, census.waitingFor, census.evicting, census.ignored,
                census.evictedThisPoll, census.evictionsBlocked, blocking, waitedFor,
                nextWaitSeconds, previous.waitStartedAt(), input.elapsedSecondsAt(now), heartbeats, lastHeartbeat, heartbeat,
                PollOutage.NONE, census.evictionsThrottled, census.stuckTerminating,
                volumes.map(wait -> wait.attached().size()).orElse(0),
                volumes.map(wait -> wait.since().toString()).orElse(null), census.warnings(),
                loadBalancers.map(LoadBalancerDrainWait.Waiting::holding).orElse(List.of()),
                loadBalancers.map(wait -> wait.since().toString()).orElse(null));
    }

    private PodCensus census(List<PodVerdict> verdicts, Settings settings, Instant now, NodeView node,
            EvictionBudget budget, long elapsedSeconds) {
        PodCensus census = new PodCensus();
        List<PodVerdict> toEvict = new ArrayList<>();
        long nonCriticalBlocking = 0;
        for (PodVerdict verdict : verdicts) {
            if (verdict.podClass() == PodClass.IGNORE) {
                census.ignored++;
                continue;
            }
            if (verdict.pod().terminating()) {
                boolean blocks = terminating(verdict, settings, now, node, census);
                nonCriticalBlocking += blocks && !verdict.pod().critical() ? 1 : 0;
                continue;
            }
            nonCriticalBlocking += verdict.pod().critical() ? 0 : 1;
            if (ForcedDeadline.due(verdict.pod(), settings, elapsedSeconds)) {
                forceDelete(verdict, settings.dryRun(), census);
                continue;
            }
            switch (verdict.podClass()) {
                case WAIT -> {
                    census.waitingFor++;
                    census.blocks(verdict, verdict.reason());
                }
                case EVICT -> {
                    if (settings.dryRun()) {
                        // nothing is evicted in a dry run, so waiting for these pods would only wait for the deadline
                        census.evicting++;
                    } else {
                        toEvict.add(verdict);
                    }
                }
                case IGNORE -> throw new IllegalStateException("ignored pods are counted above");
            }
        }
        evict(EvictionOrder.of(toEvict, nonCriticalBlocking), census, budget);
        return census;
    }

    /** The forced deadline: delete now, PDBs bypassed, so the pod's grace period ends before maxWaitSeconds. */
    private void forceDelete(PodVerdict verdict, boolean dryRun, PodCensus census) {
        PodInfo pod = verdict.pod();
        if (dryRun) {
            census.evicting++;
            census.blocks(verdict, "would be force-deleted: the deadline is near (dry run)");
            return;
        }
        if (!pods.delete(pod)) {
            return;
        }
        census.forceDeleted++;
        census.evicting++;
        census.blocks(verdict, "force-deleted: the deadline is near, grace " + pod.terminationGracePeriodSeconds() + " s");
        census.warns(pod.reference(), "force-deleted before the deadline, PodDisruptionBudgets bypassed "
                + "(forceDeleteBeforeDeadline)");
        LOG.warn("force-deleted {} (was {}) so that its {} s grace period ends before maxWaitSeconds", pod.reference(),
                verdict.reason(), pod.terminationGracePeriodSeconds());
    }

    /** A pod already Terminating is never evicted again: it blocks until gone, or until it is stuck (false). */
    private static boolean terminating(PodVerdict verdict, Settings settings, Instant now, NodeView node,
            PodCensus census) {
        Optional<String> released = TerminationCheck.release(verdict.pod(), now, settings.terminationSkewSeconds(), node);
        if (released.isPresent()) {
            census.stuckTerminating++;
            census.warns(verdict.pod().reference(), released.get());
            return false;
        }
        if (verdict.podClass() == PodClass.WAIT) {
            census.waitingFor++;
        } else {
            census.evicting++;
        }
        census.blocks(verdict, "terminating");
        return true;
    }

    private void evict(EvictionOrder order, PodCensus census, EvictionBudget budget) {
        for (PodVerdict held : order.held()) {
            census.evicting++;
            census.blocks(held, order.heldReason(held));
        }
        DisruptionGate.Split gate = disruptionGate(order.now()).split(order.now());
        gate.held().forEach((verdict, reason) -> {
            census.evicting++;
            census.evictionsBlocked++;
            census.blocks(verdict, reason);
        });
        List<EvictionRound.Attempt> attempts = new EvictionRound(pods, budget)
                .evict(gate.ask().stream().map(PodVerdict::pod).toList());
        for (int i = 0; i < attempts.size(); i++) {
            PodVerdict verdict = gate.ask().get(i);
            Optional<EvictionOutcome> outcome = attempts.get(i).outcome();
            if (outcome.isEmpty()) {
                census.evicting++;
                census.blocks(verdict, census.evictionsThrottled > 0
                        ? "eviction not started: the API server is throttling, next poll"
                        : "eviction not started: this poll's time budget is spent, next poll");
                continue;
            }
            switch (outcome.get()) {
                case EvictionOutcome.Gone _ -> { }
                case EvictionOutcome.Evicted _ -> {
                    census.evicting++;
                    census.evictedThisPoll++;
                    census.blocks(verdict, "evicted, terminating");
                    lossWarning(verdict.pod()).ifPresent(loss -> census.warns(verdict.pod().reference(), loss));
                }
                case EvictionOutcome.Blocked _ -> {
                    census.evicting++;
                    census.evictionsBlocked++;
                    census.blocks(verdict, "eviction blocked by a PodDisruptionBudget");
                }
                case EvictionOutcome.Throttled(int retryAfterSeconds) -> {
                    census.evicting++;
                    census.evictionsThrottled++;
                    census.blocks(verdict, "eviction throttled by the API server (429, Retry-After " + retryAfterSeconds
                            + " s), next poll");
                }
                case EvictionOutcome.Unanswered _ -> {
                    census.evicting++;
                    census.blocks(verdict, "eviction sent, no answer within this poll's budget");
                }
            }
        }
        if (census.evictionsThrottled > 0 || attempts.stream().anyMatch(a -> a.outcome().isEmpty())) {
            LOG.info("evictions left for the next poll after {} ms: throttled {}, not started {}",
                    budget.spent().toMillis(), census.evictionsThrottled,
                    attempts.stream().filter(a -> a.outcome().isEmpty()).count());
        }
    }

    /** The budgets are read only when the gate could hold a pod back: a Ready pod is about to be evicted. */
    private DisruptionGate disruptionGate(List<PodVerdict> toEvict) {
        boolean anyReady = toEvict.stream().anyMatch(verdict -> verdict.pod().ready());
        return new DisruptionGate(anyReady ? budgets.all() : Optional.empty());
    }

    /** What kubectl drain warns about when it deletes such a pod: nothing will bring it or its data back. */
    private static Optional<String> lossWarning(PodInfo pod) {
        if (!pod.controlled()) {
            return Optional.of(pod.emptyDir() ? "evicted: will not be recreated, emptyDir local data lost"
                    : "evicted: will not be recreated (no controller)");
        }
        return pod.emptyDir() ? Optional.of("evicted: emptyDir local data lost") : Optional.empty();
    }

    private PollDecision decide(CheckPodsInput input, PodCensus census, boolean nodeGone, boolean nodeStillWaitedFor,
            Instant now) {
        Settings settings = input.settings();
        long elapsedSeconds = input.elapsedSecondsAt(now);
        if ((census.blocking == 0 && !nodeStillWaitedFor) || nodeGone) {
            return new PollDecision.Drained();
        }
        if (elapsedSeconds >= settings.maxWaitSeconds()) {
            return new PollDecision.DeadlinePassed();
        }
        int nextWaitSeconds = PollSchedule.nextWaitSeconds(elapsedSeconds, settings);
        if (!HeartbeatSchedule.isDue(input.secondsSinceHeartbeatAt(now), nextWaitSeconds, settings.heartbeatTimeoutSeconds())) {
            return new PollDecision.KeepWaiting(nextWaitSeconds, HeartbeatStatus.NOT_DUE);
        }
        if (settings.dryRun()) {
            return new PollDecision.KeepWaiting(nextWaitSeconds, HeartbeatStatus.DRY_RUN);
        }
        LifecycleActionRef action = switch (input.heartbeatTarget()) {
            case CheckPodsInput.HeartbeatTarget.Action(LifecycleActionRef ref) -> ref;
            case CheckPodsInput.HeartbeatTarget.MissingId(String field) -> throw new InvalidTaskInputException(field, "is missing");
        };
        return heartbeats.record(action)
                ? new PollDecision.KeepWaiting(nextWaitSeconds, HeartbeatStatus.RECORDED)
                : new PollDecision.ActionEnded();
    }

    private void record(PodCensus census, PollDecision decision, int waitedFor) {
        if (census.evictedThisPoll > 0) {
            metrics.count(Metric.PodsEvicted, census.evictedThisPoll);
        }
        if (census.evictionsBlocked > 0) {
            metrics.count(Metric.EvictionsBlocked, census.evictionsBlocked);
        }
        if (census.evictionsThrottled > 0) {
            metrics.count(Metric.EvictionsThrottled, census.evictionsThrottled);
        }
        if (census.stuckTerminating > 0) {
            metrics.count(Metric.PodsStuckTerminating, census.stuckTerminating);
        }
        if (census.forceDeleted > 0) {
            metrics.count(Metric.PodsForceDeleted, census.forceDeleted);
        }
        switch (decision) {
            case PollDecision.KeepWaiting(int _, HeartbeatStatus heartbeat) -> {
                if (heartbeat == HeartbeatStatus.RECORDED) {
                    metrics.count(Metric.HeartbeatsRecorded, 1);
                }
            }
            // one data point per drain, when it ends
            case PollDecision.Drained _, PollDecision.DeadlinePassed _, PollDecision.ActionEnded _ ->
                    metrics.count(Metric.PodsWaitedFor, waitedFor);
        }
    }
}
