package dev.gracefulworker.functions.pods;

import dev.gracefulworker.contract.DrainStatus;
import dev.gracefulworker.contract.HeartbeatSchedule;
import dev.gracefulworker.contract.PollSchedule;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.InvalidTaskInputException;
import dev.gracefulworker.functions.kubernetes.EvictionOutcome;
import dev.gracefulworker.functions.kubernetes.Nodes;
import dev.gracefulworker.functions.kubernetes.PodInfo;
import dev.gracefulworker.functions.kubernetes.Pods;
import dev.gracefulworker.functions.lifecycle.HeartbeatRecorder;
import dev.gracefulworker.functions.lifecycle.LifecycleActionRef;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.observability.MetricsRecorder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One round of the drain ("Check pods"): list the node's pods, classify them, evict the evictable ones (drain
 * mode), then decide: drained, deadline passed, or wait again (recording a heartbeat when one is due). Never
 * sleeps: waiting is the state machine's job.
 */
public final class DrainProgressChecker {

    private final Pods pods;
    private final Nodes nodes;
    private final PodClassifier classifier;
    private final HeartbeatRecorder heartbeats;
    private final MetricsRecorder metrics;
    private final Clock clock;

    public DrainProgressChecker(Pods pods, Nodes nodes, PodClassifier classifier, HeartbeatRecorder heartbeats,
            MetricsRecorder metrics, Clock clock) {
        this.pods = pods;
        this.nodes = nodes;
        this.classifier = classifier;
        this.heartbeats = heartbeats;
        this.metrics = metrics;
        this.clock = clock;
    }

    public DrainProgress check(CheckPodsRequest request) {
        CheckPodsInput input = CheckPodsInput.from(request);
        Instant now = clock.instant();

        List<PodInfo> onNode = pods.onNode(input.nodeName());
        PodCensus census = census(classifier.classify(onNode, input.settings()), input.settings().dryRun());
        // pods can outlive their node object for a while; with the node gone there is nothing left to drain
        boolean nodeGone = census.blocking > 0 && nodes.find(input.nodeName()).isEmpty();

        PollDecision decision = decide(input, census, nodeGone, now);
        DrainProgress progress = progress(input, decision, census, nodeGone, now);
        record(census, decision, progress.waitedFor());
        return progress;
    }

    /** The new {@code $.poll}: the decision flattened into one status field, counters carried over from the last. */
    private static DrainProgress progress(CheckPodsInput input, PollDecision decision, PodCensus census, boolean nodeGone,
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
        return new DrainProgress(status, previous.polls() + 1, census.waitingFor, census.evicting, census.ignored,
                census.evictedThisPoll, census.evictionsBlocked, nodeGone ? List.of() : census.blockingPods(), waitedFor,
                nextWaitSeconds, previous.waitStartedAt(), input.elapsedSecondsAt(now), heartbeats, lastHeartbeat, heartbeat,
                PollOutage.NONE);
    }

    private PodCensus census(List<PodVerdict> verdicts, boolean dryRun) {
        PodCensus census = new PodCensus();
        for (PodVerdict verdict : verdicts) {
            switch (verdict.podClass()) {
                case IGNORE -> census.ignored++;
                case WAIT -> {
                    census.waitingFor++;
                    census.blocks(verdict, verdict.reason());
                }
                case EVICT -> evict(verdict, dryRun, census);
            }
        }
        return census;
    }

    private void evict(PodVerdict verdict, boolean dryRun, PodCensus census) {
        if (dryRun) {
            // nothing is evicted in a dry run, so waiting for these pods would only wait for the deadline
            census.evicting++;
            return;
        }
        if (verdict.pod().terminating()) {
            census.evicting++;
            census.blocks(verdict, "terminating");
            return;
        }
        EvictionOutcome outcome = pods.evict(verdict.pod());
        switch (outcome) {
            case GONE -> { }
            case EVICTED -> {
                census.evicting++;
                census.evictedThisPoll++;
                census.blocks(verdict, "evicted, terminating");
            }
            case BLOCKED -> {
                census.evicting++;
                census.evictionsBlocked++;
                census.blocks(verdict, "eviction blocked by a PodDisruptionBudget");
            }
        }
    }

    private PollDecision decide(CheckPodsInput input, PodCensus census, boolean nodeGone, Instant now) {
        Settings settings = input.settings();
        long elapsedSeconds = input.elapsedSecondsAt(now);
        if (census.blocking == 0 || nodeGone) {
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
