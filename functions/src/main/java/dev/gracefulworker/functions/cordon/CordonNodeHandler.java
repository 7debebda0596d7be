package dev.gracefulworker.functions.cordon;

import dev.gracefulworker.functions.JsonTaskHandler;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.kubernetes.KubernetesNodes;
import dev.gracefulworker.functions.kubernetes.KubernetesPriming;
import dev.gracefulworker.functions.observability.Invocation;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.observability.MetricsRecorder;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Cordon node": marks the matched node unschedulable (idempotent; dry run writes nothing). */
public final class CordonNodeHandler extends JsonTaskHandler<CordonRequest, CordonResult> {

    private static final Logger LOG = LoggerFactory.getLogger(CordonNodeHandler.class);

    private final NodeCordoner cordoner;
    private final MetricsRecorder metrics;

    public CordonNodeHandler() {
        this(Wiring.fromEnvironment());
    }

    public CordonNodeHandler(Wiring wiring) {
        super(CordonRequest.class, wiring.metrics());
        this.cordoner = new NodeCordoner(new KubernetesNodes(wiring.kubernetes()));
        this.metrics = wiring.metrics();
        prime(KubernetesPriming.readModels(wiring.kubernetes()));
    }

    @Override
    protected Map<String, String> logKeys(CordonRequest request) {
        return Invocation.keys("instanceId", request.instanceId(), "nodeName", request.nodeName(),
                "autoScalingGroupName", request.autoScalingGroupName(), "lifecycleHookName", request.lifecycleHookName(),
                "executionName", request.executionName());
    }

    @Override
    protected CordonResult handle(CordonRequest request) {
        CordonResult result = cordoner.cordon(request);
        if (result.action() == CordonAction.CORDONED) {
            metrics.count(Metric.NodesCordoned, 1);
        }
        LOG.info("{}: {}", result.action(), result.message());
        return result;
    }
}
