package dev.gracefulworker.functions;

import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.contract.CompletionReason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.contract.DrainStatus;
import dev.gracefulworker.contract.LivenessVerdict;
import dev.gracefulworker.functions.support.ExportedLimits;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.emulator.aws.LifecycleAction;
import dev.gracefulworker.functions.cordon.CordonAction;
import dev.gracefulworker.functions.cordon.CordonNodeHandler;
import dev.gracefulworker.functions.cordon.CordonRequest;
import dev.gracefulworker.functions.cordon.CordonResult;
import dev.gracefulworker.functions.lifecycle.CompleteLifecycleActionHandler;
import dev.gracefulworker.functions.lifecycle.CompleteLifecycleActionRequest;
import dev.gracefulworker.functions.lifecycle.LifecycleCompletion;
import dev.gracefulworker.functions.liveness.CheckLivenessHandler;
import dev.gracefulworker.functions.liveness.CheckLivenessRequest;
import dev.gracefulworker.functions.liveness.Liveness;
import dev.gracefulworker.functions.pods.CheckPodsHandler;
import dev.gracefulworker.functions.pods.CheckPodsRequest;
import dev.gracefulworker.functions.pods.DrainProgress;
import dev.gracefulworker.functions.settings.ApplySettingsOverridesHandler;
import dev.gracefulworker.functions.settings.ApplySettingsOverridesRequest;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The handlers chained the way the state machine chains them for one termination, each output feeding the next
 * input as WORKFLOW.md maps it: a 40-minute wait for a batch pod, kept alive by heartbeats, then completion.
 */
class DrainFlowTest {

    private static final String INSTANCE = "i-0a1b2c3d4e5f60718";
    private static final String TOKEN = "3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18";
    private static final String GROUP = "workers-spot-a";
    private static final String HOOK = "graceful-termination";
    private static final String EXECUTION = INSTANCE + "-" + TOKEN;

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;

    @Test
    void longRunningBatchPod_isWaitedForWithHeartbeatsThenTheActionIsCompleted() {
        world = worlds.start("""
                nodes:
                  - {name: ip-10-0-1-23.eu-west-1.compute.internal, providerID: aws:///eu-west-1a/%1$s}
                pods:
                  - {name: report-1, namespace: batch, node: ip-10-0-1-23.eu-west-1.compute.internal,
                     labels: {app: report-runner}, owner: {kind: Job, name: report}, finishesAfterSeconds: 2400}
                  - {name: web-1, namespace: default, node: ip-10-0-1-23.eu-west-1.compute.internal,
                     owner: {kind: ReplicaSet, name: web}}
                """.formatted(INSTANCE));
        world.aws.ec2().addInstance(INSTANCE, "running", "ip-10-0-1-23.eu-west-1.compute.internal", "eu-west-1a");
        LifecycleAction action = world.aws.autoScaling().startLifecycleAction(GROUP, HOOK, INSTANCE, TOKEN, 300, "ABANDON");
        var wiring = world.wiring();
        String startedAt = Emulated.START.toString();

        Settings settings = new ApplySettingsOverridesHandler(wiring).handleRequest(new ApplySettingsOverridesRequest(
                Settings.defaults(), "{\"waitForPods\": [{\"namespace\": \"batch\", \"labelSelector\": \"app=report-runner\"}]}",
                ExportedLimits.read()), null);
        Liveness target = new CheckLivenessHandler(wiring).handleRequest(new CheckLivenessRequest(INSTANCE), null);
        CordonResult cordon = new CordonNodeHandler(wiring).handleRequest(new CordonRequest(target.nodeName(), INSTANCE,
                GROUP, HOOK, EXECUTION, settings.taintNode(), settings.excludeFromLoadBalancers(), settings.dryRun()), null);
        CheckPodsHandler checkPods = new CheckPodsHandler(wiring);
        DrainProgress poll = new DrainProgress(DrainStatus.NOT_STARTED, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, startedAt, 0, 0,
                startedAt, null, null, 0, 0, 0, null, null, null, null);
        do {
            poll = checkPods.handleRequest(new CheckPodsRequest(target.nodeName(), INSTANCE, GROUP, HOOK, TOKEN, settings, poll), null);
            world.advance(Duration.ofSeconds(poll.nextWaitSeconds()));
        } while (poll.status() == DrainStatus.WAITING);
        LifecycleCompletion completion = new CompleteLifecycleActionHandler(wiring).handleRequest(
                new CompleteLifecycleActionRequest(INSTANCE, GROUP, HOOK, TOKEN, LifecycleResult.CONTINUE, CompletionReason.DRAINED,
                        settings.dryRun(), startedAt), null);

        assertThat(target.verdict()).isEqualTo(LivenessVerdict.DRAIN);
        assertThat(cordon.action()).isEqualTo(CordonAction.CORDONED);
        assertThat(poll.status()).isEqualTo(DrainStatus.DRAINED);
        assertThat(poll.waitedFor()).isEqualTo(2);
        assertThat(poll.elapsedSeconds()).isBetween(2400L, 2400L + 120);
        assertThat(poll.polls()).isLessThan(60);
        assertThat(poll.heartbeats()).isEqualTo(action.heartbeats()).isGreaterThanOrEqualTo(2400 / 150 - 1);
        assertThat(world.kube.evictions()).containsExactly("default/web-1 201");
        assertThat(completion.outcome()).isEqualTo("completed");
        assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
        assertThat(action.result()).isEqualTo("CONTINUE");
    }
}
