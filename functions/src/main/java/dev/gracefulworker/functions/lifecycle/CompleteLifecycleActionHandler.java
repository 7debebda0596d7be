package dev.gracefulworker.functions.lifecycle;

import dev.gracefulworker.contract.CompletionReason;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.functions.JsonTaskHandler;
import dev.gracefulworker.functions.Priming;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.observability.Invocation;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.observability.MetricsRecorder;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every "Complete (…)" task: CompleteLifecycleAction with the result and reason the state machine chose. */
public final class CompleteLifecycleActionHandler extends JsonTaskHandler<CompleteLifecycleActionRequest, LifecycleCompletion> {

    private static final Logger LOG = LoggerFactory.getLogger(CompleteLifecycleActionHandler.class);

    private final LifecycleCompleter completer;
    private final MetricsRecorder metrics;

    public CompleteLifecycleActionHandler() {
        this(Wiring.fromEnvironment());
    }

    public CompleteLifecycleActionHandler(Wiring wiring) {
        super(CompleteLifecycleActionRequest.class, wiring.metrics());
        this.completer = new LifecycleCompleter(new AutoScalingLifecycleActions(wiring.autoScaling()), wiring.clock());
        this.metrics = wiring.metrics();
        prime(new Priming.Step(
                "a dry-run completion runs the completer's input checks and ISO-8601 parsing without calling AWS",
                () -> completer.complete(new CompleteLifecycleActionRequest("i-00000000000000000", "priming", "priming",
                        "00000000-0000-0000-0000-000000000000", LifecycleResult.CONTINUE, CompletionReason.DRAINED, true,
                        "2026-01-01T00:00:00Z"))));
    }

    @Override
    protected Map<String, String> logKeys(CompleteLifecycleActionRequest request) {
        return Invocation.keys("instanceId", request.instanceId(), "autoScalingGroupName", request.autoScalingGroupName(),
                "lifecycleHookName", request.lifecycleHookName());
    }

    @Override
    protected LifecycleCompletion handle(CompleteLifecycleActionRequest request) {
        LifecycleCompletion completion = completer.complete(request);
        metrics.count(Metric.LifecycleActionsCompleted, 1, "outcome", completion.outcome());
        LOG.info("lifecycle action {} with {} ({}): {}", completion.action(), completion.result(), completion.reason().wire(),
                completion.outcome());
        return completion;
    }
}
