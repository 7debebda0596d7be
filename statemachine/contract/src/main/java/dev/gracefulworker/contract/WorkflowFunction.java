package dev.gracefulworker.contract;

import java.util.Arrays;
import java.util.List;

/**
 * The stack's Lambda functions, listed once: the starter (SNS subscriber) and the task functions the state machine
 * invokes. Each names its handler class (the Lambda handler string), the function name the exported definition uses
 * as a placeholder, and the construct id the stack gives it.
 */
public enum WorkflowFunction {
    START_WORKFLOW("Starter", "gwt-start-workflow", "dev.gracefulworker.functions.start.StartWorkflowHandler", 30,
            "Starts the workflow for each terminating lifecycle message from SNS"),
    APPLY_SETTINGS_OVERRIDES("ApplySettingsOverrides", "gwt-apply-settings-overrides",
            "dev.gracefulworker.functions.settings.ApplySettingsOverridesHandler", 10,
            "Applies a hook's NotificationMetadata to the deployed settings"),
    CHECK_LIVENESS("CheckLiveness", "gwt-check-liveness", "dev.gracefulworker.functions.liveness.CheckLivenessHandler",
            10, "Finds the instance and its Kubernetes node"),
    CORDON_NODE("CordonNode", "gwt-cordon-node", "dev.gracefulworker.functions.cordon.CordonNodeHandler", 10,
            "Cordons (and taints) the node"),
    // one round of the drain: listing and evicting a big node's pods gets the most time
    CHECK_PODS("CheckPods", "gwt-check-pods", "dev.gracefulworker.functions.pods.CheckPodsHandler", 25,
            "Checks the pods on the node, evicts, and records heartbeats"),
    COMPLETE_LIFECYCLE_ACTION("CompleteLifecycleAction", "gwt-complete-lifecycle-action",
            "dev.gracefulworker.functions.lifecycle.CompleteLifecycleActionHandler", 10,
            "Completes the lifecycle action");

    /**
     * How much longer the state machine's task waits than the function may run: a function that runs out of time then
     * reaches the state machine as the Lambda error it is (retried as such), not as the task's own timeout.
     */
    public static final int TASK_TIMEOUT_MARGIN_SECONDS = 5;
    /** The alias the state machine invokes, so SnapStart's published version is what runs. */
    public static final String ALIAS = "live";
    private static final String PLACEHOLDER_ARN_PREFIX = "arn:aws:lambda:eu-west-1:111122223333:function:";

    private final String constructId;
    private final String placeholderName;
    private final String handlerClass;
    private final int functionTimeoutSeconds;
    private final String description;

    WorkflowFunction(String constructId, String placeholderName, String handlerClass, int functionTimeoutSeconds,
                     String description) {
        this.constructId = constructId;
        this.placeholderName = placeholderName;
        this.handlerClass = handlerClass;
        this.functionTimeoutSeconds = functionTimeoutSeconds;
        this.description = description;
    }

    /** The function's own timeout (the stack sets it); short, since every task works in seconds and retries. */
    public int functionTimeoutSeconds() {
        return functionTimeoutSeconds;
    }

    /** The state machine's {@code TimeoutSeconds} for a task invoking this function. */
    public int taskTimeoutSeconds() {
        return functionTimeoutSeconds + TASK_TIMEOUT_MARGIN_SECONDS;
    }

    /** The functions the state machine's tasks invoke: all but the starter. */
    public static List<WorkflowFunction> tasks() {
        return Arrays.stream(values()).filter(function -> function != START_WORKFLOW).toList();
    }

    /** The construct id of the function in the stack, such as {@code CheckPods}. */
    public String constructId() {
        return constructId;
    }

    /** The function name in the exported definition and the local runner, such as {@code gwt-check-pods}. */
    public String placeholderName() {
        return placeholderName;
    }

    /** The readable ARN that stands for this function's alias in the exported definition. */
    public String placeholderArn() {
        return PLACEHOLDER_ARN_PREFIX + placeholderName + ":" + ALIAS;
    }

    /**
     * The fully qualified handler class, which is also the Lambda handler string: the task handlers implement
     * RequestStreamHandler too, and the Java runtime takes the stream entry point only when no method is named.
     */
    public String handlerClass() {
        return handlerClass;
    }

    /** The function's description in the stack. */
    public String description() {
        return "graceful-worker-terminator: " + description;
    }
}
