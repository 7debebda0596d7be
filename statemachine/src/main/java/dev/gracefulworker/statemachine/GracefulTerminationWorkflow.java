package dev.gracefulworker.statemachine;

import dev.gracefulworker.contract.DefinitionLimits;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.contract.SettingsViolation;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

import java.util.List;

/**
 * The graceful termination workflow of WORKFLOW.md as a Standard state machine: it cordons the node of a terminating
 * instance, waits for (or evicts) its pods while keeping the lifecycle hook alive, and completes the lifecycle action,
 * failing open. Settings are checked at synth: a bad combination fails {@code cdk synth} with a message naming the keys.
 */
public final class GracefulTerminationWorkflow extends Construct {

    /**
     * Per-group overrides may raise maxWaitSeconds up to the hook's 48 h limit, so the execution timeout covers that
     * longest wait plus an hour for the work around it; the workflow's own deadline ends every wait before it.
     */
    public static final Duration EXECUTION_TIMEOUT =
            Duration.seconds(Settings.MAX_WAIT_LIMIT_SECONDS + 3_600);

    /** Where Step Functions' vended execution logs belong (Step Functions developer guide, "Logging"). */
    public static final String VENDED_LOGS_PREFIX = "/aws/vendedlogs/states/";

    private final Settings settings;
    private final DefinitionLimits limits;
    private final LogGroup logGroup;
    private final StateMachine stateMachine;

    public GracefulTerminationWorkflow(Construct scope, String id, GracefulTerminationWorkflowProps props) {
        super(scope, id);
        this.settings = props.settings();
        var definition = new WorkflowDefinition(this, props.functions(), settings, props.lifecycleActionArns());
        this.logGroup = LogGroup.Builder.create(this, "ExecutionLogs")
                .logGroupName(executionLogGroupName())
                .retention(props.logRetention())
                .build();
        this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineType(StateMachineType.STANDARD)
                .comment("Drains the Kubernetes node of an instance its Auto Scaling group terminates, then completes "
                        + "the lifecycle action (graceful-worker-terminator)")
                .definitionBody(DefinitionBody.fromChainable(definition.start()))
                .timeout(EXECUTION_TIMEOUT)
                .tracingEnabled(props.tracingEnabled())
                .logs(LogOptions.builder()
                        .destination(logGroup)
                        .level(props.logLevel())
                        .includeExecutionData(true)
                        .build())
                .build();
        this.limits = definition.limits();
        getNode().addValidation(this::validate);
    }

    /**
     * {@value #VENDED_LOGS_PREFIX}{@code <stack name>-executions-<first part of the stack id's UUID>}. Step Functions
     * delivers logs as a vended log source: under this prefix, CloudWatch Logs' account-wide resource policy (5,120
     * characters) keeps one statement for the prefix instead of one per log group, so it does not overflow as stacks
     * are added. The stack id's UUID keeps the name unique when a stack is deleted (the group is retained) and
     * created again.
     */
    private static String executionLogGroupName() {
        String stackUuid = Fn.select(2, Fn.split("/", Aws.STACK_ID));
        return Fn.join("", List.of(VENDED_LOGS_PREFIX, Aws.STACK_NAME, "-executions-",
                Fn.select(0, Fn.split("-", stackUuid))));
    }

    // the same rules "Apply per-group overrides" applies at run time, with the limits counted from this definition
    private List<String> validate() {
        return settings.violations(limits).stream().map(SettingsViolation::message).toList();
    }

    /** The state machine; grant StartExecution on it to whatever starts executions. */
    public StateMachine getStateMachine() {
        return stateMachine;
    }

    /** The log group that receives the execution log. */
    public LogGroup getLogGroup() {
        return logGroup;
    }

    /** The settings rendered into the definition. */
    public Settings getSettings() {
        return settings;
    }

    /** What this definition can afford: its history budget and its heartbeat budget. */
    public DefinitionLimits getLimits() {
        return limits;
    }
}
