package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.FindStateOptions;
import software.amazon.awscdk.services.stepfunctions.IChainable;
import software.amazon.awscdk.services.stepfunctions.JitterType;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.Result;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.State;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.Timeout;
import software.amazon.awscdk.services.stepfunctions.Wait;
import software.amazon.awscdk.services.stepfunctions.WaitTime;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.gracefulworker.statemachine.WorkflowStates.*;

/** The states of WORKFLOW.md and their transitions, built in a scope; {@link #start()} is the chain to deploy. */
final class WorkflowDefinition {

    static final String TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING";
    static final String RETRYABLE_EXCEPTION = "dev.gracefulworker.functions.RetryableException";
    static final List<String> LAMBDA_TRANSIENT_ERRORS = List.of("Lambda.ServiceException",
            "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
            "States.Timeout");
    static final Duration TASK_TIMEOUT = Duration.seconds(60);

    private static final String CONTINUE = "CONTINUE";
    private static final String ERROR_PATH = "$.error";
    private static final List<String> MESSAGE_IDS = List.of(
            "$.EC2InstanceId", "$.LifecycleActionToken", "$.AutoScalingGroupName", "$.LifecycleHookName");

    private final Construct scope;
    private final State start;

    WorkflowDefinition(Construct scope, TaskFunctions functions, WorkflowSettings settings) {
        this.scope = scope;

        var ignored = Succeed.Builder.create(scope, IGNORED_NOT_A_TERMINATION)
                .comment("Test notifications, launches and anything else that is not a terminating lifecycle action")
                .build();
        var malformed = Fail.Builder.create(scope, REJECTED_MALFORMED_MESSAGE)
                .error("MalformedLifecycleMessage")
                .cause("LifecycleTransition is " + TERMINATING + " but EC2InstanceId, LifecycleActionToken, "
                        + "AutoScalingGroupName or LifecycleHookName is missing")
                .build();
        var loadSettings = Pass.Builder.create(scope, LOAD_DEPLOYED_SETTINGS)
                .result(Result.fromObject(settings.toStateJson()))
                .resultPath("$.settings")
                .build();
        var startClock = Pass.Builder.create(scope, START_THE_CLOCK)
                .parameters(initialPoll())
                .resultPath("$.poll")
                .build();
        var applyOverrides = task(APPLY_PER_GROUP_OVERRIDES, functions.applySettingsOverrides(), "$.settings",
                overridesPayload());
        var checkInstance = task(CHECK_INSTANCE_AND_NODE, functions.checkLiveness(), "$.target", Map.of(
                "instanceId", JsonPath.stringAt("$.EC2InstanceId")));
        var cordon = task(CORDON_NODE, functions.cordonNode(), "$.cordon", cordonPayload());
        var checkPods = task(CHECK_PODS, functions.checkPods(), "$.poll", checkPodsPayload());
        var waitBeforeNextCheck = Wait.Builder.create(scope, WAIT_BEFORE_NEXT_CHECK)
                .time(WaitTime.secondsPath("$.poll.nextWaitSeconds"))
                .build();

        var complete = functions.completeLifecycleAction();
        var completeDrained = task(COMPLETE_DRAINED, complete, "$.completion",
                completePayload(CONTINUE, "drained"));
        var completeNothingToDrain = task(COMPLETE_NOTHING_TO_DRAIN, complete, "$.completion",
                completePayload(CONTINUE, "nothingToDrain"));
        var completeMaxWait = task(COMPLETE_MAX_WAIT_REACHED, complete, "$.completion",
                completePayload(JsonPath.stringAt("$.settings.onTimeout"), "timeout"));
        var completeActionEnded = task(COMPLETE_ACTION_ALREADY_ENDED, complete, "$.completion",
                completePayload(CONTINUE, "actionEnded"));
        var completeAfterFailure = task(COMPLETE_AFTER_FAILURE, complete, "$.completion",
                completePayload(JsonPath.stringAt("$.settings.onFailure"), "failed"));

        var reportOutcome = Pass.Builder.create(scope, REPORT_OUTCOME).parameters(outcome()).build();
        var done = Succeed.Builder.create(scope, DONE).build();
        var drainFailed = failWithCaughtError(DRAIN_FAILED);
        var leftToHookTimeout = failWithCaughtError(LEFT_TO_HOOK_TIMEOUT);
        var couldNotComplete = failWithCaughtError(COULD_NOT_COMPLETE);

        var failurePolicy = Choice.Builder.create(scope, FAILURE_POLICY).build()
                .when(Condition.stringEquals("$.settings.onFailure", FailurePolicy.LEAVE_TO_HOOK_TIMEOUT.name()),
                        leftToHookTimeout)
                .otherwise(completeAfterFailure);
        completeAfterFailure.next(drainFailed);

        for (var clusterTask : List.of(applyOverrides, checkInstance, cordon, checkPods)) {
            clusterTask.addCatch(failurePolicy, catchAll());
        }
        for (var completion : List.of(completeDrained, completeNothingToDrain, completeMaxWait, completeActionEnded,
                completeAfterFailure)) {
            completion.addCatch(couldNotComplete, catchAll());
        }
        for (var completion : List.of(completeDrained, completeNothingToDrain, completeMaxWait, completeActionEnded)) {
            completion.next(reportOutcome);
        }
        reportOutcome.next(done);

        var doneWaiting = Choice.Builder.create(scope, DONE_WAITING).build()
                .when(pollStatus("DRAINED"), completeDrained)
                .when(pollStatus("DEADLINE_PASSED"), completeMaxWait)
                .when(pollStatus("ACTION_ENDED"), completeActionEnded)
                .otherwise(waitBeforeNextCheck);
        waitBeforeNextCheck.next(checkPods);
        cordon.next(checkPods).next(doneWaiting);

        var anythingToDrain = Choice.Builder.create(scope, ANYTHING_TO_DRAIN).build()
                .when(Condition.stringEquals("$.target.verdict", "DRAIN"), cordon)
                .otherwise(completeNothingToDrain);
        checkInstance.next(anythingToDrain);
        applyOverrides.next(checkInstance);
        var perGroupOverrides = Choice.Builder.create(scope, PER_GROUP_OVERRIDES).build()
                .when(Condition.isPresent("$.NotificationMetadata"), applyOverrides)
                .otherwise(checkInstance);
        loadSettings.next(startClock).next(perGroupOverrides);

        // Rules are tried in order, so LifecycleTransition is compared only once it is known to be present:
        // a comparison on a missing field is a runtime error in Step Functions, not a non-match.
        // Not(IsPresent) rather than IsPresent=false: aws-local-stepfunctions 3.0.0 never matches IsPresent=false.
        var isTermination = Choice.Builder.create(scope, IS_IT_A_TERMINATION).build()
                .when(Condition.not(Condition.isPresent("$.LifecycleTransition")), ignored)
                .when(isTerminatingWithAllIds(), loadSettings)
                .when(isTerminating(), malformed)
                .otherwise(ignored);
        this.start = isTermination;
    }

