package dev.gracefulworker.statemachine;

import static dev.gracefulworker.statemachine.WorkflowStates.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.contract.DrainMode;
import dev.gracefulworker.contract.FailurePolicy;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.contract.PodSelector;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.contract.WorkflowFunction;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.stepfunctions.LogLevel;

class GracefulTerminationWorkflowTest {

    /** A Lambda task state of each function, with the function it invokes. */
    private static final Map<String, WorkflowFunction> LAMBDA_TASKS = Map.of(
            APPLY_PER_GROUP_OVERRIDES, WorkflowFunction.APPLY_SETTINGS_OVERRIDES,
            CHECK_INSTANCE_AND_NODE, WorkflowFunction.CHECK_LIVENESS,
            CORDON_NODE, WorkflowFunction.CORDON_NODE,
            CHECK_PODS, WorkflowFunction.CHECK_PODS,
            COMPLETE_DRAINED, WorkflowFunction.COMPLETE_LIFECYCLE_ACTION);

    private static WorkflowSynth defaults;

    @BeforeAll
    static void synthesizeTheDefaultWorkflowOnce() {
        defaults = WorkflowSynth.of(props -> props);
    }

    @Test
    void stateMachine_isStandardWithTracingAndFullExecutionLogs() {
        defaults.template().hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "StateMachineType", "STANDARD",
                "TracingConfiguration", Map.of("Enabled", true),
                "LoggingConfiguration", Map.of(
                        "Level", "ALL",
                        "IncludeExecutionData", true,
                        "Destinations", List.of(Map.of("CloudWatchLogsLogGroup", Map.of(
                                "LogGroupArn", Match.objectLike(Map.of("Fn::GetAtt", Match.anyValue()))))))));
        defaults.template().hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }

    @Test
    void executionLogGroup_isNamedUnderVendedLogs_uniquePerStackCreation() {
        var stackUuid = Map.of("Fn::Select", List.of(2, Map.of("Fn::Split", List.of("/", Map.of("Ref", "AWS::StackId")))));

        defaults.template().hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", Map.of("Fn::Join", List.of("", List.of(
                        "/aws/vendedlogs/states/", Map.of("Ref", "AWS::StackName"), "-executions-",
                        Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of("-", stackUuid))))))),
                "RetentionInDays", 30));
    }

    @Test
    void logLevelAndTracing_followTheProps() {
        var synth = WorkflowSynth.of(props -> props.logLevel(LogLevel.ERROR).tracingEnabled(false));

        synth.template().hasResourceProperties("AWS::StepFunctions::StateMachine", Map.of(
                "TracingConfiguration", Map.of("Enabled", false),
                "LoggingConfiguration", Match.objectLike(Map.of("Level", "ERROR", "IncludeExecutionData", true))));
    }

    @Test
    void executionTimeout_coversTheLongestWaitAnOverrideMayAskForPlusAnHour() {
        assertThat(defaults.definition().path("TimeoutSeconds").asInt()).isEqualTo(172_800 + 3_600);
    }

    @Test
    void definition_holdsExactlyTheStatesOfWorkflowStates() throws IllegalAccessException {
        var names = new ArrayList<String>();
        for (var field : WorkflowStates.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                names.add((String) field.get(null));
            }
        }
        var states = new ArrayList<String>();
        defaults.definition().path("States").fieldNames().forEachRemaining(states::add);

        assertThat(defaults.definition().path("StartAt").asText()).isEqualTo(IS_IT_A_TERMINATION);
        assertThat(states).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void everyRetriedLambdaTask_retriesLambdaFaultsTimeoutsAndRetryableErrorsWithJitter_andCatchesTheRest() {
        var tasks = lambdaTasks(defaults.definition());
        tasks.remove(CHECK_PODS);
        tasks.remove(CORDON_NODE);

        assertThat(tasks).hasSize(6);
        tasks.forEach((name, task) -> {
            JsonNode retry = task.path("Retry");
            assertThat(retry).as(name).hasSize(3);
            assertThat(texts(retry.get(0).path("ErrorEquals"))).as(name).containsExactly("Lambda.ServiceException",
                    "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
                    "Lambda.ClientExecutionTimeoutException");
            assertThat(texts(retry.get(1).path("ErrorEquals"))).as(name)
                    .containsExactly("Lambda.Unknown", "Sandbox.Timedout", "States.Timeout");
            assertThat(texts(retry.get(2).path("ErrorEquals"))).as(name)
                    .containsExactly("dev.gracefulworker.functions.RetryableException");
            retry.forEach(retrier -> assertThat(retrier.path("JitterStrategy").asText()).as(name).isEqualTo("FULL"));
            JsonNode katch = task.path("Catch");
            assertThat(katch).as(name).hasSize(1);
            assertThat(texts(katch.get(0).path("ErrorEquals"))).containsExactly("States.ALL");
            assertThat(katch.get(0).path("ResultPath").asText()).isEqualTo("$.error");
        });
    }

    @Test
    void everyLambdaTask_waitsItsFunctionsTimeoutPlusAMargin_soARunawayFunctionFailsAsALambdaError() {
        LAMBDA_TASKS.forEach((state, function) -> assertThat(defaults.state(state).path("TimeoutSeconds").asInt()).as(state)
                .isEqualTo(function.functionTimeoutSeconds() + WorkflowFunction.TASK_TIMEOUT_MARGIN_SECONDS));
    }

    @Test
    void cordonNode_hasNoRetry_itsOutagesGoRoundALoopOfTheirOwn_intoTheSameOutageBudget() {
        assertOutageLoop(CORDON_NODE, COUNT_THE_FAILED_CORDON, CORDON_OUTAGE_TOO_LONG, STOP_RETRYING_THE_CORDON,
                KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CORDON);
        assertThat(defaults.state(COUNT_THE_FAILED_CORDON).path("Parameters"))
                .isEqualTo(defaults.state(COUNT_THE_FAILED_CHECK).path("Parameters"));
    }

    @Test
    void checkPods_hasNoRetry_itsOutagesGoRoundTheLoopWithAHeartbeat_andEverythingElseToTheFailurePolicy() {
        assertOutageLoop(CHECK_PODS, COUNT_THE_FAILED_CHECK, OUTAGE_TOO_LONG, STOP_RETRYING_CHECKS,
                KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK);
        assertThat(defaults.state(COUNT_THE_FAILED_CHECK).path("Parameters").path("secondsWithoutCheck.$").asText())
                .isEqualTo("States.MathAdd($.poll.outage.secondsWithoutCheck, $.poll.nextWaitSeconds)");
    }

    /** A task without Retry whose transient failures are counted, heartbeated and bounded by maxOutageSeconds. */
    private void assertOutageLoop(String task, String count, String tooLong, String stop, String keepAlive) {
        JsonNode state = defaults.state(task);
        assertThat(state.path("Retry").isMissingNode()).as(task).isTrue();
        JsonNode outage = state.path("Catch").get(0);
        assertThat(texts(outage.path("ErrorEquals"))).as(task).containsExactly("Lambda.ServiceException",
                "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
                "Lambda.ClientExecutionTimeoutException", "Lambda.Unknown", "Sandbox.Timedout", "States.Timeout",
                "dev.gracefulworker.functions.RetryableException");
        assertThat(outage.path("ResultPath").asText()).isEqualTo("$.outageFailure");
        assertThat(outage.path("Next").asText()).isEqualTo(count);
        assertThat(texts(state.path("Catch").get(1).path("ErrorEquals"))).containsExactly("States.ALL");
        assertThat(state.path("Catch").get(1).path("Next").asText()).isEqualTo(FAILURE_POLICY);
        assertThat(defaults.state(count).path("ResultPath").asText()).isEqualTo("$.poll.outage");
        assertThat(defaults.state(count).path("Next").asText()).isEqualTo(tooLong);
        JsonNode choice = defaults.state(tooLong);
        assertThat(choice.path("Choices").get(0).path("NumericGreaterThanEqualsPath").asText())
                .isEqualTo("$.settings.maxOutageSeconds");
        assertThat(choice.path("Choices").get(0).path("Next").asText()).isEqualTo(stop);
        assertThat(choice.path("Default").asText()).isEqualTo(keepAlive);
        assertThat(defaults.state(stop).path("Next").asText()).isEqualTo(FAILURE_POLICY);
    }

    @Test
    void heartbeatsWithoutLambda_callAutoScalingDirectly_andNeverFailTheDrain() {
        for (String name : List.of(KEEP_THE_HOOK_ALIVE, KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK,
                KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CORDON)) {
            JsonNode heartbeat = defaults.state(name);
            assertThat(heartbeat.path("Resource").asText()).as(name)
                    .isEqualTo("arn:aws:states:::aws-sdk:autoscaling:recordLifecycleActionHeartbeat");
            assertThat(heartbeat.path("Parameters").path("LifecycleActionToken.$").asText())
                    .isEqualTo("$.LifecycleActionToken");
            assertThat(heartbeat.path("Catch").get(0).path("Next").asText()).as(name)
                    .isEqualTo(heartbeat.path("Next").asText());
            assertThat(heartbeat.path("ResultPath").isNull()).isTrue();
        }
    }

    @Test
    void clusterTaskFailures_goToTheFailurePolicy_andCompletionFailuresEndTheExecution() {
        for (String name : List.of(APPLY_PER_GROUP_OVERRIDES, CHECK_INSTANCE_AND_NODE)) {
            assertThat(catchTarget(name)).as(name).isEqualTo(FAILURE_POLICY);
        }
        // the cordon's outages go round its loop first (cordonNode_hasNoRetry_…); anything else to the policy
        assertThat(defaults.state(CORDON_NODE).path("Catch").get(1).path("Next").asText()).isEqualTo(FAILURE_POLICY);
        for (String name : List.of(COMPLETE_DRAINED, COMPLETE_NOTHING_TO_DRAIN, COMPLETE_MAX_WAIT_REACHED,
                COMPLETE_ACTION_ALREADY_ENDED)) {
            assertThat(catchTarget(name)).as(name).isEqualTo(COULD_NOT_COMPLETE);
        }
        JsonNode policy = defaults.state(FAILURE_POLICY);
        assertThat(policy.path("Choices").get(0).path("StringEquals").asText()).isEqualTo("LEAVE_TO_HOOK_TIMEOUT");
        assertThat(policy.path("Choices").get(0).path("Next").asText()).isEqualTo(LEFT_TO_HOOK_TIMEOUT);
        assertThat(policy.path("Choices").get(1).path("Variable").asText()).isEqualTo("$.settings.dryRun");
        assertThat(policy.path("Choices").get(1).path("Next").asText()).isEqualTo(DRAIN_FAILED);
        assertThat(policy.path("Default").asText()).isEqualTo(COMPLETE_AFTER_FAILURE);
        assertThat(defaults.state(COMPLETE_AFTER_FAILURE).path("Next").asText()).isEqualTo(DRAIN_FAILED);
        assertThat(catchTarget(COMPLETE_AFTER_FAILURE)).isEqualTo(DRAIN_FAILED_ACTION_NOT_COMPLETED);
        assertThat(defaults.state(COMPLETE_AFTER_FAILURE).path("Catch").get(0).path("ResultPath").asText())
                .as("the completion's error goes beside the drain's").isEqualTo("$.completionError");
        for (String fail : List.of(DRAIN_FAILED, LEFT_TO_HOOK_TIMEOUT, COULD_NOT_COMPLETE,
                DRAIN_FAILED_ACTION_NOT_COMPLETED)) {
            assertThat(defaults.state(fail).path("ErrorPath").asText()).as(fail).isEqualTo("$.error.Error");
            assertThat(defaults.state(fail).path("CausePath").asText()).as(fail).isEqualTo("$.error.Cause");
        }
    }

    @Test
    void failOpen_completesThroughAutoScalingDirectly_withTheFailurePolicysResult() {
        JsonNode complete = defaults.state(COMPLETE_AFTER_FAILURE);

        assertThat(complete.path("Resource").asText())
                .isEqualTo("arn:aws:states:::aws-sdk:autoscaling:completeLifecycleAction");
        assertThat(complete.path("Parameters").path("LifecycleActionResult.$").asText()).isEqualTo("$.settings.onFailure");
        assertThat(complete.path("Parameters").path("LifecycleActionToken.$").asText()).isEqualTo("$.LifecycleActionToken");
    }

    @Test
    void everyTask_invokesItsFunctionArnDirectly_soTheResultIsTheHandlersOutput() {
        LAMBDA_TASKS.forEach((state, function) -> assertThat(defaults.state(state).path("Resource").asText())
                .as(state).isEqualTo(function.placeholderArn()));
    }

    @Test
    void completeTasks_sendTheResultAndReasonOfWorkflowMd() {
        assertThat(completion(COMPLETE_DRAINED)).containsExactly("result=CONTINUE", "reason=drained");
        assertThat(completion(COMPLETE_NOTHING_TO_DRAIN)).containsExactly("result=CONTINUE", "reason=nothingToDrain");
        assertThat(completion(COMPLETE_MAX_WAIT_REACHED))
                .containsExactly("result.$=$.settings.onTimeout", "reason=timeout");
        assertThat(completion(COMPLETE_ACTION_ALREADY_ENDED)).containsExactly("result=CONTINUE", "reason=actionEnded");
        assertThat(defaults.state(COMPLETE_DRAINED).path("ResultPath").asText()).isEqualTo("$.completion");
    }

    @Test
    void checkPods_receivesTheSettingsAndItsPreviousProgress_andTheLoopWaitsWhatItReturned() {
        JsonNode checkPods = defaults.state(CHECK_PODS);
        assertThat(checkPods.path("Parameters").path("settings.$").asText()).isEqualTo("$.settings");
        assertThat(checkPods.path("Parameters").path("previous.$").asText()).isEqualTo("$.poll");
        assertThat(checkPods.path("ResultPath").asText()).isEqualTo("$.poll");
        assertThat(checkPods.path("Next").asText()).isEqualTo(DONE_WAITING);
        JsonNode doneWaiting = defaults.state(DONE_WAITING);
        assertThat(doneWaiting.path("Default").asText()).isEqualTo(UNEXPECTED_TASK_RESULT);
        assertThat(doneWaiting.path("Choices")).extracting(choice -> choice.path("StringEquals").asText() + "->"
                        + choice.path("Next").asText())
                .containsExactly("->" + UNEXPECTED_TASK_RESULT, "DRAINED->" + COMPLETE_DRAINED, "DEADLINE_PASSED->" + COMPLETE_MAX_WAIT_REACHED,
                        "ACTION_ENDED->" + COMPLETE_ACTION_ALREADY_ENDED, "->" + WAIT_BEFORE_NEXT_CHECK);
        JsonNode wait = defaults.state(WAIT_BEFORE_NEXT_CHECK);
        assertThat(wait.path("SecondsPath").asText()).isEqualTo("$.poll.nextWaitSeconds");
        assertThat(wait.path("Next").asText()).isEqualTo(CHECK_PODS);
    }

    @Test
    void firstChoice_ignoresMessagesWithoutATransitionBeforeComparingIt() {
        JsonNode choices = defaults.state(IS_IT_A_TERMINATION).path("Choices");

        assertThat(choices.get(0).path("Not").path("Variable").asText()).isEqualTo("$.LifecycleTransition");
        assertThat(choices.get(0).path("Not").path("IsPresent").asBoolean()).isTrue();
        assertThat(choices.get(0).path("Next").asText()).isEqualTo(IGNORED_NOT_A_TERMINATION);
        assertThat(choices.get(1).path("Next").asText()).isEqualTo(LOAD_DEPLOYED_SETTINGS);
        assertThat(choices.get(1).path("And")).extracting(rule -> rule.path("Variable").asText()).containsExactly(
                "$.LifecycleTransition", "$.EC2InstanceId", "$.LifecycleActionToken", "$.AutoScalingGroupName",
                "$.LifecycleHookName");
        assertThat(choices.get(2).path("Next").asText()).isEqualTo(REJECTED_MALFORMED_MESSAGE);
        assertThat(defaults.state(IS_IT_A_TERMINATION).path("Default").asText()).isEqualTo(IGNORED_NOT_A_TERMINATION);
    }

    @Test
    void deployedSettings_areRenderedIntoTheLoadState() {
        var settings = Settings.builder()
                .waitForPods(List.of(new PodSelector("batch", "app=report-runner")))
                .drainMode(DrainMode.WAIT)
                .pollIntervalSeconds(10).maxPollIntervalSeconds(60).maxWaitSeconds(7_200).heartbeatTimeoutSeconds(600)
                .maxOutageSeconds(900).terminationSkewSeconds(30).volumeDetachTimeoutSeconds(0)
                .excludeFromLoadBalancers(false).loadBalancerDrainTimeoutSeconds(120)
                .targetGroupArns(List.of("arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef"))
                .waitForUnreplaceablePods(true).forceDeleteBeforeDeadline(true)
                .taintNode(false).dryRun(true)
                .onTimeout(LifecycleResult.ABANDON).onFailure(FailurePolicy.LEAVE_TO_HOOK_TIMEOUT)
                .build();

        JsonNode rendered = WorkflowSynth.withSettings(settings).state(LOAD_DEPLOYED_SETTINGS);

        assertThat(rendered.path("ResultPath").asText()).isEqualTo("$.settings");
        assertThat(rendered.path("Result")).isEqualTo(new ObjectMapper().valueToTree(Map.ofEntries(
                Map.entry("waitForPods", List.of(Map.of("namespace", "batch", "labelSelector", "app=report-runner"))),
                Map.entry("drainMode", "WAIT"),
                Map.entry("pollIntervalSeconds", 10),
                Map.entry("maxPollIntervalSeconds", 60),
                Map.entry("maxWaitSeconds", 7_200),
                Map.entry("heartbeatTimeoutSeconds", 600),
                Map.entry("maxOutageSeconds", 900),
                Map.entry("terminationSkewSeconds", 30),
                Map.entry("volumeDetachTimeoutSeconds", 0),
                Map.entry("excludeFromLoadBalancers", false),
                Map.entry("loadBalancerDrainTimeoutSeconds", 120),
                Map.entry("targetGroupArns",
                        List.of("arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef")),
                Map.entry("waitForUnreplaceablePods", true),
                Map.entry("forceDeleteBeforeDeadline", true),
                Map.entry("taintNode", false),
                Map.entry("dryRun", true),
                Map.entry("onTimeout", "ABANDON"),
                Map.entry("onFailure", "LEAVE_TO_HOOK_TIMEOUT"),
                Map.entry("overridden", List.of()),
                Map.entry("ignoredOverrideKeys", List.of()))));
    }

    @Test
    void functionsOfTheSameStack_areJoinedIntoTheDefinition_andResolvedByTheExportCode() {
        var stack = new Stack(new App(), "WithRealFunction");
        var checkPods = Function.Builder.create(stack, "CheckPods")
                .runtime(Runtime.NODEJS_22_X).handler("index.handler").code(Code.fromInline("exports.handler=()=>1"))
                .build();
        var placeholders = TaskFunctions.placeholders(stack);
        new GracefulTerminationWorkflow(stack, "Workflow", GracefulTerminationWorkflowProps.builder()
                .functions(placeholders)
                .function(WorkflowFunction.CHECK_PODS, checkPods)
                .build());
        var template = Template.fromStack(stack);

        JsonNode definition = ExportedDefinition.definitionOf(new ObjectMapper().valueToTree(template.toJSON()),
                token -> token.has("Fn::GetAtt") && token.path("Fn::GetAtt").get(0).asText().startsWith("CheckPods")
                        ? WorkflowFunction.CHECK_PODS.placeholderArn() : ExportedDefinition.partitionOnly(token));

        assertThat(definition.path("States").path(CHECK_PODS).path("Resource").asText())
                .isEqualTo(WorkflowFunction.CHECK_PODS.placeholderArn());
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "lambda:InvokeFunction")))))));
    }

    private static String catchTarget(String task) {
        return defaults.state(task).path("Catch").get(0).path("Next").asText();
    }

    private static List<String> completion(String task) {
        JsonNode parameters = defaults.state(task).path("Parameters");
        var fields = new ArrayList<String>();
        for (String key : List.of("result", "result.$", "reason")) {
            if (parameters.has(key)) {
                fields.add(key + "=" + parameters.get(key).asText());
            }
        }
        return fields;
    }

    private static Map<String, JsonNode> lambdaTasks(JsonNode definition) {
        var tasks = new java.util.LinkedHashMap<String, JsonNode>();
        definition.path("States").properties().forEach(entry -> {
            if (entry.getValue().path("Type").asText().equals("Task")
                    && entry.getValue().path("Resource").asText().startsWith("arn:aws:lambda:")) {
                tasks.put(entry.getKey(), entry.getValue());
            }
        });
        return tasks;
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
