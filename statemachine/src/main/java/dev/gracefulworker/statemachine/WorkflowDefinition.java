package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.CompletionReason;
import dev.gracefulworker.contract.DrainStatus;
import dev.gracefulworker.contract.FailurePolicy;
import dev.gracefulworker.contract.HistoryBudget;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.contract.LivenessVerdict;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.contract.WorkflowFunction;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.IStableNumberProducer;
import software.amazon.awscdk.Lazy;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.gracefulworker.statemachine.WorkflowStates.*;

/**
 * The states of WORKFLOW.md and their transitions, built in a scope; {@link #start()} is the chain to deploy. Built
 * back to front: the failure path, the completions, the drain loop, the liveness check, then the intake. Every value
 * a Choice compares comes from the contract's enums, so a status the handlers can return is a status the Choice knows.
 */
final class WorkflowDefinition {

    static final String TERMINATING = "autoscaling:EC2_INSTANCE_TERMINATING";
    static final String RETRYABLE_EXCEPTION = "dev.gracefulworker.functions.RetryableException";
    static final List<String> LAMBDA_TRANSIENT_ERRORS = List.of("Lambda.ServiceException",
            "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
            "States.Timeout");
    static final Duration TASK_TIMEOUT = Duration.seconds(60);
    /** The states one poll iteration passes through; the contract's per-iteration event count must match them. */
    static final List<String> POLL_LOOP = List.of(WAIT_BEFORE_NEXT_CHECK, CHECK_PODS, DONE_WAITING);

    private static final String ERROR_PATH = "$.error";
    private static final List<String> MESSAGE_IDS = List.of(
            "$.EC2InstanceId", "$.LifecycleActionToken", "$.AutoScalingGroupName", "$.LifecycleHookName");

    /** Where a failing task goes ("Failure policy?"), and where a failing completion goes. */
    private record FailurePath(Choice policy, Fail couldNotComplete) {
    }

    /** The four ways a drain ends with the action completed; each goes on to "Report outcome". */
    private record Completions(LambdaInvoke drained, LambdaInvoke nothingToDrain, LambdaInvoke maxWaitReached,
                               LambdaInvoke actionEnded) {
    }

    private final Construct scope;
    private final TaskFunctions functions;
    private final State start;
    private final HistoryBudget historyBudget;

    WorkflowDefinition(Construct scope, TaskFunctions functions, Settings settings) {
        this.scope = scope;
        this.functions = functions;
        var failure = failurePath();
        var completions = completions(failure);
        var cordon = drainLoop(completions, failure);
        var checkInstance = livenessCheck(cordon, completions.nothingToDrain(), failure);
        this.start = intake(settings, checkInstance, failure);
        this.historyBudget = countHistoryBudget();
    }

    /** The first state; the whole definition hangs off it. */
    IChainable start() {
        return start;
    }

    /** The history budget counted from this definition (and rendered into "Apply per-group overrides"). */
    HistoryBudget historyBudget() {
        return historyBudget;
    }

    /** Every state's own JSON, by name, as the deployed definition will hold it. */
    Map<String, JsonNode> statesJson() {
        var states = new LinkedHashMap<String, JsonNode>();
        for (State state : State.findReachableStates(start, FindStateOptions.builder().includeErrorHandlers(true).build())) {
            states.put(state.getStateId(), state.toStateJson());
        }
        return states;
    }

    // ---- intake: is it a termination, which settings, which node

    private State intake(Settings settings, LambdaInvoke checkInstance, FailurePath failure) {
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
        var applyOverrides = task(APPLY_PER_GROUP_OVERRIDES, WorkflowFunction.APPLY_SETTINGS_OVERRIDES, "$.settings",
                overridesPayload());
        applyOverrides.addCatch(failure.policy(), catchAll());
        applyOverrides.next(checkInstance);
        var perGroupOverrides = Choice.Builder.create(scope, PER_GROUP_OVERRIDES).build()
                .when(Condition.isPresent("$.NotificationMetadata"), applyOverrides)
                .otherwise(checkInstance);
        loadSettings.next(startClock).next(perGroupOverrides);

        // Rules are tried in order, so LifecycleTransition is compared only once it is known to be present:
        // a comparison on a missing field is a runtime error in Step Functions, not a non-match.
        // Not(IsPresent) rather than IsPresent=false: aws-local-stepfunctions 3.0.0 never matches IsPresent=false.
        return Choice.Builder.create(scope, IS_IT_A_TERMINATION).build()
                .when(Condition.not(Condition.isPresent("$.LifecycleTransition")), ignored)
                .when(isTerminatingWithAllIds(), loadSettings)
                .when(isTerminating(), malformed)
                .otherwise(ignored);
    }

