package dev.gracefulworker.functions.pods;

import dev.gracefulworker.functions.JsonTaskHandler;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.kubernetes.KubernetesDisruptionBudgets;
import dev.gracefulworker.functions.kubernetes.KubernetesNodes;
import dev.gracefulworker.functions.kubernetes.KubernetesPods;
import dev.gracefulworker.functions.kubernetes.KubernetesPriming;
import dev.gracefulworker.functions.kubernetes.KubernetesVolumeAttachments;
import dev.gracefulworker.functions.lifecycle.AutoScalingLifecycleActions;
import dev.gracefulworker.functions.lifecycle.HeartbeatRecorder;
import dev.gracefulworker.functions.loadbalancing.ElbTargetGroups;
import dev.gracefulworker.functions.observability.Invocation;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Check pods": one round of the drain, called on every poll. */
public final class CheckPodsHandler extends JsonTaskHandler<CheckPodsRequest, DrainProgress> {

    private static final Logger LOG = LoggerFactory.getLogger(CheckPodsHandler.class);

    private final DrainProgressChecker checker;

    public CheckPodsHandler() {
        this(Wiring.fromEnvironment());
    }

    public CheckPodsHandler(Wiring wiring) {
        super(CheckPodsRequest.class, wiring.metrics());
        this.checker = new DrainProgressChecker(
                new KubernetesPods(wiring.kubernetes()),
                new KubernetesDisruptionBudgets(wiring.kubernetes()),
                new KubernetesNodes(wiring.kubernetes()),
                new KubernetesVolumeAttachments(wiring.kubernetes()),
                new ElbTargetGroups(wiring.elasticLoadBalancing(), wiring.autoScaling(), wiring.eksClusterName()),
                new PodClassifier(),
                new HeartbeatRecorder(new AutoScalingLifecycleActions(wiring.autoScaling())),
                wiring.metrics(),
                wiring.clock(),
                System::nanoTime);
        prime(KubernetesPriming.readModels(wiring.kubernetes()));
    }

    @Override
    protected Map<String, String> logKeys(CheckPodsRequest request) {
        return Invocation.keys("instanceId", request.instanceId(), "nodeName", request.nodeName(),
                "autoScalingGroupName", request.autoScalingGroupName(), "lifecycleHookName", request.lifecycleHookName());
    }

    @Override
    protected DrainProgress handle(CheckPodsRequest request) {
        DrainProgress progress = checker.check(request);
        LOG.info("poll {}: {} (waiting for {}, evicting {}, ignored {}, evicted {}, blocked {}, throttled {}, stuck {}, "
                        + "volumes {}, target groups {}, heartbeat {}, next in {} s)",
                progress.polls(), progress.status(), progress.waitingFor(), progress.evicting(), progress.ignored(),
                progress.evictedThisPoll(), progress.evictionsBlocked(), progress.evictionsThrottled(),
                progress.stuckTerminating(), progress.waitingForVolumes(),
                progress.holdingTargetGroups().size(), progress.heartbeat(), progress.nextWaitSeconds());
        progress.warnings().forEach(warning -> LOG.warn("{}", warning));
        return progress;
    }
}
