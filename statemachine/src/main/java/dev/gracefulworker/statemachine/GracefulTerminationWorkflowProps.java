package dev.gracefulworker.statemachine;

import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.LogLevel;

import java.util.Objects;

/** Properties of {@link GracefulTerminationWorkflow}: the task functions, the deployed settings, logging and tracing. */
public final class GracefulTerminationWorkflowProps {

    private final TaskFunctions functions;
    private final WorkflowSettings settings;
    private final LogLevel logLevel;
    private final RetentionDays logRetention;
    private final boolean tracingEnabled;

    private GracefulTerminationWorkflowProps(Builder builder) {
        this.functions = new TaskFunctions(builder.applySettingsOverrides, builder.checkLiveness, builder.cordonNode,
                builder.checkPods, builder.completeLifecycleAction);
        this.settings = Objects.requireNonNull(builder.settings, "settings");
        this.logLevel = Objects.requireNonNull(builder.logLevel, "logLevel");
        this.logRetention = Objects.requireNonNull(builder.logRetention, "logRetention");
        this.tracingEnabled = builder.tracingEnabled;
    }

    public static Builder builder() {
        return new Builder();
    }

    public TaskFunctions functions() {
        return functions;
    }

    public WorkflowSettings settings() {
        return settings;
    }

    public LogLevel logLevel() {
        return logLevel;
    }

    public RetentionDays logRetention() {
        return logRetention;
    }

    public boolean tracingEnabled() {
        return tracingEnabled;
    }

    /** Builds {@link GracefulTerminationWorkflowProps}; the five functions are required. */
    public static final class Builder {
        private IFunction applySettingsOverrides;
        private IFunction checkLiveness;
        private IFunction cordonNode;
        private IFunction checkPods;
        private IFunction completeLifecycleAction;
        private WorkflowSettings settings = WorkflowSettings.defaults();
        private LogLevel logLevel = LogLevel.ALL;
        private RetentionDays logRetention = RetentionDays.ONE_MONTH;
        private boolean tracingEnabled = true;

        private Builder() {
        }

        /** Sets all five functions at once. */
        public Builder functions(TaskFunctions functions) {
            return applySettingsOverridesFunction(functions.applySettingsOverrides())
                    .checkLivenessFunction(functions.checkLiveness())
                    .cordonNodeFunction(functions.cordonNode())
                    .checkPodsFunction(functions.checkPods())
                    .completeLifecycleActionFunction(functions.completeLifecycleAction());
        }

        /** @param function runs ApplySettingsOverridesHandler (required) */
        public Builder applySettingsOverridesFunction(IFunction function) {
            this.applySettingsOverrides = function;
            return this;
        }

        /** @param function runs CheckLivenessHandler (required) */
        public Builder checkLivenessFunction(IFunction function) {
            this.checkLiveness = function;
            return this;
        }

        /** @param function runs CordonNodeHandler (required) */
        public Builder cordonNodeFunction(IFunction function) {
            this.cordonNode = function;
            return this;
        }

        /** @param function runs CheckPodsHandler (required) */
        public Builder checkPodsFunction(IFunction function) {
            this.checkPods = function;
            return this;
        }

        /** @param function runs CompleteLifecycleActionHandler (required) */
        public Builder completeLifecycleActionFunction(IFunction function) {
            this.completeLifecycleAction = function;
            return this;
        }

        /** @param value the deployed settings; @default {@link WorkflowSettings#defaults()} */
        public Builder settings(WorkflowSettings value) {
            this.settings = value;
            return this;
        }

        /** @param value what the execution log records; @default {@link LogLevel#ALL} (cdk-nag AwsSolutions-SF1 asks for ALL) */
        public Builder logLevel(LogLevel value) {
            this.logLevel = value;
            return this;
        }

        /** @param value how long execution logs are kept; @default {@link RetentionDays#ONE_MONTH} */
        public Builder logRetention(RetentionDays value) {
            this.logRetention = value;
            return this;
        }

        /** @param value whether X-Ray traces executions; @default true */
        public Builder tracingEnabled(boolean value) {
            this.tracingEnabled = value;
            return this;
        }

        public GracefulTerminationWorkflowProps build() {
            return new GracefulTerminationWorkflowProps(this);
        }
    }
}
