package dev.gracefulworker.functions.pods;

import com.amazonaws.services.lambda.runtime.Context;
import dev.gracefulworker.functions.JsonTaskHandler;
import dev.gracefulworker.functions.Priming;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.kubernetes.KubernetesNodes;
import dev.gracefulworker.functions.kubernetes.KubernetesPods;
import dev.gracefulworker.functions.kubernetes.KubernetesPriming;
import dev.gracefulworker.functions.lifecycle.AutoScalingLifecycleActions;
import dev.gracefulworker.functions.lifecycle.HeartbeatRecorder;
import dev.gracefulworker.functions.observability.Invocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Check pods": one round of the drain, called on every poll. */
public final class CheckPodsHandler extends JsonTaskHandler<CheckPodsRequest, DrainProgress> {

    private static final Logger LOG = LoggerFactory.getLogger(CheckPodsHandler.class);

    private final DrainProgressChecker checker;
    private final Invocation invocation;
    private final Priming priming;

    public CheckPodsHandler() {
        this(Wiring.fromEnvironment());
    }

    public CheckPodsHandler(Wiring wiring) {
        super(CheckPodsRequest.class);
        this.checker = new DrainProgressChecker(
                new KubernetesPods(wiring.kubernetes()),
                new KubernetesNodes(wiring.kubernetes()),
                new PodClassifier(),
                new HeartbeatRecorder(new AutoScalingLifecycleActions(wiring.autoScaling())),
                wiring.metrics(),
                wiring.clock());
        this.invocation = new Invocation(wiring.metrics());
        this.priming = Priming.register(jsonRoundTrip(), KubernetesPriming.readModels(wiring.kubernetes()));
    }

    @Override
    public DrainProgress handleRequest(CheckPodsRequest request, Context context) {
        var keys = Invocation.keys("instanceId", request.instanceId(), "nodeName", request.nodeName(),
                "autoScalingGroupName", request.autoScalingGroupName(), "lifecycleHookName", request.lifecycleHookName());
        return invocation.run(context, keys, () -> {
            DrainProgress progress = checker.check(request);
            LOG.info("poll {}: {} (waiting for {}, evicting {}, ignored {}, evicted {}, blocked {}, heartbeat {}, next in {} s)",
                    progress.polls(), progress.status(), progress.waitingFor(), progress.evicting(), progress.ignored(),
                    progress.evictedThisPoll(), progress.evictionsBlocked(), progress.heartbeat(), progress.nextWaitSeconds());
            return progress;
        });
    }
}
