package dev.gracefulworker.statemachine;

/**
 * The workflow's task functions by role, with the predictable names the exported definition uses as placeholders
 * ({@code arn:aws:lambda:eu-west-1:111122223333:function:gwt-check-pods:live}).
 */
public enum TaskFunction {
    APPLY_SETTINGS_OVERRIDES("gwt-apply-settings-overrides"),
    CHECK_LIVENESS("gwt-check-liveness"),
    CORDON_NODE("gwt-cordon-node"),
    CHECK_PODS("gwt-check-pods"),
    COMPLETE_LIFECYCLE_ACTION("gwt-complete-lifecycle-action");

    /** The alias the state machine invokes, so SnapStart's published version is what runs. */
    public static final String ALIAS = "live";
    private static final String PLACEHOLDER_ARN_PREFIX = "arn:aws:lambda:eu-west-1:111122223333:function:";

    private final String placeholderName;

    TaskFunction(String placeholderName) {
        this.placeholderName = placeholderName;
    }

    /** The function name in the exported definition, such as {@code gwt-check-pods}. */
    public String placeholderName() {
        return placeholderName;
    }

    /** The readable ARN that stands for this function's alias in the exported definition. */
    public String placeholderArn() {
        return PLACEHOLDER_ARN_PREFIX + placeholderName + ":" + ALIAS;
    }
}
