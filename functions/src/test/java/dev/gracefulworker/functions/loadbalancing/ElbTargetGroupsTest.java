package dev.gracefulworker.functions.loadbalancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.emulator.aws.LoadBalancing;
import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The target groups that hold an instance, read through the real SDK clients from the AWS emulator. */
class ElbTargetGroupsTest {

    private static final String INSTANCE = "i-0a1b2c3d4e5f60718";
    private static final String OTHER = "i-0b2c3d4e5f6071829";
    private static final String GROUP = "workers-spot-a";

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;
    private LoadBalancing elb;
    private ElbTargetGroups targetGroups;

    @BeforeEach
    void world() {
        world = worlds.start("nodes: []");
        elb = world.aws.loadBalancing();
        world.aws.autoScaling().addGroup(GROUP);
        Wiring wiring = world.wiring();
        targetGroups = new ElbTargetGroups(wiring.elasticLoadBalancing(), wiring.autoScaling(), Optional.of("demo"));
    }

    @Test
    void groupsAttachedTaggedForTheClusterOrNamed_areLookedAt_othersNot() {
        var attached = elb.addTargetGroup("workers-http", 30, Map.of());
        world.aws.autoScaling().attachTargetGroup(GROUP, attached.arn());
        var controller = elb.addTargetGroup("k8s-web-web-7f3a2c", 300, Map.of("elbv2.k8s.aws/cluster", "demo"));
        var service = elb.addTargetGroup("k8s-legacy", 300, Map.of("kubernetes.io/cluster/demo", "owned"));
        var named = elb.addTargetGroup("other-tool", 120, Map.of());
        var otherCluster = elb.addTargetGroup("k8s-other", 300, Map.of("elbv2.k8s.aws/cluster", "other"));
        for (var group : List.of(attached, controller, service, named, otherCluster)) {
            elb.register(group.arn(), INSTANCE);
        }
        elb.register(controller.arn(), OTHER);

        List<TargetGroupHold> holding = targetGroups.holding(INSTANCE, GROUP, List.of(named.arn()));

        assertThat(holding).containsExactly(
                new TargetGroupHold(attached.arn(), "healthy", "attached to workers-spot-a"),
                new TargetGroupHold(controller.arn(), "healthy", "tagged elbv2.k8s.aws/cluster=demo"),
                new TargetGroupHold(service.arn(), "healthy", "tagged kubernetes.io/cluster/demo"),
                new TargetGroupHold(named.arn(), "healthy", "targetGroupArns"));
        assertThat(holding.get(1).name()).isEqualTo("k8s-web-web-7f3a2c");
    }

    @Test
    void drainingTarget_holds_untilItsDeregistrationDelayIsOver_thenIsGone() {
        var controller = elb.addTargetGroup("k8s-web-web-7f3a2c", 300, Map.of("elbv2.k8s.aws/cluster", "demo"));
        elb.register(controller.arn(), INSTANCE);
        elb.deregister(INSTANCE);

        assertThat(targetGroups.holding(INSTANCE, GROUP, List.of())).extracting(TargetGroupHold::state)
                .containsExactly("draining");
        world.advance(Duration.ofSeconds(300));
        assertThat(targetGroups.holding(INSTANCE, GROUP, List.of())).isEmpty();
    }

    @Test
    void stillHolding_readsOnlyTheHealthOfTheGroupsGiven() {
        var controller = elb.addTargetGroup("k8s-web-web-7f3a2c", 300, Map.of("elbv2.k8s.aws/cluster", "demo"));
        elb.register(controller.arn(), INSTANCE);
        var found = targetGroups.holding(INSTANCE, GROUP, List.of());
        elb.deregister(INSTANCE);
        int discoveries = world.aws.calls("DescribeTargetGroups").size();

        assertThat(targetGroups.stillHolding(INSTANCE, found)).containsExactly(
                new TargetGroupHold(controller.arn(), "draining", "tagged elbv2.k8s.aws/cluster=demo"));
        assertThat(world.aws.calls("DescribeTargetGroups")).hasSize(discoveries);
        world.advance(Duration.ofSeconds(300));
        assertThat(targetGroups.stillHolding(INSTANCE, found)).isEmpty();
    }

    @Test
    void withoutAClusterName_taggedGroupsAreNotLookedFor() {
        var controller = elb.addTargetGroup("k8s-web-web-7f3a2c", 300, Map.of("elbv2.k8s.aws/cluster", "demo"));
        elb.register(controller.arn(), INSTANCE);
        Wiring wiring = world.wiring();

        var withoutCluster = new ElbTargetGroups(wiring.elasticLoadBalancing(), wiring.autoScaling(), Optional.empty());

        assertThat(withoutCluster.holding(INSTANCE, GROUP, List.of())).isEmpty();
        assertThat(world.aws.calls("DescribeTargetGroups")).isEmpty();
    }

    @Test
    void throttledTargetHealth_isRetryable_neverNone() {
        var controller = elb.addTargetGroup("k8s-web-web-7f3a2c", 300, Map.of("elbv2.k8s.aws/cluster", "demo"));
        elb.register(controller.arn(), INSTANCE);
        world.aws.throttle("DescribeTargetHealth", 1);

        assertThatThrownBy(() -> targetGroups.holding(INSTANCE, GROUP, List.of()))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("DescribeTargetHealth " + controller.arn() + " for " + INSTANCE);
    }

    @Test
    void namedGroupThatNoLongerExists_holdsNothing() {
        String gone = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/gone/0123456789abcdef";

        assertThat(targetGroups.holding(INSTANCE, GROUP, List.of(gone))).isEmpty();
    }
}
