package dev.gracefulworker.functions.lifecycle;

import com.amazonaws.services.lambda.runtime.Context;
import dev.gracefulworker.functions.JsonTaskHandler;
import dev.gracefulworker.functions.Priming;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.observability.Invocation;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.observability.MetricsRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every "Complete: …" task: CompleteLifecycleAction with the result and reason the state machine chose. */
public final class CompleteLifecycleActionHandler extends JsonTaskHandler<CompleteLifecycleActionRequest, LifecycleCompletion> {

    private static final Logger LOG = LoggerFactory.getLogger(CompleteLifecycleActionHandler.class);

    private final LifecycleCompleter completer;
    private final MetricsRecorder metrics;
    private final Invocation invocation;
    private final Priming priming;

    public CompleteLifecycleActionHandler() {
        this(Wiring.fromEnvironment());
    }

    public CompleteLifecycleActionHandler(Wiring wiring) {
        super(CompleteLifecycleActionRequest.class);
        this.completer = new LifecycleCompleter(new AutoScalingLifecycleActions(wiring.autoScaling()), wiring.clock());
        this.metrics = wiring.metrics();
        this.invocation = new Invocation(metrics);
        this.priming = Priming.register(jsonRoundTrip(), new Priming.Step(
                "a dry-run completion runs the whole input-reading path (enum and ISO-8601 parsing) without calling AWS",
                () -> completer.complete(new CompleteLifecycleActionRequest("i-00000000000000000", "priming", "priming",
                        "00000000-0000-0000-0000-000000000000", "CONTINUE", "drained", true, "2026-01-01T00:00:00Z"))));
    }

    @Override
    public LifecycleCompletion handleRequest(CompleteLifecycleActionRequest request, Context context) {
        var keys = Invocation.keys("instanceId", request.instanceId(), "autoScalingGroupName", request.autoScalingGroupName(),
                "lifecycleHookName", request.lifecycleHookName());
        return invocation.run(context, keys, () -> {
            LifecycleCompletion completion = completer.complete(request);
            metrics.count(Metric.LifecycleActionsCompleted, 1, "outcome", completion.outcome());
            LOG.info("lifecycle action {} with {} ({}): {}", completion.action(), completion.result(), completion.reason(),
                    completion.outcome());
            return completion;
        });
    }
}
