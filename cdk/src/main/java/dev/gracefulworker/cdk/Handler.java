package dev.gracefulworker.cdk;

/** The Lambda handlers of the functions jar, one function each. */
enum Handler {
    START_WORKFLOW("Starter", "dev.gracefulworker.functions.start.StartWorkflowHandler",
            "Starts the workflow for each terminating lifecycle message from SNS"),
    APPLY_SETTINGS_OVERRIDES("ApplySettingsOverrides", "dev.gracefulworker.functions.settings.ApplySettingsOverridesHandler",
            "Applies a hook's NotificationMetadata to the deployed settings"),
    CHECK_LIVENESS("CheckLiveness", "dev.gracefulworker.functions.liveness.CheckLivenessHandler",
            "Finds the instance and its Kubernetes node"),
    CORDON_NODE("CordonNode", "dev.gracefulworker.functions.cordon.CordonNodeHandler",
            "Cordons (and taints) the node"),
    CHECK_PODS("CheckPods", "dev.gracefulworker.functions.pods.CheckPodsHandler",
            "Checks the pods on the node, evicts, and records heartbeats"),
    COMPLETE_LIFECYCLE_ACTION("CompleteLifecycleAction",
            "dev.gracefulworker.functions.lifecycle.CompleteLifecycleActionHandler",
            "Completes the lifecycle action");

    private final String id;
    private final String className;
    private final String description;

    Handler(String id, String className, String description) {
        this.id = id;
        this.className = className;
        this.description = description;
    }

    /** The construct id of the function. */
    String id() {
        return id;
    }

    /**
     * The Lambda handler string: the bare class name. The task handlers implement RequestStreamHandler as well, and the
     * Java runtime picks the stream entry point only when no method is named; that path uses our own Jackson (records,
     * nulls kept), where the runtime's serializer cannot build records and drops null fields the state machine reads.
     */
    String handler() {
        return className;
    }

    String description() {
        return "graceful-worker-terminator: " + description;
    }
}
