package dev.gracefulworker.statemachine;

import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.contract.WorkflowFunction;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.LogLevel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Properties of {@link GracefulTerminationWorkflow}: the task functions, the deployed settings, logging and tracing. */
public final class GracefulTerminationWorkflowProps {

    private final TaskFunctions functions;
    private final Settings settings;
    private final LogLevel logLevel;
    private final RetentionDays logRetention;
    private final boolean tracingEnabled;
    private final List<String> lifecycleActionArns;

    private GracefulTerminationWorkflowProps(Builder builder) {
        this.functions = new TaskFunctions(builder.functions);
        this.settings = Objects.requireNonNull(builder.settings, "settings");
        this.logLevel = Objects.requireNonNull(builder.logLevel, "logLevel");
        this.logRetention = Objects.requireNonNull(builder.logRetention, "logRetention");
        this.tracingEnabled = builder.tracingEnabled;
        this.lifecycleActionArns = List.copyOf(builder.lifecycleActionArns);
        if (lifecycleActionArns.isEmpty()) {
            throw new IllegalArgumentException("lifecycleActionArns must name at least one Auto Scaling group ARN (or *)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public TaskFunctions functions() {
        return functions;
    }

    public Settings settings() {
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

    /** The Auto Scaling groups whose lifecycle actions the state machine heartbeats and completes itself. */
    public List<String> lifecycleActionArns() {
        return lifecycleActionArns;
    }

    /** Builds {@link GracefulTerminationWorkflowProps}; a function for every task is required. */
    public static final class Builder {
        private final Map<WorkflowFunction, IFunction> functions = new EnumMap<>(WorkflowFunction.class);
        private Settings settings = Settings.defaults();
        private LogLevel logLevel = LogLevel.ALL;
        private RetentionDays logRetention = RetentionDays.ONE_MONTH;
        private boolean tracingEnabled = true;
        private List<String> lifecycleActionArns = List.of("*");

        private Builder() {
        }

        /** Sets every task function at once. */
        public Builder functions(TaskFunctions value) {
            WorkflowFunction.tasks().forEach(task -> function(task, value.get(task)));
            return this;
        }

        /**
         * @param task     one of {@link WorkflowFunction#tasks()}
         * @param function the function (use the alias SnapStart publishes) that runs the task's handler; required
         *                 for every task
         */
        public Builder function(WorkflowFunction task, IFunction function) {
            this.functions.put(task, function);
            return this;
        }

        /** @param value the deployed settings; @default {@link Settings#defaults()} */
        public Builder settings(Settings value) {
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

        /**
         * @param value ARNs of the Auto Scaling groups whose lifecycle actions the state machine's own role heartbeats
         *              and completes (without Lambda, when Lambda is what fails); @default {@code *}, any group
         */
        public Builder lifecycleActionArns(List<String> value) {
            this.lifecycleActionArns = value;
            return this;
        }

        public GracefulTerminationWorkflowProps build() {
            return new GracefulTerminationWorkflowProps(this);
        }
    }
}
