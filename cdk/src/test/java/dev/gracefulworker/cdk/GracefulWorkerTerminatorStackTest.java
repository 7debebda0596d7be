package dev.gracefulworker.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.WorkflowFunction;
import dev.gracefulworker.statemachine.WorkflowStates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

class GracefulWorkerTerminatorStackTest {

    private static final String TASK_HANDLER_PREFIX = "dev.gracefulworker.functions.";
    private static StackSynth eks;
    private static StackSynth eventBridge;

    @BeforeAll
    static void synthesizeTheEksStacksOnce() {
        eks = StackSynth.of(Map.of(
                "clusterName", "demo",
                "autoScalingGroupNames", "workers-a,workers-b"));
        eventBridge = StackSynth.of(Map.of(
                "clusterName", "demo",
                "autoScalingGroupNames", "workers-a,workers-b",
                "eventBridgeEntry", "true"));
    }

    // --- the lifecycle entry: topic, hook role, hooks -------------------------------------------------------------

    @Test
    void topic_isKmsEncryptedWithARotatedKey_andOnlyTheHookRoleMayPublishOverTls() {
        String key = eks.logicalId("AWS::KMS::Key", "LifecycleTopicKey");
        String hookRole = eks.logicalId("AWS::IAM::Role", "LifecycleHookRole");

        eks.template().hasResourceProperties("AWS::SNS::Topic", Map.of(
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn"))));
        eks.template().hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        eks.template().hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Effect", "Deny", "Action", "sns:Publish",
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                        Match.objectLike(Map.of("Effect", "Allow", "Action", "sns:Publish",
                                "Principal", Map.of("AWS", Map.of("Fn::GetAtt", List.of(hookRole, "Arn"))))))))));
    }

    @Test
    void hookRole_isForAutoScaling_andMayPublishToTheTopicAndUseItsKey() {
        String hookRole = eks.logicalId("AWS::IAM::Role", "LifecycleHookRole");

        eks.template().hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "autoscaling.amazonaws.com")))))));
        roleAllows(eks, hookRole, Map.of("Action", "sns:Publish",
                "Resource", Map.of("Ref", eks.logicalId("AWS::SNS::Topic", "LifecycleTopic"))));
        roleAllows(eks, hookRole, Map.of("Action", List.of("kms:Decrypt", "kms:GenerateDataKey"),
                "Resource", Map.of("Fn::GetAtt", List.of(eks.logicalId("AWS::KMS::Key", "LifecycleTopicKey"), "Arn"))));
    }

    @Test
    void topicKeyPolicy_namesTheHookRole_forEncryptingLifecycleMessages() {
        String hookRole = eks.logicalId("AWS::IAM::Role", "LifecycleHookRole");

        eks.template().hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("AWS", Map.of("Fn::GetAtt", List.of(hookRole, "Arn"))),
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                        "Resource", "*")))))));
    }

    @Test
    void everyHook_dependsOnTheHookRolePolicyAndTheTopicPolicy_becauseItsCreationPublishesATestMessage() {
        String rolePolicy = eks.logicalId("AWS::IAM::Policy", "LifecycleHookRoleDefaultPolicy");
        String topicPolicy = eks.logicalId("AWS::SNS::TopicPolicy", "LifecycleTopicPolicy");

        var hooks = eks.template().findResources("AWS::AutoScaling::LifecycleHook");

        assertThat(hooks).hasSize(2);
        hooks.forEach((id, hook) -> assertThat(json(hook).path("DependsOn"))
                .as(id).extracting(JsonNode::toString).asString()
                .contains("\"" + rolePolicy + "\"", "\"" + topicPolicy + "\""));
    }

    @Test
    void eachNamedGroup_getsATerminationHookThatNotifiesTheTopic() {
        for (String group : List.of("workers-a", "workers-b")) {
            eks.template().hasResourceProperties("AWS::AutoScaling::LifecycleHook", Map.of(
                    "AutoScalingGroupName", group,
                    "LifecycleHookName", "graceful-worker-terminator",
                    "LifecycleTransition", "autoscaling:EC2_INSTANCE_TERMINATING",
                    "HeartbeatTimeout", 300,
                    "DefaultResult", "CONTINUE",
                    "NotificationTargetARN", Map.of("Ref", eks.logicalId("AWS::SNS::Topic", "LifecycleTopic")),
                    "RoleARN", Map.of("Fn::GetAtt", List.of(eks.logicalId("AWS::IAM::Role", "LifecycleHookRole"), "Arn"))));
        }
        eks.template().resourceCountIs("AWS::AutoScaling::LifecycleHook", 2);
    }

    // --- the starter and the dead-letter queue --------------------------------------------------------------------

    @Test
    void starterAlias_isSubscribed_withTheDeadLetterQueueForUndeliveredMessages() {
        String queue = eks.logicalId("AWS::SQS::Queue", "DeadLetterQueue");

        eks.template().hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "lambda",
                "Endpoint", Map.of("Ref", eks.logicalId("AWS::Lambda::Alias", "StarterAlias")),
                "RedrivePolicy", Map.of("deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(queue, "Arn")))));
    }

    @Test
    void starter_startsThisStateMachine_andSendsFailedAsyncInvocationsToTheDeadLetterQueue() {
        String stateMachine = eks.logicalId("AWS::StepFunctions::StateMachine", "WorkflowStateMachine");
        String queue = eks.logicalId("AWS::SQS::Queue", "DeadLetterQueue");

        eks.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", "dev.gracefulworker.functions.start.StartWorkflowHandler",
                "DeadLetterConfig", Map.of("TargetArn", Map.of("Fn::GetAtt", List.of(queue, "Arn"))),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "STATE_MACHINE_ARN", Map.of("Ref", stateMachine))))));
        roleAllows(eks, eks.logicalId("AWS::IAM::Role", "StarterRole"), Map.of(
                "Action", "states:StartExecution", "Resource", Map.of("Ref", stateMachine)));
    }

    @Test
    void deadLetterQueue_isEncryptedAndRefusesPlainHttp() {
        eks.template().hasResourceProperties("AWS::SQS::Queue", Map.of(
                "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 1_209_600));
        eks.template().hasResourceProperties("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    // --- the functions --------------------------------------------------------------------------------------------

    @Test
    void everyFunction_isJava25WithSnapStartTracingAndFastStartOptions() {
        var functions = eks.template().findResources("AWS::Lambda::Function");

        assertThat(functions).hasSize(6);
        functions.values().forEach(resource -> {
            JsonNode properties = json(resource).path("Properties");
            String handler = properties.path("Handler").asText();
            assertThat(handler).as("handler").startsWith(TASK_HANDLER_PREFIX).endsWith("Handler");
            assertThat(properties.path("Runtime").asText()).as(handler).isEqualTo("java25");
            assertThat(properties.path("SnapStart").path("ApplyOn").asText()).as(handler).isEqualTo("PublishedVersions");
            assertThat(properties.path("TracingConfig").path("Mode").asText()).as(handler).isEqualTo("Active");
            assertThat(properties.path("MemorySize").asInt()).as(handler).isEqualTo(1024);
            JsonNode variables = properties.path("Environment").path("Variables");
            assertThat(variables.path("POWERTOOLS_SERVICE_NAME").asText()).isEqualTo("graceful-worker-terminator");
            assertThat(variables.path("POWERTOOLS_METRICS_NAMESPACE").asText()).isEqualTo("GracefulWorkerTerminator");
            assertThat(variables.path("POWERTOOLS_LOG_LEVEL").asText()).isEqualTo("INFO");
            assertThat(variables.path("JAVA_TOOL_OPTIONS").asText())
                    .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
            assertThat(properties.path("LoggingConfig").path("LogGroup").isMissingNode()).as(handler).isFalse();
        });
        eks.template().resourceCountIs("AWS::Lambda::Alias", 6);
        eks.template().allResourcesProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
    }

    @Test
    void taskFunctions_runTheirHandlerWithTheClusterName_withinTheStateMachineTaskTimeout() {
        for (WorkflowFunction task : WorkflowFunction.tasks()) {
            eks.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "Handler", task.handlerClass(),
                    "Timeout", task.functionTimeoutSeconds(),
                    "Role", Map.of("Fn::GetAtt", List.of(eks.logicalId("AWS::IAM::Role", "TaskRole"), "Arn")),
                    "Environment", Map.of("Variables", Match.objectLike(Map.of("CLUSTER_NAME", "demo")))));
        }
    }

    @Test
    void stateMachine_invokesTheLiveAliasOfEachTaskFunction() {
        JsonNode states = eks.definition().path("States");

        assertThat(states.path(WorkflowStates.CHECK_PODS).path("Resource").asText())
                .isEqualTo("alias:" + eks.logicalId("AWS::Lambda::Alias", "CheckPodsAlias"));
        assertThat(states.path(WorkflowStates.CORDON_NODE).path("Resource").asText())
                .isEqualTo("alias:" + eks.logicalId("AWS::Lambda::Alias", "CordonNodeAlias"));
        assertThat(states.path(WorkflowStates.CHECK_INSTANCE_AND_NODE).path("Resource").asText())
                .isEqualTo("alias:" + eks.logicalId("AWS::Lambda::Alias", "CheckLivenessAlias"));
        assertThat(states.path(WorkflowStates.APPLY_PER_GROUP_OVERRIDES).path("Resource").asText())
                .isEqualTo("alias:" + eks.logicalId("AWS::Lambda::Alias", "ApplySettingsOverridesAlias"));
        assertThat(states.path(WorkflowStates.COMPLETE_DRAINED).path("Resource").asText())
                .isEqualTo("alias:" + eks.logicalId("AWS::Lambda::Alias", "CompleteLifecycleActionAlias"));
    }

    @Test
    void stateMachineRole_heartbeatsAndCompletesOnlyTheNamedGroupsActions_forTheNoLambdaPaths() {
        String role = eks.logicalId("AWS::IAM::Role", "WorkflowStateMachineRole");

        var groups = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                List.of(groupArn("workers-a"), groupArn("workers-b")));
        var actions = new java.util.ArrayList<String>();
        eks.templateJson().path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy")
                    && resource.path("Properties").path("Roles").toString().contains(role)) {
                resource.path("Properties").path("PolicyDocument").path("Statement").forEach(statement -> {
                    if (statement.path("Resource").equals(groups)) {
                        JsonNode action = statement.path("Action");
                        if (action.isArray()) {
                            action.forEach(a -> actions.add(a.asText()));
                        } else {
                            actions.add(action.asText());
                        }
                    }
                });
            }
        });

        assertThat(actions).containsExactlyInAnyOrder("autoscaling:RecordLifecycleActionHeartbeat",
                "autoscaling:CompleteLifecycleAction");
    }

    // --- IAM of the task role -------------------------------------------------------------------------------------

    @Test
    void taskRole_answersOnlyTheNamedGroupsHooks_readsOnlyThisCluster_andDescribesInstances() {
        String taskRole = eks.logicalId("AWS::IAM::Role", "TaskRole");

        roleAllows(eks, taskRole, Map.of(
                "Action", List.of("autoscaling:CompleteLifecycleAction", "autoscaling:RecordLifecycleActionHeartbeat"),
                "Resource", List.of(groupArn("workers-a"), groupArn("workers-b"))));
        roleAllows(eks, taskRole, Map.of(
                "Action", "eks:DescribeCluster",
                "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":eks:",
                        Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":cluster/demo")))));
        roleAllows(eks, taskRole, Map.of("Action", "ec2:DescribeInstances", "Resource", "*"));
    }

    @Test
    void taskRole_readsTargetGroupsTheirTagsAndHealth_onStarAsNoResourceLevelPermissionExists() {
        roleAllows(eks, eks.logicalId("AWS::IAM::Role", "TaskRole"), Map.of(
                "Action", List.of("autoscaling:DescribeAutoScalingGroups", "elasticloadbalancing:DescribeTags",
                        "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth"),
                "Resource", "*"));
    }

    @Test
    void taskRole_isGivenAnEksAccessEntryInTheKubernetesGroup() {
        eks.template().hasResourceProperties("AWS::EKS::AccessEntry", Map.of(
                "ClusterName", "demo",
                "PrincipalArn", Map.of("Fn::GetAtt", List.of(eks.logicalId("AWS::IAM::Role", "TaskRole"), "Arn")),
                "KubernetesGroups", List.of("graceful-worker-terminator"),
                "Type", "STANDARD"));
    }

    // --- EventBridge entry, alarms, outputs -----------------------------------------------------------------------

    @Test
    void eventBridgeEntry_forwardsTheEventDetailOfTheNamedGroupsToTheTopic_soTheStarterNamesTheExecution() {
        String topic = eventBridge.logicalId("AWS::SNS::Topic", "LifecycleTopic");

        eventBridge.template().hasResourceProperties("AWS::Events::Rule", Map.of(
                "EventPattern", Map.of(
                        "source", List.of("aws.autoscaling"),
                        "detail-type", List.of("EC2 Instance-terminate Lifecycle Action"),
                        "detail", Map.of("AutoScalingGroupName", List.of("workers-a", "workers-b"))),
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", Map.of("Ref", topic),
                        "InputPath", "$.detail",
                        "DeadLetterConfig", Map.of("Arn", Map.of("Fn::GetAtt", List.of(
                                eventBridge.logicalId("AWS::SQS::Queue", "DeadLetterQueue"), "Arn"))))))));
        eventBridge.template().hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Allow", "Action", "sns:Publish",
                        "Principal", Map.of("Service", "events.amazonaws.com"))))))));
        eventBridge.template().hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Allow",
                        "Principal", Map.of("Service", "events.amazonaws.com"),
                        "Action", Match.arrayWith(List.of("kms:Decrypt")))))))));
    }

    @Test
    void eventBridgeEntry_isTheOnlyWayIn_theHooksNotifyNoTopic_andNothingStartsTheStateMachineDirectly() {
        var hooks = eventBridge.template().findResources("AWS::AutoScaling::LifecycleHook");

        assertThat(hooks).hasSize(2);
        hooks.forEach((id, hook) -> {
            JsonNode properties = json(hook).path("Properties");
            assertThat(properties.has("NotificationTargetARN")).as(id).isFalse();
            assertThat(properties.has("RoleARN")).as(id).isFalse();
        });
        String stateMachine = eventBridge.logicalId("AWS::StepFunctions::StateMachine", "WorkflowStateMachine");
        eventBridge.template().findResources("AWS::Events::Rule").values().forEach(rule ->
                assertThat(json(rule).path("Properties").path("Targets").toString()).doesNotContain(stateMachine));
        assertThat(eventBridge.template().findResources("AWS::IAM::Policy").values().stream()
                .filter(policy -> json(policy).toString().contains("states:StartExecution")))
                .as("policies that may start the state machine: the starter's only").hasSize(1);
    }

    @Test
    void withoutEventBridgeEntry_thereIsNoRule_andTheHooksNotifyTheTopic() {
        eks.template().resourceCountIs("AWS::Events::Rule", 0);
        eks.template().allResourcesProperties("AWS::AutoScaling::LifecycleHook", Map.of(
                "NotificationTargetARN", Map.of("Ref", eks.logicalId("AWS::SNS::Topic", "LifecycleTopic"))));
    }

    @Test
    void alarms_watchFailedTimedOutAndAbortedExecutions_andTheDeadLetterQueue() {
        for (String metric : List.of("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted")) {
            eks.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Namespace", "AWS/States", "MetricName", metric, "Threshold", 1,
                    "ComparisonOperator", "GreaterThanOrEqualToThreshold"));
        }
        eks.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/SQS", "MetricName", "ApproximateNumberOfMessagesVisible", "Threshold", 0,
                "ComparisonOperator", "GreaterThanThreshold"));
        eks.template().resourceCountIs("AWS::CloudWatch::Alarm", 4);
    }

    @Test
    void outputs_nameTheTopicStateMachineDeadLetterQueueAndTaskRole() {
        var outputs = eks.template().findOutputs("*");

        assertThat(outputs).containsKeys("TopicArn", "StateMachineArn", "DeadLetterQueueUrl", "TaskRoleArn",
                "LifecycleHookRoleArn");
    }

    @Test
    void deployedSettings_fromTheContext_areRenderedIntoTheWorkflow() {
        var synth = StackSynth.of(Map.of(
                "clusterName", "demo",
                "waitForPods", "batch:app=report-runner;*:gwt/wait=true",
                "maxWaitSeconds", "7200",
                "drainMode", "wait",
                "dryRun", "true"));

        JsonNode settings = synth.definition().path("States").path(WorkflowStates.LOAD_DEPLOYED_SETTINGS).path("Result");

        assertThat(settings.path("maxWaitSeconds").asInt()).isEqualTo(7200);
        assertThat(settings.path("drainMode").asText()).isEqualTo("WAIT");
        assertThat(settings.path("dryRun").asBoolean()).isTrue();
        assertThat(settings.path("waitForPods").toString()).isEqualTo(
                "[{\"namespace\":\"batch\",\"labelSelector\":\"app=report-runner\"},"
                        + "{\"namespace\":\"*\",\"labelSelector\":\"gwt/wait=true\"}]");
    }

    // --- the other configurations ---------------------------------------------------------------------------------

    @Test
    void kubeconfigSecret_isReadableByTheTaskRole_andNoEksAccessIsCreated() {
        String secret = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:kubeconfig-AbCdEf";
        var synth = StackSynth.of(Map.of("kubeconfigSecretArn", secret));

        roleAllows(synth, synth.logicalId("AWS::IAM::Role", "TaskRole"), Map.of(
                "Action", "secretsmanager:GetSecretValue", "Resource", secret));
        synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", TASK_HANDLER_PREFIX + "pods.CheckPodsHandler",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("KUBECONFIG_SECRET_ID", secret)))));
        synth.template().resourceCountIs("AWS::EKS::AccessEntry", 0);
        assertThat(synth.templateJson().toString()).doesNotContain("eks:DescribeCluster", "CLUSTER_NAME");
    }

    @Test
    void existingTopic_isSubscribedAndPublishedTo_insteadOfCreatingOne() {
        String topic = "arn:aws:sns:eu-west-1:111122223333:worker-lifecycle";
        var synth = StackSynth.of(Map.of("clusterName", "demo", "existingTopicArn", topic,
                "autoScalingGroupNames", "workers-a"));

        synth.template().resourceCountIs("AWS::SNS::Topic", 0);
        synth.template().resourceCountIs("AWS::KMS::Key", 0);
        synth.template().hasResourceProperties("AWS::SNS::Subscription", Map.of("TopicArn", topic, "Protocol", "lambda"));
        synth.template().hasResourceProperties("AWS::AutoScaling::LifecycleHook", Map.of("NotificationTargetARN", topic));
        roleAllows(synth, synth.logicalId("AWS::IAM::Role", "LifecycleHookRole"), Map.of(
                "Action", "sns:Publish", "Resource", topic));
    }

    @Test
    void noGroupsNamed_createsNoHooks_andLetsTheTaskRoleAnswerAnyGroupOfTheAccount() {
        var synth = StackSynth.of(Map.of("clusterName", "demo"));

        synth.template().resourceCountIs("AWS::AutoScaling::LifecycleHook", 0);
        synth.template().resourceCountIs("AWS::Events::Rule", 0);
        roleAllows(synth, synth.logicalId("AWS::IAM::Role", "TaskRole"), Map.of(
                "Action", List.of("autoscaling:CompleteLifecycleAction", "autoscaling:RecordLifecycleActionHeartbeat"),
                "Resource", groupArn("*")));
    }

    @Test
    void vpcPlacement_putsEveryFunctionInTheSubnets_withANewOutboundOnlySecurityGroup() {
        var synth = StackSynth.of(Map.of("clusterName", "demo", "vpcId", "vpc-0123456789abcdef0",
                "subnetIds", "subnet-0123456789abcdef0,subnet-0123456789abcdef1"));
        String securityGroup = synth.logicalId("AWS::EC2::SecurityGroup", "FunctionsSecurityGroup");

        synth.template().allResourcesProperties("AWS::Lambda::Function", Map.of("VpcConfig", Map.of(
                "SubnetIds", List.of("subnet-0123456789abcdef0", "subnet-0123456789abcdef1"),
                "SecurityGroupIds", List.of(Map.of("Fn::GetAtt", List.of(securityGroup, "GroupId"))))));
        synth.template().hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "VpcId", "vpc-0123456789abcdef0",
                "SecurityGroupEgress", List.of(Match.objectLike(Map.of("CidrIp", "0.0.0.0/0")))));
        synth.template().hasResourceProperties("AWS::IAM::Role", Map.of("ManagedPolicyArns", List.of(Map.of(
                "Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"))))));
    }

    /** The role's policy has an Allow statement with (at least) these fields. */
    private static void roleAllows(StackSynth synth, String roleLogicalId, Map<String, Object> statement) {
        var expected = new java.util.HashMap<String, Object>(statement);
        expected.put("Effect", "Allow");
        synth.template().hasResourceProperties("AWS::IAM::Policy", Map.of(
                "Roles", List.of(Map.of("Ref", roleLogicalId)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(expected))))));
    }

    private static Map<String, Object> groupArn(String group) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":autoscaling:",
                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"),
                ":autoScalingGroup:*:autoScalingGroupName/" + group)));
    }

    private static JsonNode json(Object value) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value);
    }
}