    /** The first state; the whole definition hangs off it. */
    IChainable start() {
        return start;
    }

    String startStateName() {
        return start.getStateId();
    }

    /** Every state's own JSON, by name, as the deployed definition will hold it. */
    Map<String, JsonNode> statesJson() {
        var states = new LinkedHashMap<String, JsonNode>();
        for (State state : State.findReachableStates(start, FindStateOptions.builder().includeErrorHandlers(true).build())) {
            states.put(state.getStateId(), state.toStateJson());
        }
        return states;
    }

    private LambdaInvoke task(String name, IFunction function, String resultPath, Map<String, ?> payload) {
        var task = LambdaInvoke.Builder.create(scope, name)
                .lambdaFunction(function)
                // the function ARN as Resource: the task result is the handler's return value, nothing wrapped
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(false)
                .payload(TaskInput.fromObject(payload))
                .resultPath(resultPath)
                .taskTimeout(Timeout.duration(TASK_TIMEOUT))
                .build();
        task.addRetry(RetryProps.builder()
                .errors(LAMBDA_TRANSIENT_ERRORS)
                .interval(Duration.seconds(2)).maxAttempts(6).backoffRate(2).jitterStrategy(JitterType.FULL)
                .build());
        task.addRetry(RetryProps.builder()
                .errors(List.of(RETRYABLE_EXCEPTION))
                .interval(Duration.seconds(3)).maxAttempts(5).backoffRate(2).jitterStrategy(JitterType.FULL)
                .build());
        return task;
    }

    private Fail failWithCaughtError(String name) {
        return Fail.Builder.create(scope, name)
                .errorPath(ERROR_PATH + ".Error")
                .causePath(ERROR_PATH + ".Cause")
                .build();
    }

