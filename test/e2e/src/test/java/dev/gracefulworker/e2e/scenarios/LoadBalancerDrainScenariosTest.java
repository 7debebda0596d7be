package dev.gracefulworker.e2e.scenarios;

import static dev.gracefulworker.e2e.scenarios.DrainScenariosTest.assertCompletedOnce;
import static dev.gracefulworker.e2e.scenarios.SavedEvents.INSTANCE_ID;
import static dev.gracefulworker.e2e.scenarios.SavedEvents.NODE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.interpreter.ExecutionEvent;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.emulator.aws.AwsCall;
import dev.gracefulworker.emulator.aws.LoadBalancing;
import dev.gracefulworker.functions.cordon.NodeCordoner;
import dev.gracefulworker.statemachine.WorkflowStates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 through the exported definition: the node is labelled exclude-from-external-load-balancers at cordon, the
 * emulated controllers deregister it, and the lifecycle action is completed only once no target group holds it.
 */
class LoadBalancerDrainScenariosTest {

    private static final String GROUP = "workers-spot-a";
    private static final String NODES = """
            kubernetesAccess: eks
            nodes:
              - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718"}
              - {name: ip-10-0-2-45.eu-west-1.compute.internal, providerID: "aws:///eu-west-1b/i-0b2c3d4e5f6071829"}
            """;
    /** The EKS cluster the local environment serves (CLUSTER_NAME of the functions), the controllers' tag value. */
    private static final String CLUSTER = "workers";

    private static ExecutionResult run(LocalEnvironment environment) {
        return environment.execute(SavedEvents.terminating(), event -> { });
    }

    /** The web service's group (AWS Load Balancer Controller, 300 s) and the legacy one's (Service controller, 30 s). */
    private static String twoTargetGroupsHolding(LocalEnvironment environment, String instanceId) {
        LoadBalancing elb = environment.aws().loadBalancing();
        var web = elb.addTargetGroup("k8s-web-web-7f3a2c", 300, Map.of(
                "elbv2.k8s.aws/cluster", CLUSTER, "service.k8s.aws/stack", "web/web"));
        var legacy = elb.addTargetGroup("k8s-legacy-tcp-30", 30, Map.of("kubernetes.io/cluster/" + CLUSTER, "owned"));
        elb.addTargetGroup("other-cluster-web", 300, Map.of("elbv2.k8s.aws/cluster", "other"));
        elb.register(web.arn(), instanceId);
        elb.register(legacy.arn(), instanceId);
        elb.register(web.arn(), "i-0b2c3d4e5f6071829");
        return web.arn();
    }

    private static List<JsonNode> polls(ExecutionResult result) {
        return result.events().stream()
                .filter(e -> e instanceof ExecutionEvent.StateExited exited
                        && exited.stateName().equals(WorkflowStates.CHECK_PODS))
                .map(e -> ((ExecutionEvent.StateExited) e).output().path("poll"))
                .toList();
    }

    private static Instant completedAt(LocalEnvironment environment) {
        return environment.aws().autoScaling().action(INSTANCE_ID).orElseThrow().completedAt()
                .orElseThrow(() -> new AssertionError("the action was not completed"));
    }

