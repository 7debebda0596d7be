package dev.gracefulworker.functions.liveness;

import dev.gracefulworker.functions.JsonTaskHandler;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.kubernetes.KubernetesNodes;
import dev.gracefulworker.functions.kubernetes.KubernetesPriming;
import dev.gracefulworker.functions.observability.Invocation;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Check instance and node": is the instance running, and which node is it? */
public final class CheckLivenessHandler extends JsonTaskHandler<CheckLivenessRequest, Liveness> {

    private static final Logger LOG = LoggerFactory.getLogger(CheckLivenessHandler.class);

    private final LivenessChecker checker;

    public CheckLivenessHandler() {
        this(Wiring.fromEnvironment());
    }

    public CheckLivenessHandler(Wiring wiring) {
        super(CheckLivenessRequest.class, wiring.metrics());
        this.checker = new LivenessChecker(
                new Ec2QueryInstanceDirectory(wiring.httpClient(), wiring.credentials(), wiring.region().id(),
                        wiring.ec2Endpoint(), wiring.clock()),
                new KubernetesNodes(wiring.kubernetes()),
                new NodeFinder());
        prime(KubernetesPriming.readModels(wiring.kubernetes()));
    }

    @Override
    protected Map<String, String> logKeys(CheckLivenessRequest request) {
        return Invocation.keys("instanceId", request.instanceId());
    }

    @Override
    protected Liveness handle(CheckLivenessRequest request) {
        Liveness liveness = checker.check(request.instanceId());
        LOG.info("instance {} is {}: {} ({})", liveness.instanceId(), liveness.instanceState(), liveness.verdict(),
                liveness.reason());
        return liveness;
    }
}
