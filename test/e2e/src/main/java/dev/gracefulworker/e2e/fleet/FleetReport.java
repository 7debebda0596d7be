package dev.gracefulworker.e2e.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.e2e.TaskFunctions;
import dev.gracefulworker.e2e.interpreter.ExecutionEvent;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.lambda.Invocation;
import dev.gracefulworker.emulator.aws.AwsCall;
import dev.gracefulworker.emulator.aws.LifecycleAction;
import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.TimedRequest;
import dev.gracefulworker.statemachine.WorkflowStates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The figures of a fleet run, read from the records of Auto Scaling, the Kubernetes emulator, the local Lambda
 * endpoint and the executions' events — never from the workflow's own view of itself.
 */
public record FleetReport(int nodes, int workloads, int workloadPods, int batches,
                          int actionsCompletedOnce, int actionsExpired, int actionsStillPending, Map<String, Long> results,
                          int succeeded, int failed, int budgetViolations, int evictionsAccepted, int evictionsRefused,
                          int replacementsEvictedAgain, Duration firstHookToLastCompletion, Duration drainP50,
                          Duration drainP99, Duration drainMax, int apiRequests, int checkPodsInvocations,
                          int peakApiRequestsPerSecond, int apiThrottled, int apiQueued, int heartbeats, int completions,
                          int autoScalingThrottled, Map<String, Long> invocations, long stateTransitions,
                          BigDecimal stepFunctionsCost, BigDecimal lambdaCost, Duration realTime, long clockJumps,
                          List<String> problems, List<String> undrained, Map<String, Long> failures) {

    /** Step Functions Standard, per state transition; Lambda per request and per GB-second (x86), us-east-1, 2026. */
    static final BigDecimal PER_STATE_TRANSITION = new BigDecimal("0.000025");
    static final BigDecimal PER_LAMBDA_REQUEST = new BigDecimal("0.0000002");
    static final BigDecimal PER_LAMBDA_GB_SECOND = new BigDecimal("0.0000166667");
    /** The stack's default function memory (cdk DeploymentConfig.DEFAULT_FUNCTION_MEMORY_MB). */
    static final int FUNCTION_MEMORY_MB = 1024;

    /** Reads every figure from the outcome's records. */
    public static FleetReport of(FleetRun.Outcome outcome) {
        var environment = outcome.environment();
        KubeEmulator kube = environment.kube().orElseThrow();
        List<String> instanceIds = outcome.fleet().members().stream().map(FleetCluster.Member::instanceId).toList();
        List<LifecycleAction> actions = environment.aws().autoScaling().actions().stream()
                .filter(action -> instanceIds.contains(action.instanceId())).toList();
        List<AwsCall> completeCalls = environment.aws().calls("CompleteLifecycleAction");
        List<String> problems = new ArrayList<>();
        List<String> undrained = new ArrayList<>();
        Map<String, Long> failures = outcome.drains().stream().filter(d -> d.result().status() != ExecutionStatus.SUCCEEDED)
                .collect(Collectors.groupingBy(d -> d.result().error() + " in " + failedState(d) + ": "
                        + abbreviated(d.result().cause()), TreeMap::new, Collectors.counting()));
        for (FleetRun.Drain drain : outcome.drains()) {
            lastPoll(drain).filter(poll -> !poll.path("status").asText().equals("DRAINED")).ifPresent(poll ->
                    undrained.add(drain.member().nodeName() + ": " + poll.path("status").asText() + " after "
                            + poll.path("elapsedSeconds").asLong() + " s, blocked by " + poll.path("blockingPods")
                            + " " + poll.path("warnings")));
        }
        int completedOnce = 0;
        for (LifecycleAction action : actions) {
            long accepted = completeCalls.stream().filter(call -> call.status() == 200
                    && action.token().equals(call.params().get("LifecycleActionToken"))).count();
            if (action.state() == LifecycleAction.State.COMPLETED && accepted == 1) {
                completedOnce++;
            } else {
                problems.add(action.instanceId() + ": " + action.state() + " after " + accepted
                        + " accepted CompleteLifecycleAction call(s)");
            }
        }
        List<Duration> drains = actions.stream().flatMap(action -> action.completedAt().stream()
                .map(done -> Duration.between(action.startedAt(), done))).sorted().toList();
        Optional<Instant> firstHook = actions.stream().map(LifecycleAction::startedAt).min(Instant::compareTo);
        Optional<Instant> lastCompletion = actions.stream().flatMap(action -> action.completedAt().stream())
                .max(Instant::compareTo);

        List<String> evictions = kube.evictions();
        int accepted = (int) evictions.stream().filter(e -> e.endsWith(" 201")).count();
        int refused = (int) evictions.stream().filter(e -> e.endsWith(" 429")).count();
        int again = (int) evictions.stream().filter(e -> e.endsWith(" 201"))
                .map(e -> e.substring(0, e.lastIndexOf(' '))).filter(pod -> !outcome.initialPods().contains(pod)).count();

        List<TimedRequest> requests = kube.timedRequests();
        List<Invocation> invocations = environment.lambda().invocations();
        long transitions = outcome.drains().stream().mapToLong(drain -> drain.result().events().stream()
                .filter(event -> event instanceof ExecutionEvent.StateEntered || event instanceof ExecutionEvent.StateRetried)
                .count()).sum();
        BigDecimal gbSeconds = invocations.stream()
                .map(invocation -> BigDecimal.valueOf(Math.max(1, invocation.took().toMillis())))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .multiply(BigDecimal.valueOf(FUNCTION_MEMORY_MB)).divide(BigDecimal.valueOf(1024L * 1000), 6, RoundingMode.HALF_UP);
        List<AwsCall> heartbeats = environment.aws().calls("RecordLifecycleActionHeartbeat");
        return new FleetReport(outcome.spec().nodes(), outcome.fleet().workloads(), outcome.fleet().workloadPods(),
                outcome.spec().batches(), completedOnce,
                (int) actions.stream().filter(a -> a.state() == LifecycleAction.State.EXPIRED).count(),
                (int) actions.stream().filter(a -> a.state() == LifecycleAction.State.PENDING).count()
                        + (instanceIds.size() - actions.size()),
                actions.stream().filter(a -> a.result() != null)
                        .collect(Collectors.groupingBy(LifecycleAction::result, TreeMap::new, Collectors.counting())),
                (int) outcome.drains().stream().filter(d -> d.result().status() == ExecutionStatus.SUCCEEDED).count(),
                (int) outcome.drains().stream().filter(d -> d.result().status() != ExecutionStatus.SUCCEEDED).count(),
                kube.budgetViolations(), accepted, refused, again,
                firstHook.flatMap(first -> lastCompletion.map(last -> Duration.between(first, last))).orElse(Duration.ZERO),
                percentile(drains, 50), percentile(drains, 99), drains.isEmpty() ? Duration.ZERO : drains.getLast(),
                requests.size(),
                (int) invocations.stream().filter(i -> i.functionName().equals(TaskFunctions.CHECK_PODS)).count(),
                peakPerSecond(requests),
                kube.rejectedForConcurrency(), kube.queuedForConcurrency(),
                (int) heartbeats.stream().filter(call -> call.status() == 200).count(),
                (int) completeCalls.stream().filter(call -> call.status() == 200).count(),
                (int) environment.aws().calls().stream().filter(call -> "Throttling".equals(call.errorCode())).count(),
                invocations.stream().collect(Collectors.groupingBy(Invocation::functionName, TreeMap::new, Collectors.counting())),
                transitions,
                PER_STATE_TRANSITION.multiply(BigDecimal.valueOf(transitions)),
                PER_LAMBDA_REQUEST.multiply(BigDecimal.valueOf(invocations.size())).add(PER_LAMBDA_GB_SECOND.multiply(gbSeconds)),
                outcome.realTime(), outcome.clock().jumps(), List.copyOf(problems), List.copyOf(undrained), failures);
    }

    /** Every action completed exactly once, none expired or left pending, no budget violated, no execution failed. */
    public boolean invariantsHold() {
        return actionsCompletedOnce == nodes && actionsExpired == 0 && actionsStillPending == 0 && budgetViolations == 0
                && failed == 0 && problems.isEmpty();
    }

    /** The figures as a Markdown table, as the README records them. */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("fleet", "%d nodes replaced in %d batch(es); %d workload pods in %d workloads (ReplicaSets and StatefulSets of 5-50 replicas), each with a PDB (maxUnavailable 1 or minAvailable 80%%)",
                nodes, batches, workloadPods, workloads));
        rows.add(row("lifecycle actions completed exactly once", "%d / %d (%s); expired %d; still pending %d",
                actionsCompletedOnce, nodes, results, actionsExpired, actionsStillPending));
        rows.add(row("executions", "%d SUCCEEDED, %d FAILED", succeeded, failed));
        rows.add(row("PodDisruptionBudget violations", "%d (checked at every eviction)", budgetViolations));
        rows.add(row("evictions", "%d accepted, %d refused by a PDB (429); %.2f per workload pod; %d of a replacement evicted again (churn)",
                evictionsAccepted, evictionsRefused, workloadPods == 0 ? 0.0 : evictionsAccepted / (double) workloadPods,
                replacementsEvictedAgain));
        rows.add(row("first hook to last completion", "%s", duration(firstHookToLastCompletion)));
        rows.add(row("per-node drain (hook to completion)", "p50 %s, p99 %s, max %s", duration(drainP50),
                duration(drainP99), duration(drainMax)));
        rows.add(row("Kubernetes API requests", "%d in all; %.1f per Check pods poll (all tasks' requests included); peak %d in one second of the shared clock; %d answered 429 by API Priority and Fairness, %d waited in its queue",
                apiRequests, checkPodsInvocations == 0 ? 0.0 : apiRequests / (double) checkPodsInvocations,
                peakApiRequestsPerSecond, apiThrottled, apiQueued));
        rows.add(row("Auto Scaling calls", "%d heartbeats, %d completions; %d throttled", heartbeats, completions,
                autoScalingThrottled));
        rows.add(row("Lambda invocations", "%d (%s)", invocations.values().stream().mapToLong(Long::longValue).sum(),
                invocations.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        rows.add(row("state transitions", "%d (%.0f per node)", stateTransitions, stateTransitions / (double) nodes));
        rows.add(row("cost at list prices", "$%s (Step Functions $%s, Lambda $%s at %d MB, billed by the durations measured here)",
                money(stepFunctionsCost.add(lambdaCost)), money(stepFunctionsCost), money(lambdaCost), FUNCTION_MEMORY_MB));
        rows.add(row("real time of this run", "%s (the shared clock skipped ahead %d times)", duration(realTime), clockJumps));
        failures.forEach((failure, count) -> rows.add(row("failed executions", "%d x %s", count, failure)));
        rows.add(row("nodes not drained when completed", "%d%s", undrained.size(),
                undrained.isEmpty() ? "" : ": " + String.join("; ", undrained.subList(0, Math.min(5, undrained.size())))));
        problems.forEach(problem -> rows.add(row("problem", "%s", problem)));
        StringBuilder table = new StringBuilder("| figure | value |\n| --- | --- |\n");
        rows.forEach(row -> table.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n"));
        return table.toString();
    }

    /** {@code 4 min 05 s}, {@code 12 s}, {@code 1 h 02 min}. */
    public static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    private static String[] row(String figure, String format, Object... values) {
        return new String[] {figure, String.format(format, values)};
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The first state that failed (the failure path's own states fail after it). */
    private static String failedState(FleetRun.Drain drain) {
        return drain.result().events().stream()
                .flatMap(event -> event instanceof ExecutionEvent.StateFailed failed ? Stream.of(failed) : Stream.empty())
                .findFirst().map(failed -> "\"" + failed.stateName() + "\"").orElse("?");
    }

    private static String abbreviated(String cause) {
        String text = String.valueOf(cause).replaceAll("\\s+", " ");
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }

    /** What the execution's last "Check pods" reported. */
    private static Optional<JsonNode> lastPoll(FleetRun.Drain drain) {
        JsonNode last = null;
        for (ExecutionEvent event : drain.result().events()) {
            if (event instanceof ExecutionEvent.StateExited exited && exited.stateName().equals(WorkflowStates.CHECK_PODS)) {
                last = exited.output().path("poll");
            }
        }
        return Optional.ofNullable(last);
    }

    /** The most requests the API server answered within one second of the shared clock. */
    private static int peakPerSecond(List<TimedRequest> requests) {
        Map<Long, Long> perSecond = requests.stream()
                .collect(Collectors.groupingBy(request -> request.at().getEpochSecond(), Collectors.counting()));
        return perSecond.values().stream().map(Long::intValue).max(Integer::compare).orElse(0);
    }
}