    private static CatchProps catchAll() {
        return CatchProps.builder().errors(List.of("States.ALL")).resultPath(ERROR_PATH).build();
    }

    private static Condition isTerminating() {
        return Condition.stringEquals("$.LifecycleTransition", TERMINATING);
    }

    private static Condition isTerminatingWithAllIds() {
        var conditions = new java.util.ArrayList<Condition>();
        conditions.add(isTerminating());
        MESSAGE_IDS.forEach(path -> conditions.add(Condition.isPresent(path)));
        return Condition.and(conditions.toArray(Condition[]::new));
    }

    private static Condition pollStatus(String status) {
        return Condition.stringEquals("$.poll.status", status);
    }

    private static Map<String, Object> initialPoll() {
        var poll = new LinkedHashMap<String, Object>();
        poll.put("status", "NOT_STARTED");
        poll.put("polls", 0);
        poll.put("heartbeats", 0);
        poll.put("waitedFor", 0);
        poll.put("waitStartedAt", JsonPath.stringAt("$$.Execution.StartTime"));
        poll.put("lastHeartbeatAt", JsonPath.stringAt("$$.Execution.StartTime"));
        return poll;
    }

    // payloads are ordered maps: Map.of iterates in a per-JVM order, and the exported file must not change with it
    private static Map<String, Object> overridesPayload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("deployed", JsonPath.stringAt("$.settings"));
        payload.put("notificationMetadata", JsonPath.stringAt("$.NotificationMetadata"));
        return payload;
    }

    private static Map<String, Object> lifecycleIds() {
        var ids = new LinkedHashMap<String, Object>();
        ids.put("instanceId", JsonPath.stringAt("$.EC2InstanceId"));
        ids.put("autoScalingGroupName", JsonPath.stringAt("$.AutoScalingGroupName"));
        ids.put("lifecycleHookName", JsonPath.stringAt("$.LifecycleHookName"));
        return ids;
    }

    private static Map<String, Object> cordonPayload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("nodeName", JsonPath.stringAt("$.target.nodeName"));
        payload.putAll(lifecycleIds());
        payload.put("executionName", JsonPath.stringAt("$$.Execution.Name"));
        payload.put("taintNode", JsonPath.stringAt("$.settings.taintNode"));
        payload.put("dryRun", JsonPath.stringAt("$.settings.dryRun"));
        return payload;
    }

    private static Map<String, Object> checkPodsPayload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("nodeName", JsonPath.stringAt("$.target.nodeName"));
        payload.putAll(lifecycleIds());
        payload.put("lifecycleActionToken", JsonPath.stringAt("$.LifecycleActionToken"));
        payload.put("settings", JsonPath.stringAt("$.settings"));
        payload.put("previous", JsonPath.stringAt("$.poll"));
        return payload;
    }

    /** The payload of a {@code Complete: ...} task; {@code result} is a fixed value or a path into the settings. */
    private static Map<String, Object> completePayload(String result, String reason) {
        var payload = lifecycleIds();
        payload.put("lifecycleActionToken", JsonPath.stringAt("$.LifecycleActionToken"));
        payload.put("result", result);
        payload.put("reason", reason);
        payload.put("dryRun", JsonPath.stringAt("$.settings.dryRun"));
        payload.put("startedAt", JsonPath.stringAt("$$.Execution.StartTime"));
        return payload;
    }

    private static Map<String, Object> outcome() {
        var outcome = new LinkedHashMap<String, Object>();
        outcome.put("instanceId", JsonPath.stringAt("$.EC2InstanceId"));
        outcome.put("autoScalingGroupName", JsonPath.stringAt("$.AutoScalingGroupName"));
        outcome.put("nodeName", JsonPath.stringAt("$.target.nodeName"));
        outcome.put("outcome", JsonPath.stringAt("$.completion.outcome"));
        outcome.put("result", JsonPath.stringAt("$.completion.result"));
        outcome.put("dryRun", JsonPath.stringAt("$.settings.dryRun"));
        outcome.put("podsWaitedFor", JsonPath.stringAt("$.poll.waitedFor"));
        outcome.put("polls", JsonPath.stringAt("$.poll.polls"));
        outcome.put("heartbeats", JsonPath.stringAt("$.poll.heartbeats"));
        outcome.put("durationSeconds", JsonPath.stringAt("$.completion.durationSeconds"));
        outcome.put("reason", JsonPath.stringAt("$.target.reason"));
        return outcome;
    }
}
