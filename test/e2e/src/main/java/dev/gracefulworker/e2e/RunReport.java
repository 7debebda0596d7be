package dev.gracefulworker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.emulator.aws.AwsCall;
import dev.gracefulworker.emulator.aws.LifecycleAction;
import dev.gracefulworker.emulator.kube.KubeEmulator;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The end of a local run: each execution's status and output, then what the cluster and AWS saw. */
final class RunReport {

    private final PrintStream out;
    private final LocalEnvironment environment;

    RunReport(PrintStream out, LocalEnvironment environment) {
        this.out = out;
        this.environment = environment;
    }

    void printOutcome(ExecutionResult result, long nominalSeconds) {
        out.println();
        out.printf("Execution %s %s after %d s of scenario time, %d states entered, %d Lambda invocations%n",
                result.executionName(), result.status(), nominalSeconds, result.statesEntered().size(),
                environment.lambda().invocations().size());
        switch (result.status()) {
            case SUCCEEDED -> out.println("Output:\n" + LocalRun.pretty(result.output()));
            case FAILED -> out.printf("Error: %s%nCause: %s%n", result.error(), result.cause());
        }
    }

    void printObservations(List<ExecutionResult> results) {
        out.println();
        out.println("Observed:");
        environment.kube().ifPresent(kube -> printCluster(kube, results));
        printAutoScaling();
        printTargetGroups();
        out.printf("  AWS calls       %s%n", callCounts(environment.aws().calls()));
        out.printf("  metrics         %s%n", environment.metrics().totals().entrySet().stream()
                .map(metric -> metric.getKey() + "=" + Math.round(metric.getValue()))
                .collect(Collectors.joining(", ")));
        if (!environment.lambda().deadLetters().isEmpty()) {
            environment.lambda().deadLetters().forEach(letter -> out.printf("  dead letter     %s: %s: %s%n",
                    letter.functionName(), letter.errorType(), letter.errorMessage()));
        }
    }

    private void printCluster(KubeEmulator kube, List<ExecutionResult> results) {
        results.stream()
                .map(result -> result.output() == null ? null : result.output().path("nodeName").asText(null))
                .filter(name -> name != null && !name.isBlank())
                .distinct()
                .forEach(nodeName -> kube.node(nodeName).ifPresentOrElse(
                        node -> out.printf("  node            %s: unschedulable=%s, taints=%s%n", nodeName,
                                node.at("/spec/unschedulable").asBoolean(false), taints(node)),
                        () -> out.printf("  node            %s: deleted%n", nodeName)));
        out.printf("  evictions       %s%n", kube.evictions().isEmpty() ? "none" : String.join(", ", kube.evictions()));
    }

    private void printAutoScaling() {
        List<LifecycleAction> actions = environment.aws().autoScaling().actions();
        if (actions.isEmpty()) {
            out.println("  lifecycle       no lifecycle action held");
        }
        actions.forEach(action -> out.printf("  lifecycle       %s %s: %s%s, %d heartbeat(s), %d completion(s)%n",
                action.instanceId(), action.lifecycleHookName(), action.state(),
                action.result() == null ? "" : " with " + action.result(), action.heartbeats(), action.completeCalls()));
    }

    /** Where each target group's targets stand now: a drained instance is no longer listed. */
    private void printTargetGroups() {
        var elb = environment.aws().loadBalancing();
        elb.targetGroups().forEach(group -> out.printf("  target group    %s: %s%n", group.name(),
                elb.targetHealth(group.arn()).entrySet().stream()
                        .map(target -> target.getKey() + " " + target.getValue())
                        .collect(Collectors.collectingAndThen(Collectors.joining(", "),
                                targets -> targets.isEmpty() ? "no targets" : targets))));
    }

    private static String taints(JsonNode node) {
        JsonNode taints = node.at("/spec/taints");
        if (!taints.isArray() || taints.isEmpty()) {
            return "[]";
        }
        return taints.valueStream()
                .map(taint -> taint.path("key").asText() + ":" + taint.path("effect").asText())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String callCounts(List<AwsCall> calls) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AwsCall call : calls) {
            String key = call.action() + (call.errorCode() == null ? "" : " (" + call.errorCode() + ")");
            counts.merge(key, 1, Integer::sum);
        }
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(entry -> entry.getKey() + " x" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