    @Test
    void nodeInTwoTargetGroupsOf300And30Seconds_completesOnlyAfterBothHaveDrained_theWaitVisibleInEachPoll() {
        try (LocalEnvironment environment = LocalEnvironment.emulated(LocalScenario.parse(NODES))) {
            String web = twoTargetGroupsHolding(environment, INSTANCE_ID);

            ExecutionResult result = run(environment);

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            Instant labelledAt = environment.excludedFromLoadBalancersAt().get(INSTANCE_ID);
            assertThat(labelledAt).as("the node was labelled and the controllers deregistered it").isNotNull();
            long secondsAfterLabelling = Duration.between(labelledAt, completedAt(environment)).toSeconds();
            assertThat(secondsAfterLabelling).isGreaterThanOrEqualTo(300);
            assertThat(environment.kube().orElseThrow().node(NODE_NAME).orElseThrow()
                    .path("metadata").path("labels").path(NodeCordoner.EXCLUDE_FROM_LOAD_BALANCERS_LABEL).asText())
                    .isEqualTo("true");
            List<JsonNode> polls = polls(result);
            JsonNode first = polls.getFirst();
            assertThat(first.path("status").asText()).isEqualTo("WAITING");
            assertThat(first.path("holdingTargetGroups")).extracting(hold -> hold.path("state").asText() + " "
                    + hold.path("foundBy").asText()).containsExactly(
                    "draining tagged elbv2.k8s.aws/cluster=workers", "draining tagged kubernetes.io/cluster/workers");
            assertThat(first.path("blockingPods")).extracting(JsonNode::asText).containsExactly(
                    "target group k8s-web-web-7f3a2c (draining for 0 s, tagged elbv2.k8s.aws/cluster=workers)",
                    "target group k8s-legacy-tcp-30 (draining for 0 s, tagged kubernetes.io/cluster/workers)");
            JsonNode afterThirtySeconds = polls.stream()
                    .filter(poll -> poll.path("elapsedSeconds").asLong() >= 45 && poll.path("status").asText().equals("WAITING"))
                    .findFirst().orElseThrow();
            assertThat(afterThirtySeconds.path("blockingPods")).extracting(JsonNode::asText).singleElement()
                    .asString().startsWith("target group k8s-web-web-7f3a2c (draining for ");
            assertThat(afterThirtySeconds.path("holdingTargetGroups")).extracting(hold -> hold.path("targetGroupArn").asText())
                    .containsExactly(web);
            assertThat(environment.aws().calls("DescribeTargetGroups"))
                    .as("the groups are discovered once, then only their health is read").hasSize(1);
            assertThat(polls.getLast().path("status").asText()).isEqualTo("DRAINED");
            assertThat(polls.getLast().path("holdingTargetGroups")).isEmpty();
            assertThat(environment.aws().loadBalancing().targetHealth(web))
                    .as("the other node stays in service").containsOnlyKeys("i-0b2c3d4e5f6071829");
            assertCompletedOnce(environment, "CONTINUE");
            System.out.printf("figures: two target groups (300 s, 30 s): completed %d s after labelling, %d polls, "
                            + "ELB calls: %d DescribeTargetGroups, %d DescribeTags, %d DescribeTargetHealth; "
                            + "duration %d s, holding per poll %s%n", secondsAfterLabelling, polls.size(),
                    environment.aws().calls("DescribeTargetGroups").size(), environment.aws().calls("DescribeTags").size(),
                    environment.aws().calls("DescribeTargetHealth").size(),
                    result.output().path("durationSeconds").asLong(),
                    polls.stream().map(p -> p.path("elapsedSeconds").asLong() + "s:" + p.path("holdingTargetGroups").size())
                            .toList());
        }
    }

