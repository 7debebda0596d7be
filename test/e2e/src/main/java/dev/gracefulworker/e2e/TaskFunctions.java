package dev.gracefulworker.e2e;

import dev.gracefulworker.e2e.lambda.LambdaFunction;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.cordon.CordonNodeHandler;
import dev.gracefulworker.functions.lifecycle.CompleteLifecycleActionHandler;
import dev.gracefulworker.functions.liveness.CheckLivenessHandler;
import dev.gracefulworker.functions.pods.CheckPodsHandler;
import dev.gracefulworker.functions.settings.ApplySettingsOverridesHandler;
import dev.gracefulworker.functions.start.StartWorkflowHandler;

import java.util.List;

/**
 * The deployed functions by the names the exported definition invokes ({@code …:function:gwt-check-pods:live}), each
 * served by the real handler class, built once through one {@link Wiring} like a warm Lambda container.
 */
public final class TaskFunctions {

    public static final String START_WORKFLOW = "gwt-start-workflow";
    public static final String APPLY_SETTINGS_OVERRIDES = "gwt-apply-settings-overrides";
    public static final String CHECK_LIVENESS = "gwt-check-liveness";
    public static final String CORDON_NODE = "gwt-cordon-node";
    public static final String CHECK_PODS = "gwt-check-pods";
    public static final String COMPLETE_LIFECYCLE_ACTION = "gwt-complete-lifecycle-action";

    private TaskFunctions() {
    }

    /** Every function of the stack: the starter (SNS subscriber) and the five task functions of the state machine. */
    public static List<LambdaFunction> wiredWith(Wiring wiring) {
        return List.of(
                LambdaFunction.of(START_WORKFLOW, new StartWorkflowHandler(wiring)),
                LambdaFunction.of(APPLY_SETTINGS_OVERRIDES, new ApplySettingsOverridesHandler(wiring)),
                LambdaFunction.of(CHECK_LIVENESS, new CheckLivenessHandler(wiring)),
                LambdaFunction.of(CORDON_NODE, new CordonNodeHandler(wiring)),
                LambdaFunction.of(CHECK_PODS, new CheckPodsHandler(wiring)),
                LambdaFunction.of(COMPLETE_LIFECYCLE_ACTION, new CompleteLifecycleActionHandler(wiring)));
    }
}
