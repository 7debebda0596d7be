package dev.gracefulworker.statemachine;

import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

import java.util.Objects;

/**
 * The Lambda functions behind the workflow's tasks; the state machine invokes exactly these (use an alias or a
 * version when SnapStart is on).
 *
 * @param applySettingsOverrides  ApplySettingsOverridesHandler
 * @param checkLiveness           CheckLivenessHandler
 * @param cordonNode              CordonNodeHandler
 * @param checkPods               CheckPodsHandler
 * @param completeLifecycleAction CompleteLifecycleActionHandler
 */
public record TaskFunctions(
        IFunction applySettingsOverrides,
        IFunction checkLiveness,
        IFunction cordonNode,
        IFunction checkPods,
        IFunction completeLifecycleAction) {

    public TaskFunctions {
        Objects.requireNonNull(applySettingsOverrides, "applySettingsOverrides function");
        Objects.requireNonNull(checkLiveness, "checkLiveness function");
        Objects.requireNonNull(cordonNode, "cordonNode function");
        Objects.requireNonNull(checkPods, "checkPods function");
        Objects.requireNonNull(completeLifecycleAction, "completeLifecycleAction function");
    }

    /** Imported functions named by their {@link TaskFunction#placeholderArn() placeholder ARNs}, for the export and tests. */
    public static TaskFunctions placeholders(Construct scope) {
        return new TaskFunctions(
                placeholder(scope, TaskFunction.APPLY_SETTINGS_OVERRIDES),
                placeholder(scope, TaskFunction.CHECK_LIVENESS),
                placeholder(scope, TaskFunction.CORDON_NODE),
                placeholder(scope, TaskFunction.CHECK_PODS),
                placeholder(scope, TaskFunction.COMPLETE_LIFECYCLE_ACTION));
    }

    private static IFunction placeholder(Construct scope, TaskFunction function) {
        return Function.fromFunctionArn(scope, function.placeholderName(), function.placeholderArn());
    }
}