    // ---- liveness: is there a running instance with a node to drain

    private LambdaInvoke livenessCheck(LambdaInvoke cordon, LambdaInvoke completeNothingToDrain, FailurePath failure) {
        var checkInstance = task(CHECK_INSTANCE_AND_NODE, WorkflowFunction.CHECK_LIVENESS, "$.target", Map.of(
                "instanceId", JsonPath.stringAt("$.EC2InstanceId")));
        checkInstance.addCatch(failure.policy(), catchAll());
        var anythingToDrain = Choice.Builder.create(scope, ANYTHING_TO_DRAIN).build()
                .when(Condition.stringEquals("$.target.verdict", LivenessVerdict.DRAIN.name()), cordon)
                .when(Condition.stringEquals("$.target.verdict", LivenessVerdict.NOTHING_TO_DRAIN.name()),
                        completeNothingToDrain)
                .otherwise(completeNothingToDrain);
        checkInstance.next(anythingToDrain);
        return checkInstance;
    }

    // ---- the drain loop: cordon, then check pods until none block, the deadline passes or the action ends

    private LambdaInvoke drainLoop(Completions completions, FailurePath failure) {
        var cordon = task(CORDON_NODE, WorkflowFunction.CORDON_NODE, "$.cordon", cordonPayload());
        var checkPods = task(CHECK_PODS, WorkflowFunction.CHECK_PODS, "$.poll", checkPodsPayload());
        for (var clusterTask : List.of(cordon, checkPods)) {
            clusterTask.addCatch(failure.policy(), catchAll());
        }
        var waitBeforeNextCheck = Wait.Builder.create(scope, WAIT_BEFORE_NEXT_CHECK)
                .time(WaitTime.secondsPath("$.poll.nextWaitSeconds"))
                .build();
        var doneWaiting = Choice.Builder.create(scope, DONE_WAITING).build()
                .when(pollStatus(DrainStatus.DRAINED), completions.drained())
                .when(pollStatus(DrainStatus.DEADLINE_PASSED), completions.maxWaitReached())
                .when(pollStatus(DrainStatus.ACTION_ENDED), completions.actionEnded())
                .when(pollStatus(DrainStatus.WAITING), waitBeforeNextCheck)
                .otherwise(waitBeforeNextCheck);
        waitBeforeNextCheck.next(checkPods);
        cordon.next(checkPods).next(doneWaiting);
        return cordon;
    }

    // ---- completions: the action is completed once, whichever way the drain ended

    private Completions completions(FailurePath failure) {
        var completions = new Completions(
                completion(COMPLETE_DRAINED, LifecycleResult.CONTINUE.name(), CompletionReason.DRAINED),
                completion(COMPLETE_NOTHING_TO_DRAIN, LifecycleResult.CONTINUE.name(), CompletionReason.NOTHING_TO_DRAIN),
                completion(COMPLETE_MAX_WAIT_REACHED, JsonPath.stringAt("$.settings.onTimeout"), CompletionReason.TIMEOUT),
                completion(COMPLETE_ACTION_ALREADY_ENDED, LifecycleResult.CONTINUE.name(), CompletionReason.ACTION_ENDED));
        var reportOutcome = Pass.Builder.create(scope, REPORT_OUTCOME).parameters(outcome()).build();
        reportOutcome.next(Succeed.Builder.create(scope, DONE).build());
        for (var completion : List.of(completions.drained(), completions.nothingToDrain(), completions.maxWaitReached(),
                completions.actionEnded())) {
            completion.addCatch(failure.couldNotComplete(), catchAll());
            completion.next(reportOutcome);
        }
        return completions;
    }

