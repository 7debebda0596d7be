package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.CompletionReason;
import dev.gracefulworker.contract.DrainStatus;
import dev.gracefulworker.contract.FailurePolicy;
import dev.gracefulworker.contract.DefinitionLimits;
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
import software.amazon.awscdk.services.stepfunctions.tasks.CallAwsService;
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
    /**
     * Lambda's own faults, before or around the function (AWS's list in "Handle Lambda service exceptions"): the
     * service failing, throttling (a burst of terminations), and the client timing out on the Invoke call.
     */
    static final List<String> LAMBDA_SERVICE_ERRORS = List.of("Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.TooManyRequestsException", "Lambda.ClientExecutionTimeoutException");
    /**
     * A function that ran out of time or memory reaches Step Functions as Lambda.Unknown (Sandbox.Timedout from
     * current runtimes), and the task's own timeout as States.Timeout: a Kubernetes call slower than the function
     * timeout is a transient, so these are retried too.
     */
    static final List<String> FUNCTION_TIMEOUTS = List.of("Lambda.Unknown", "Sandbox.Timedout", "States.Timeout");
    /** Every way a cordon or a check can fail without anything being wrong with the drain: Lambda or Kubernetes away. */
    static final List<String> OUTAGES = concat(LAMBDA_SERVICE_ERRORS, FUNCTION_TIMEOUTS, List.of(RETRYABLE_EXCEPTION));
    static final Duration SDK_CALL_TIMEOUT = Duration.seconds(10);

    private static final String ERROR_PATH = "$.error";
    private static final String OUTAGE_FAILURE_PATH = "$.outageFailure";
    private static final List<String> MESSAGE_IDS = List.of(
            "$.EC2InstanceId", "$.LifecycleActionToken", "$.AutoScalingGroupName", "$.LifecycleHookName");

    /**
     * Where a failing task goes ("Failure policy?"), where a failing completion goes, and where a task result the
     * workflow does not know goes (to the failure policy, as an error).
     */
    private record FailurePath(Choice policy, Fail couldNotComplete, Pass unexpectedResult) {
    }

    /** The four ways a drain ends with the action completed; each goes on to "Report outcome". */
    private record Completions(LambdaInvoke drained, LambdaInvoke nothingToDrain, LambdaInvoke maxWaitReached,
                               LambdaInvoke actionEnded) {
    }

    private final Construct scope;
    private final TaskFunctions functions;
    private final List<String> lifecycleActionArns;
    private final State start;
    private final DefinitionLimits limits;

    WorkflowDefinition(Construct scope, TaskFunctions functions, Settings settings, List<String> lifecycleActionArns) {
        this.scope = scope;
        this.functions = functions;
        this.lifecycleActionArns = List.copyOf(lifecycleActionArns);
        var failure = failurePath();
        var completions = completions(failure);
        var cordon = drainLoop(completions, failure);
        var checkInstance = livenessCheck(cordon, completions.nothingToDrain(), failure);
        this.start = intake(settings, checkInstance, failure);
        this.limits = DefinitionLimitsCounter.count(start.getStateId(), statesJson());
    }

    /** The first state; the whole definition hangs off it. */
    IChainable start() {
        return start;
    }

    /** The limits counted from this definition (and rendered into "Apply per-group overrides"). */
    DefinitionLimits limits() {
        return limits;
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
        // the checks before the drain take a while at worst: a heartbeat here keeps the gap to the first check short
        var keepAlive = heartbeat(KEEP_THE_HOOK_ALIVE, cordon);
        var anythingToDrain = Choice.Builder.create(scope, ANYTHING_TO_DRAIN).build()
                // a comparison on a missing field is a runtime error no Catch sees: test for presence first
                .when(Condition.not(Condition.isPresent("$.target.verdict")), failure.unexpectedResult())
                .when(Condition.stringEquals("$.target.verdict", LivenessVerdict.DRAIN.name()), keepAlive)
                .when(Condition.stringEquals("$.target.verdict", LivenessVerdict.NOTHING_TO_DRAIN.name()),
                        completeNothingToDrain)
                .otherwise(failure.unexpectedResult());
        checkInstance.next(anythingToDrain);
        return checkInstance;
    }

    // ---- the drain loop: cordon, then check pods until none block, the deadline passes or the action ends

    private LambdaInvoke drainLoop(Completions completions, FailurePath failure) {
        // No Retry, like Check pods: a wave of drains can hold the API server at its concurrency limit for minutes
        // (the 100-node fleet run: 429s after 15 s in API Priority and Fairness's queue), and a cordon that gave up
        // after a few retries would fail the drain. Its outages share the checks' budget (maxOutageSeconds).
        var cordon = lambdaTask(CORDON_NODE, WorkflowFunction.CORDON_NODE, "$.cordon", cordonPayload());
        var waitBeforeRetryingTheCordon = waitNextInterval(WAIT_BEFORE_RETRYING_THE_CORDON);
        waitBeforeRetryingTheCordon.next(cordon);
        ridesOutOutages(cordon, CORDON_OUTAGE, waitBeforeRetryingTheCordon, failure);
        // no Retry: a failed check is an outage the loop rides out, heartbeating without Lambda (see outageLoop)
        var checkPods = lambdaTask(CHECK_PODS, WorkflowFunction.CHECK_PODS, "$.poll", checkPodsPayload());
        var waitBeforeNextCheck = waitNextInterval(WAIT_BEFORE_NEXT_CHECK);
        ridesOutOutages(checkPods, CHECK_OUTAGE, waitBeforeNextCheck, failure);
        var doneWaiting = Choice.Builder.create(scope, DONE_WAITING).build()
                .when(Condition.not(Condition.isPresent("$.poll.status")), failure.unexpectedResult())
                .when(pollStatus(DrainStatus.DRAINED), completions.drained())
                .when(pollStatus(DrainStatus.DEADLINE_PASSED), completions.maxWaitReached())
                .when(pollStatus(DrainStatus.ACTION_ENDED), completions.actionEnded())
                // the Wait's seconds come from the result: never a runtime error, never a zero-second spin
                .when(Condition.and(pollStatus(DrainStatus.WAITING),
                        Condition.isPresent("$.poll.nextWaitSeconds"),
                        Condition.numberGreaterThanEquals("$.poll.nextWaitSeconds", 1)), waitBeforeNextCheck)
                .otherwise(failure.unexpectedResult());
        waitBeforeNextCheck.next(checkPods);
        cordon.next(checkPods).next(doneWaiting);
        return cordon;
    }

    /** The states of one outage loop, as the console shows them. */
    private record OutageStates(String count, String tooLong, String stop, String keepAlive) {}

    private static final OutageStates CHECK_OUTAGE = new OutageStates(COUNT_THE_FAILED_CHECK, OUTAGE_TOO_LONG,
            STOP_RETRYING_CHECKS, KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK);
    private static final OutageStates CORDON_OUTAGE = new OutageStates(COUNT_THE_FAILED_CORDON, CORDON_OUTAGE_TOO_LONG,
            STOP_RETRYING_THE_CORDON, KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CORDON);

    /** A Wait of {@code $.poll.nextWaitSeconds}: the poll schedule's next interval (the first one before any check). */
    private Wait waitNextInterval(String name) {
        return Wait.Builder.create(scope, name).time(WaitTime.secondsPath("$.poll.nextWaitSeconds")).build();
    }

    /** The task's outages go round its outage loop, then {@code waitBeforeRetrying}; anything else to the policy. */
    private void ridesOutOutages(LambdaInvoke task, OutageStates names, Wait waitBeforeRetrying, FailurePath failure) {
        task.addCatch(outageLoop(names, waitBeforeRetrying, failure), CatchProps.builder()
                .errors(OUTAGES).resultPath(OUTAGE_FAILURE_PATH).build());
        task.addCatch(failure.policy(), catchAll());
    }

    /**
     * A cordon or check that failed for want of Lambda or Kubernetes: count the time without a check, heartbeat through
     * Auto Scaling's API directly (no Lambda), wait, try again, until maxOutageSeconds have passed without a check.
     * The cordon's and the checks' loops count into the same {@code $.poll.outage}.
     */
    private IChainable outageLoop(OutageStates names, Wait waitBeforeRetrying, FailurePath failure) {
        var count = Pass.Builder.create(scope, names.count())
                .parameters(ordered(
                        "failedChecks", JsonPath.mathAdd(JsonPath.numberAt("$.poll.outage.failedChecks"), 1),
                        "secondsWithoutCheck", JsonPath.mathAdd(JsonPath.numberAt("$.poll.outage.secondsWithoutCheck"),
                                JsonPath.numberAt("$.poll.nextWaitSeconds"))))
                .resultPath("$.poll.outage")
                .build();
        var stop = Pass.Builder.create(scope, names.stop())
                .comment("maxOutageSeconds passed without a check: the last failure is the drain's error")
                .parameters(ordered(
                        "Error", JsonPath.stringAt(OUTAGE_FAILURE_PATH + ".Error"),
                        "Cause", JsonPath.stringAt(OUTAGE_FAILURE_PATH + ".Cause")))
                .resultPath(ERROR_PATH)
                .build();
        stop.next(failure.policy());
        var keepAlive = heartbeat(names.keepAlive(), waitBeforeRetrying);
        var tooLong = Choice.Builder.create(scope, names.tooLong()).build()
                .when(Condition.numberGreaterThanEqualsJsonPath("$.poll.outage.secondsWithoutCheck",
                        "$.settings.maxOutageSeconds"), stop)
                .otherwise(keepAlive);
        return count.next(tooLong);
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
        var drainFailed = failWithCaughtError(DRAIN_FAILED);
        // fail open without Lambda: when Lambda is what failed, a completion through Lambda would fail too
        var completeAfterFailure = autoScalingCall(COMPLETE_AFTER_FAILURE, "completeLifecycleAction",
                "autoscaling:CompleteLifecycleAction", completeAfterFailureParameters());
        // the completion's own error goes beside the drain's, which stays the execution's error
        completeAfterFailure.addCatch(failWithCaughtError(DRAIN_FAILED_ACTION_NOT_COMPLETED),
                CatchProps.builder().errors(List.of("States.ALL")).resultPath("$.completionError").build());
        completeAfterFailure.next(drainFailed);
        var policy = Choice.Builder.create(scope, FAILURE_POLICY).build()
                .when(Condition.stringEquals("$.settings.onFailure", FailurePolicy.LEAVE_TO_HOOK_TIMEOUT.name()),
                        failWithCaughtError(LEFT_TO_HOOK_TIMEOUT))
                // a dry run completes nothing, not even after a failure
                .when(Condition.booleanEquals("$.settings.dryRun", true), drainFailed)
                .otherwise(completeAfterFailure);
        var unexpected = Pass.Builder.create(scope, UNEXPECTED_TASK_RESULT)
                .comment("A task returned a result without the field the next Choice reads, or a value it does not know")
                .parameters(ordered(
                        "Error", "UnexpectedTaskResult",
                        "Cause", "A task's result lacks the field the next Choice reads, or holds a value the workflow "
                                + "does not know: see this state's input"))
                .resultPath(ERROR_PATH)
                .build();
        unexpected.next(policy);
        return new FailurePath(policy, couldNotComplete, unexpected);
    }

    // ---- building blocks

    private LambdaInvoke completion(String name, String result, CompletionReason reason) {
        return task(name, WorkflowFunction.COMPLETE_LIFECYCLE_ACTION, "$.completion", completePayload(result, reason));
    }

    /** A Lambda task retried on every transient error. */
    private LambdaInvoke task(String name, WorkflowFunction function, String resultPath, Map<String, ?> payload) {
        var task = lambdaTask(name, function, resultPath, payload);
        task.addRetry(RetryProps.builder()
                .errors(LAMBDA_SERVICE_ERRORS)
                .interval(Duration.seconds(1)).maxAttempts(2).backoffRate(2).jitterStrategy(JitterType.FULL)
                .build());
        task.addRetry(RetryProps.builder()
                .errors(FUNCTION_TIMEOUTS)
                .interval(Duration.seconds(1)).maxAttempts(1).jitterStrategy(JitterType.FULL)
                .build());
        // the handlers throw it for a failed call to Kubernetes or AWS that may well work a moment later
        task.addRetry(RetryProps.builder()
                .errors(List.of(RETRYABLE_EXCEPTION))
                .interval(Duration.seconds(2)).maxAttempts(2).backoffRate(2).jitterStrategy(JitterType.FULL)
                .build());
        return task;
    }

    private LambdaInvoke lambdaTask(String name, WorkflowFunction function, String resultPath, Map<String, ?> payload) {
        return LambdaInvoke.Builder.create(scope, name)
                .lambdaFunction(functions.get(function))
                // the function ARN as Resource: the task result is the handler's return value, nothing wrapped
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(false)
                .payload(TaskInput.fromObject(payload))
                .resultPath(resultPath)
                .taskTimeout(Timeout.duration(Duration.seconds(function.taskTimeoutSeconds())))
                .build();
    }

    /** RecordLifecycleActionHeartbeat straight through Auto Scaling's API (no Lambda in the way), then {@code next}. */
    private CallAwsService heartbeat(String name, IChainable next) {
        var heartbeat = autoScalingCall(name, "recordLifecycleActionHeartbeat",
                "autoscaling:RecordLifecycleActionHeartbeat", lifecycleActionParameters());
        // a missed heartbeat is not a failure: the next check finds out whether the action is still there
        heartbeat.addCatch(next, CatchProps.builder().errors(List.of("States.ALL")).resultPath(JsonPath.DISCARD).build());
        heartbeat.next(next);
        return heartbeat;
    }

    /** An Auto Scaling API call as a Step Functions AWS SDK integration, retried on any error. */
    private CallAwsService autoScalingCall(String name, String action, String iamAction, Map<String, Object> parameters) {
        var call = CallAwsService.Builder.create(scope, name)
                .service("autoscaling")
                .action(action)
                .iamAction(iamAction)
                .iamResources(lifecycleActionArns)
                .parameters(parameters)
                .resultPath(JsonPath.DISCARD)
                .taskTimeout(Timeout.duration(SDK_CALL_TIMEOUT))
                .build();
        // throttling and server errors are named by Auto Scaling's error codes; a bad request fails again quickly
        call.addRetry(RetryProps.builder()
                .errors(List.of("States.ALL"))
                .interval(Duration.seconds(1)).maxAttempts(2).backoffRate(2).jitterStrategy(JitterType.FULL)
                .build());
        return call;
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
        poll.put("nextWaitSeconds", JsonPath.numberAt("$.settings.pollIntervalSeconds"));
        poll.put("outage", ordered("failedChecks", 0, "secondsWithoutCheck", 0));
        poll.put("waitStartedAt", JsonPath.stringAt("$$.Execution.StartTime"));
        poll.put("lastHeartbeatAt", JsonPath.stringAt("$$.Execution.StartTime"));
        return poll;
    }

    private Map<String, Object> overridesPayload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("deployed", JsonPath.stringAt("$.settings"));
        payload.put("notificationMetadata", JsonPath.stringAt("$.NotificationMetadata"));
        // the limits are counted once the whole definition exists, and rendered at synth
        payload.put("limits", limitsJson());
        return payload;
    }

    /** {@link DefinitionLimits} as JSON, each number a token resolved at synth, when the definition is complete. */
    private Map<String, Object> limitsJson() {
        var history = new LinkedHashMap<String, Object>();
        history.put("fixedEvents", later(() -> limits.history().fixedEvents()));
        history.put("eventsPerPollIteration", later(() -> limits.history().eventsPerPollIteration()));
        var heartbeat = new LinkedHashMap<String, Object>();
        heartbeat.put("untilFirstHeartbeatSeconds", later(() -> limits.heartbeat().untilFirstHeartbeatSeconds()));
        heartbeat.put("untilFirstCheckSeconds", later(() -> limits.heartbeat().untilFirstCheckSeconds()));
        heartbeat.put("checkSeconds", later(() -> limits.heartbeat().checkSeconds()));
        heartbeat.put("heartbeatCallSeconds", later(() -> limits.heartbeat().heartbeatCallSeconds()));
        var json = new LinkedHashMap<String, Object>();
        json.put("history", history);
        json.put("heartbeat", heartbeat);
        return json;
    }

    private static Number later(java.util.function.IntSupplier value) {
        return Lazy.number(new IStableNumberProducer() {
            @Override
            public Number produce() {
                return value.getAsInt();
            }
        });
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
        payload.put("excludeFromLoadBalancers", JsonPath.stringAt("$.settings.excludeFromLoadBalancers"));
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

    /** The lifecycle action as Auto Scaling's API names it (PascalCase, as SDK integrations take parameters). */
    private static Map<String, Object> lifecycleActionParameters() {
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("AutoScalingGroupName", JsonPath.stringAt("$.AutoScalingGroupName"));
        parameters.put("LifecycleHookName", JsonPath.stringAt("$.LifecycleHookName"));
        parameters.put("LifecycleActionToken", JsonPath.stringAt("$.LifecycleActionToken"));
        parameters.put("InstanceId", JsonPath.stringAt("$.EC2InstanceId"));
        return parameters;
    }

    private static Map<String, Object> completeAfterFailureParameters() {
        var parameters = lifecycleActionParameters();
        parameters.put("LifecycleActionResult", JsonPath.stringAt("$.settings.onFailure"));
        return parameters;
    }

    /** Two keys in this order: Map.of iterates in a per-JVM order, and the exported file must not change with it. */
    private static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
        var map = new LinkedHashMap<String, Object>();
        map.put(key1, value1);
        map.put(key2, value2);
        return map;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
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
