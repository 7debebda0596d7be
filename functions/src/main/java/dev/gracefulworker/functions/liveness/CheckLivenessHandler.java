package dev.gracefulworker.functions.liveness;

import com.amazonaws.services.lambda.runtime.Context;
import dev.gracefulworker.functions.JsonTaskHandler;
import dev.gracefulworker.functions.Priming;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.kubernetes.KubernetesNodes;
import dev.gracefulworker.functions.kubernetes.KubernetesPriming;
import dev.gracefulworker.functions.observability.Invocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** "Check instance and node": is the instance running, and which node is it? */
public final class CheckLivenessHandler extends JsonTaskHandler<CheckLivenessRequest, Liveness> {

    private static final Logger LOG = LoggerFactory.getLogger(CheckLivenessHandler.class);

    private final LivenessChecker checker;
    private final Invocation invocation;
    private final Priming priming;

    public CheckLivenessHandler() {
        this(Wiring.fromEnvironment());
    }

    public CheckLivenessHandler(Wiring wiring) {
        super(CheckLivenessRequest.class);
        this.checker = new LivenessChecker(
                new Ec2QueryInstanceDirectory(wiring.httpClient(), wiring.credentials(), wiring.region().id(),
                        wiring.ec2Endpoint(), wiring.clock()),
                new KubernetesNodes(wiring.kubernetes()),
                new NodeFinder());
        this.invocation = new Invocation(wiring.metrics());
        this.priming = Priming.register(jsonRoundTrip(), KubernetesPriming.readModels(wiring.kubernetes()));
    }

    @Override
    public Liveness handleRequest(CheckLivenessRequest request, Context context) {
        return invocation.run(context, Invocation.keys("instanceId", request.instanceId()), () -> {
            Liveness liveness = checker.check(request.instanceId());
            LOG.info("instance {} is {}: {} ({})", liveness.instanceId(), liveness.instanceState(), liveness.verdict(),
                    liveness.reason());
            return liveness;
        });
    }
}
