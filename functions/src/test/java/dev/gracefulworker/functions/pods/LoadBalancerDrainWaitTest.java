package dev.gracefulworker.functions.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.loadbalancing.TargetGroupHold;
import dev.gracefulworker.functions.loadbalancing.TargetGroups;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadBalancerDrainWaitTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:46:07Z");
    private static final String WEB = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/k8s-web/0123456789abcdef";
    private static final TargetGroupHold DRAINING = new TargetGroupHold(WEB, "draining", "tagged elbv2.k8s.aws/cluster=demo");

    private final List<String> asked = new ArrayList<>();
    private final PodCensus census = new PodCensus();

    private LoadBalancerDrainWait holding(List<TargetGroupHold> holds) {
        return new LoadBalancerDrainWait(new TargetGroups() {
            @Override
            public List<TargetGroupHold> holding(String instanceId, String group, List<String> explicit) {
                asked.add("discover " + instanceId + " " + group + " " + explicit);
                return holds;
            }

            @Override
            public List<TargetGroupHold> stillHolding(String instanceId, List<TargetGroupHold> previous) {
                asked.add("health " + instanceId + " " + previous.size());
                return holds;
            }
        });
    }

    @Test
    void groupHoldingTheInstance_isWaitedFor_sinceTheFirstPollThatSawIt() {
        var wait = holding(List.of(DRAINING)).check("i-1", "workers", Settings.defaults(), null, List.of(), NOW, census);

        assertThat(wait).hasValueSatisfying(waiting -> {
            assertThat(waiting.since()).isEqualTo(NOW);
            assertThat(waiting.describe(NOW.plusSeconds(45))).containsExactly(
                    "target group k8s-web (draining for 45 s, tagged elbv2.k8s.aws/cluster=demo)");
        });
        assertThat(asked).containsExactly("discover i-1 workers []");
    }

    @Test
    void whileTheWaitLasts_onlyTheGroupsFoundAtItsStartAreReadAgain() {
        var wait = holding(List.of(DRAINING)).check("i-1", "workers", Settings.defaults(), NOW.minusSeconds(30),
                List.of(DRAINING), NOW, census);

        assertThat(wait).hasValueSatisfying(waiting -> assertThat(waiting.since()).isEqualTo(NOW.minusSeconds(30)));
        assertThat(asked).containsExactly("health i-1 1");
    }

    @Test
    void noGroupHoldingTheInstance_endsTheWait() {
        assertThat(holding(List.of()).check("i-1", "workers", Settings.defaults(), null, List.of(), NOW, census)).isEmpty();
        assertThat(census.warnings()).isEmpty();
    }

    @Test
    void timeoutPassed_endsTheWait_withAWarningPerGroup() {
        var settings = Settings.builder().loadBalancerDrainTimeoutSeconds(600).build();

        var wait = holding(List.of(DRAINING)).check("i-1", "workers", settings, NOW.minusSeconds(600), List.of(DRAINING),
                NOW, census);

        assertThat(wait).isEmpty();
        assertThat(census.warnings()).singleElement().asString().contains("target group k8s-web")
                .contains("still holds the instance (draining) after 600 s");
    }

    @Test
    void timeoutZero_asksNothing() {
        var settings = Settings.builder().loadBalancerDrainTimeoutSeconds(0).build();

        assertThat(holding(List.of(DRAINING)).check("i-1", "workers", settings, null, List.of(), NOW, census)).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void failureToRead_isThrown_neverTakenForNoGroup() {
        var failing = new LoadBalancerDrainWait(new TargetGroups() {
            @Override
            public List<TargetGroupHold> holding(String instanceId, String group, List<String> explicit) {
                throw new RetryableException("DescribeTargetGroups failed: Rate exceeded", null);
            }

            @Override
            public List<TargetGroupHold> stillHolding(String instanceId, List<TargetGroupHold> previous) {
                throw new RetryableException("DescribeTargetHealth failed: Rate exceeded", null);
            }
        });

        assertThatThrownBy(() -> failing.check("i-1", "workers", Settings.defaults(), null, List.of(), NOW, census))
                .isInstanceOf(RetryableException.class);
        assertThatThrownBy(() -> failing.check("i-1", "workers", Settings.defaults(), NOW, List.of(DRAINING), NOW, census))
                .isInstanceOf(RetryableException.class);
    }
}