    @Test
    void groupAttachedToTheAutoScalingGroup_drainsFromTheHook_andIsWaitedForEvenWithoutTheLabel() {
        LocalScenario scenario = LocalScenario.parse(NODES + """
                settings: {excludeFromLoadBalancers: false}
                """);
        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            var workers = environment.aws().loadBalancing().addTargetGroup("workers-http", 90, Map.of());
            environment.aws().loadBalancing().register(workers.arn(), INSTANCE_ID);
            environment.aws().autoScaling().addGroup(GROUP);
            environment.aws().autoScaling().attachTargetGroup(GROUP, workers.arn());

            ExecutionResult result = run(environment);

            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(environment.excludedFromLoadBalancersAt()).as("no label").isEmpty();
            assertThat(polls(result).getFirst().path("blockingPods")).extracting(JsonNode::asText)
                    .containsExactly("target group workers-http (draining for 0 s, attached to workers-spot-a)");
            long seconds = Duration.between(environment.aws().autoScaling().action(INSTANCE_ID).orElseThrow().startedAt(),
                    completedAt(environment)).toSeconds();
            assertThat(seconds).isGreaterThanOrEqualTo(90);
            assertCompletedOnce(environment, "CONTINUE");
            System.out.printf("figures: attached group (90 s), no label: completed %d s after the hook, %d polls%n",
                    seconds, polls(result).size());
        }
    }

    @Test
    void targetGroupsDeclaredInTheScenario_areRegisteredTaggedAndAttached_andWaitedFor() {
        LocalScenario scenario = LocalScenario.parse(NODES + """
                targetGroups:
                  - {name: k8s-web-web-7f3a2c, deregistrationDelaySeconds: 60, tags: {elbv2.k8s.aws/cluster: workers}}
                  - {name: workers-http, deregistrationDelaySeconds: 90, attachedToGroup: true,
                     targets: [i-0a1b2c3d4e5f60718]}
                """);
        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            LoadBalancing elb = environment.aws().loadBalancing();
            assertThat(elb.targetGroups()).extracting(LoadBalancing.TargetGroup::name, LoadBalancing.TargetGroup::tags)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("k8s-web-web-7f3a2c",
                                    Map.of("elbv2.k8s.aws/cluster", CLUSTER)),
                            org.assertj.core.groups.Tuple.tuple("workers-http", Map.of()));
            String web = elb.targetGroups().getFirst().arn();
            String workers = elb.targetGroups().getLast().arn();
            assertThat(elb.targetHealth(web)).as("every instance of the scenario, healthy").containsExactly(
                    Map.entry(INSTANCE_ID, "healthy"), Map.entry("i-0b2c3d4e5f6071829", "healthy"));
            assertThat(elb.targetHealth(workers)).containsOnlyKeys(INSTANCE_ID);

            ExecutionResult result = run(environment);

            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(environment.aws().autoScaling().targetGroupArns(GROUP)).containsExactly(workers);
            assertThat(polls(result).getFirst().path("blockingPods")).extracting(JsonNode::asText).containsExactly(
                    "target group workers-http (draining for 0 s, attached to workers-spot-a)",
                    "target group k8s-web-web-7f3a2c (draining for 0 s, tagged elbv2.k8s.aws/cluster=workers)");
            long seconds = Duration.between(environment.aws().autoScaling().action(INSTANCE_ID).orElseThrow().startedAt(),
                    completedAt(environment)).toSeconds();
            assertThat(seconds).isGreaterThanOrEqualTo(90);
            assertThat(elb.targetHealth(web)).containsOnlyKeys("i-0b2c3d4e5f6071829");
            assertCompletedOnce(environment, "CONTINUE");
        }
    }

    @Test
    void nodeInNoTargetGroup_paysNoDelay() {
        try (LocalEnvironment environment = LocalEnvironment.emulated(LocalScenario.parse(NODES))) {
            twoTargetGroupsHolding(environment, "i-0b2c3d4e5f6071829");

            ExecutionResult result = run(environment);

            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            assertThat(result.output().path("durationSeconds").asLong()).isZero();
            assertThat(polls(result)).singleElement().satisfies(poll -> {
                assertThat(poll.path("status").asText()).isEqualTo("DRAINED");
                assertThat(poll.path("holdingTargetGroups")).isEmpty();
            });
            assertThat(environment.aws().calls("DescribeTargetHealth")).isNotEmpty();
            assertCompletedOnce(environment, "CONTINUE");
            System.out.printf("figures: no target group: duration %d s, %d poll%n",
                    result.output().path("durationSeconds").asLong(), polls(result).size());
        }
    }

    @Test
    void throttledElbCalls_areRetried_andNeverEndTheDrainEarly() {
        LocalScenario scenario = LocalScenario.parse(NODES + """
                awsFaults: [{action: DescribeTargetHealth, times: 9}, {action: DescribeTargetGroups, times: 3}]
                """);
        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            twoTargetGroupsHolding(environment, INSTANCE_ID);

            ExecutionResult result = run(environment);

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(result.output().path("outcome").asText()).isEqualTo("completed");
            long secondsAfterLabelling = Duration.between(environment.excludedFromLoadBalancersAt().get(INSTANCE_ID),
                    completedAt(environment)).toSeconds();
            assertThat(secondsAfterLabelling).isGreaterThanOrEqualTo(300);
            List<AwsCall> throttled = environment.aws().calls().stream()
                    .filter(call -> "Throttling".equals(call.errorCode())).toList();
            assertThat(throttled).hasSize(12);
            long failedChecks = result.events().stream().filter(e -> e instanceof ExecutionEvent.StateEntered entered
                    && entered.stateName().equals(WorkflowStates.COUNT_THE_FAILED_CHECK)).count();
            assertThat(failedChecks).as("a check whose ELB reads stayed throttled went round the outage loop")
                    .isPositive();
            assertCompletedOnce(environment, "CONTINUE");
            System.out.printf("figures: throttled ELB (12 throttling answers): completed %d s after labelling, "
                    + "%d failed checks, duration %d s%n", secondsAfterLabelling, failedChecks,
                    result.output().path("durationSeconds").asLong());
        }
    }

    @Test
    void dryRun_labelsNothing_andWaitsForNoLoadBalancer() {
        LocalScenario scenario = LocalScenario.parse(NODES + """
                settings: {dryRun: true}
                """);
        try (LocalEnvironment environment = LocalEnvironment.emulated(scenario)) {
            String web = twoTargetGroupsHolding(environment, INSTANCE_ID);

            ExecutionResult result = run(environment);

            assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(environment.kube().orElseThrow().node(NODE_NAME).orElseThrow().path("metadata").path("labels")
                    .has(NodeCordoner.EXCLUDE_FROM_LOAD_BALANCERS_LABEL)).isFalse();
            assertThat(environment.excludedFromLoadBalancersAt()).isEmpty();
            assertThat(environment.aws().calls("DescribeTargetHealth")).isEmpty();
            assertThat(environment.aws().loadBalancing().targetHealth(web))
                    .containsEntry(INSTANCE_ID, "healthy");
            System.out.printf("figures: dry run: duration %d s, label set: no%n",
                    result.output().path("durationSeconds").asLong());
        }
    }
}
