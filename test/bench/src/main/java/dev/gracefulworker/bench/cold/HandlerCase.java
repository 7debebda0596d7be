package dev.gracefulworker.bench.cold;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.bench.cluster.HandlerInputs;
import dev.gracefulworker.bench.cluster.Target;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** A handler of the functions jar and the event its first invocation gets. */
public record HandlerCase(String task, String handlerClass, Function<Target, ObjectNode> input) {

    /** The poll task: the one the Python equivalent mirrors. */    private static final String PACKAGE = "dev.gracefulworker.functions.";

    /** Every handler the stack deploys, in the order a termination calls them (the starter first). */
    public static List<HandlerCase> all() {
        return List.of(
                new HandlerCase("starter (SNS)", PACKAGE + "start.StartWorkflowHandler", HandlerInputs::snsEvent),
                new HandlerCase("Apply per-group overrides", PACKAGE + "settings.ApplySettingsOverridesHandler",
                        target -> HandlerInputs.applyOverrides()),
                new HandlerCase("Check instance and node", PACKAGE + "liveness.CheckLivenessHandler", HandlerInputs::checkLiveness),
                new HandlerCase("Cordon node", PACKAGE + "cordon.CordonNodeHandler", HandlerInputs::cordon),
                new HandlerCase(CHECK_PODS, PACKAGE + "pods.CheckPodsHandler",
                        target -> HandlerInputs.checkPods(target, Duration.ofMinutes(10))),
                new HandlerCase("Complete (drained)", PACKAGE + "lifecycle.CompleteLifecycleActionHandler", HandlerInputs::complete));
    }

    public static final String CHECK_PODS = "Check pods";

    public String simpleClassName() {
        return handlerClass.substring(handlerClass.lastIndexOf('.') + 1);
    }
}