    // ---- the failure path: every task's Catch, then the failure policy

    private FailurePath failurePath() {
        var couldNotComplete = failWithCaughtError(COULD_NOT_COMPLETE);
        var completeAfterFailure = completion(COMPLETE_AFTER_FAILURE, JsonPath.stringAt("$.settings.onFailure"),
                CompletionReason.FAILED);
        completeAfterFailure.addCatch(couldNotComplete, catchAll());
        completeAfterFailure.next(failWithCaughtError(DRAIN_FAILED));
        var policy = Choice.Builder.create(scope, FAILURE_POLICY).build()
                .when(Condition.stringEquals("$.settings.onFailure", FailurePolicy.LEAVE_TO_HOOK_TIMEOUT.name()),
                        failWithCaughtError(LEFT_TO_HOOK_TIMEOUT))
                .otherwise(completeAfterFailure);
        return new FailurePath(policy, couldNotComplete);
    }

    // ---- building blocks

    private LambdaInvoke completion(String name, String result, CompletionReason reason) {
        return task(name, WorkflowFunction.COMPLETE_LIFECYCLE_ACTION, "$.completion", completePayload(result, reason));
    }

    private LambdaInvoke task(String name, WorkflowFunction function, String resultPath, Map<String, ?> payload) {
        var task = LambdaInvoke.Builder.create(scope, name)
                .lambdaFunction(functions.get(function))
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

    private HistoryBudget countHistoryBudget() {
        var states = statesJson();
        var budget = HistoryOverhead.of(start.getStateId(), states);
        int loopEvents = HistoryOverhead.loopEvents(POLL_LOOP, states);
        if (loopEvents != HistoryBudget.EVENTS_PER_POLL_ITERATION) {
            throw new IllegalStateException("One poll iteration (" + POLL_LOOP + ") costs " + loopEvents
                    + " history events, but the contract's HistoryBudget counts "
                    + HistoryBudget.EVENTS_PER_POLL_ITERATION + ": change them together");
        }
        return budget;
    }

    private static CatchProps catchAll() {
        return CatchProps.builder().errors(List.of("States.ALL")).resultPath(ERROR_PATH).build();
    }

    private static Condition isTerminating() {
        return Condition.stringEquals("$.LifecycleTransition", TERMINATING);
    }

    private static Condition isTerminatingWithAllIds() {
        var conditions = new ArrayList<Condition>();
        conditions.add(isTerminating());
        MESSAGE_IDS.forEach(path -> conditions.add(Condition.isPresent(path)));
        return Condition.and(conditions.toArray(Condition[]::new));
    }

    private static Condition pollStatus(DrainStatus status) {
        return Condition.stringEquals("$.poll.status", status.name());
    }

    // ---- payloads: ordered maps, since Map.of iterates in a per-JVM order and the exported file must not change

    private static Map<String, Object> initialPoll() {
        var poll = new LinkedHashMap<String, Object>();
        poll.put("status", DrainStatus.NOT_STARTED.name());
        poll.put("polls", 0);
        poll.put("heartbeats", 0);
        poll.put("waitedFor", 0);
        poll.put("waitStartedAt", JsonPath.stringAt("$$.Execution.StartTime"));
        poll.put("lastHeartbeatAt", JsonPath.stringAt("$$.Execution.StartTime"));
        return poll;
    }

    private Map<String, Object> overridesPayload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("deployed", JsonPath.stringAt("$.settings"));
        payload.put("notificationMetadata", JsonPath.stringAt("$.NotificationMetadata"));
        // the budget is counted once the whole definition exists, and rendered at synth
        payload.put("historyBudget", Map.of("fixedEvents", Lazy.number(new IStableNumberProducer() {
            @Override
            public Number produce() {
                return historyBudget.fixedEvents();
            }
        })));
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

    /** The payload of a "Complete …" task; {@code result} is a fixed value or a path into the settings. */
    private static Map<String, Object> completePayload(String result, CompletionReason reason) {
        var payload = lifecycleIds();
        payload.put("lifecycleActionToken", JsonPath.stringAt("$.LifecycleActionToken"));
        payload.put("result", result);
        payload.put("reason", reason.wire());
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
