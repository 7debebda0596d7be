package dev.gracefulworker.cdk;

import dev.gracefulworker.contract.WorkflowFunction;
import dev.gracefulworker.statemachine.GracefulTerminationWorkflow;
import dev.gracefulworker.statemachine.GracefulTerminationWorkflowProps;
import dev.gracefulworker.statemachine.TaskFunctions;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Subnet;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.eks.CfnAccessEntry;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * graceful-worker-terminator in one stack: lifecycle topic and hooks, the starter, the task functions, the workflow,
 * least-privilege IAM, the EKS access entry, alarms and outputs.
 */
public final class GracefulWorkerTerminatorStack extends Stack {

    static final String LIFECYCLE_ACTION_DETAIL_TYPE = "EC2 Instance-terminate Lifecycle Action";

    private final Role taskRole;
    private final Role starterRole;
    private final Queue deadLetterQueue;
    private final LifecycleNotifications notifications;
    private final GracefulTerminationWorkflow workflow;
    private final Map<WorkflowFunction, JavaFunction> functions = new EnumMap<>(WorkflowFunction.class);

    public GracefulWorkerTerminatorStack(Construct scope, String id, StackProps props, DeploymentConfig config,
                                         Path functionsJar) {
        super(scope, id, props);
        var defaults = new FunctionDefaults(Code.fromAsset(functionsJar.toString()), config.functionMemoryMb(),
                config.logLevel(), config.network().map(this::placement));

        this.taskRole = lambdaRole("TaskRole", "The task functions of graceful-worker-terminator");
        var clusterEnvironment = clusterAccess(config.clusterAccess(), config.kubernetesGroup());
        var lifecycleActionArns = lifecycleActionArns(config.autoScalingGroupNames());
        allowLifecycleActions(lifecycleActionArns);
        taskRole.addToPolicy(PolicyStatement.Builder.create()
                .sid("FindTheInstance")
                .actions(List.of("ec2:DescribeInstances"))
                .resources(List.of("*"))
                .build());
        // "Check pods" waits until no target group holds the instance. These Describe actions support no resource-level
        // permissions (the Service Authorization Reference lists no resource type for them), so they take *; they read
        // only, and only target groups, their tags and their targets' health, and the groups' TargetGroupARNs.
        taskRole.addToPolicy(PolicyStatement.Builder.create()
                .sid("FindTheTargetGroupsHoldingTheInstance")
                .actions(List.of("elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTags",
                        "elasticloadbalancing:DescribeTargetHealth", "autoscaling:DescribeAutoScalingGroups"))
                .resources(List.of("*"))
                .build());
        var taskAliases = new EnumMap<WorkflowFunction, IFunction>(WorkflowFunction.class);
        for (WorkflowFunction task : WorkflowFunction.tasks()) {
            functions.put(task, new JavaFunction(this, task, taskRole, clusterEnvironment,
                    defaults, null));
            taskAliases.put(task, alias(task));
        }

        this.workflow = new GracefulTerminationWorkflow(this, "Workflow", GracefulTerminationWorkflowProps.builder()
                .functions(new TaskFunctions(taskAliases))
                .settings(config.settings())
                .lifecycleActionArns(lifecycleActionArns)
                .logLevel(config.executionLogLevel())
                .build());
        var stateMachine = workflow.getStateMachine();
        CfnLintFindings.roleDependencyWrittenByCdk(stateMachine);

        this.deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        this.notifications = new LifecycleNotifications(this, "Lifecycle", config);
        this.starterRole = lambdaRole("StarterRole", "The starter function of graceful-worker-terminator");
        stateMachine.grantStartExecution(starterRole);
        var starter = new JavaFunction(this, WorkflowFunction.START_WORKFLOW, starterRole,
                Map.of("STATE_MACHINE_ARN", stateMachine.getStateMachineArn()), defaults, deadLetterQueue);
        functions.put(WorkflowFunction.START_WORKFLOW, starter);
        var subscription = notifications.topic().addSubscription(LambdaSubscription.Builder.create(starter.alias())
                .deadLetterQueue(deadLetterQueue)
                .build());
        acknowledge(subscription, "CloudFormation-Validate::W3694",
                "SNS delivers to a qualified function ARN: the alias, so SnapStart's published version runs");
        if (config.eventBridgeEntry()) {
            eventBridgeEntry(config.autoScalingGroupNames());
        }

        if (config.network().isPresent()) {
            // network interfaces in the VPC: Lambda's own managed policy, kept current by AWS
            for (Role role : List.of(taskRole, starterRole)) {
                role.addManagedPolicy(ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaVPCAccessExecutionRole"));
                NagFindings.lambdaVpcAccessPolicy(role);
            }
        }

        new WorkflowAlarms(this, "Alarms", stateMachine, deadLetterQueue);
        output("TopicArn", notifications.topic().getTopicArn(), "Lifecycle hooks notify this topic");
        output("LifecycleHookRoleArn", notifications.hookRole().getRoleArn(),
                "Role for lifecycle hooks created outside this stack (RoleARN)");
        output("StateMachineArn", stateMachine.getStateMachineArn(), "The graceful termination workflow");
        output("DeadLetterQueueUrl", deadLetterQueue.getQueueUrl(), "Lifecycle messages that could not be started");
        output("TaskRoleArn", taskRole.getRoleArn(), "The role the task functions use towards Kubernetes");
        NagFindings.autoScalingGroupArnsPinnedByName(taskRole);
        // the state machine heartbeats and fails open through Auto Scaling's API itself, on the same groups
        NagFindings.autoScalingGroupArnsPinnedByName(stateMachine.getRole());
        for (var role : List.of(taskRole, starterRole, stateMachine.getRole())) {
            NagFindings.wildcardOnlyWhereNoResourceLevelPermissionExists(role);
        }
    }

    private Role lambdaRole(String id, String description) {
        return Role.Builder.create(this, id)
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(description)
                .build();
    }

    /** Grants the task role access to the cluster and returns the environment that tells the functions how. */
    private Map<String, String> clusterAccess(ClusterAccess access, String kubernetesGroup) {
        return switch (access) {
            case ClusterAccess.EksCluster eks -> {
                taskRole.addToPolicy(PolicyStatement.Builder.create()
                        .sid("ReadTheClusterEndpoint")
                        .actions(List.of("eks:DescribeCluster"))
                        .resources(List.of(formatArn(ArnComponents.builder()
                                .service("eks").resource("cluster").resourceName(eks.clusterName())
                                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build())))
                        .build());
                CfnAccessEntry.Builder.create(this, "TaskRoleAccessEntry")
                        .clusterName(eks.clusterName())
                        .principalArn(taskRole.getRoleArn())
                        .kubernetesGroups(List.of(kubernetesGroup))
                        .type("STANDARD")
                        .build();
                yield Map.of("CLUSTER_NAME", eks.clusterName());
            }
            case ClusterAccess.KubeconfigSecret secret -> {
                taskRole.addToPolicy(PolicyStatement.Builder.create()
                        .sid("ReadTheKubeconfig")
                        .actions(List.of("secretsmanager:GetSecretValue"))
                        .resources(List.of(secret.secretArn()))
                        .build());
                yield Map.of("KUBECONFIG_SECRET_ID", secret.secretArn());
            }
        };
    }

    /** The groups' ARNs for IAM, or {@code *} when the hooks are created elsewhere. */
    private List<String> lifecycleActionArns(List<String> groupNames) {
        var groups = new ArrayList<String>();
        // the group ARN holds a UUID nobody knows before deploy time: the name pins the group
        List<String> names = groupNames.isEmpty() ? List.of("*") : groupNames;
        for (String name : names) {
            groups.add(formatArn(ArnComponents.builder()
                    .service("autoscaling").resource("autoScalingGroup")
                    .resourceName("*:autoScalingGroupName/" + name)
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()));
        }
        return groups;
    }

    private void allowLifecycleActions(List<String> groups) {
        taskRole.addToPolicy(PolicyStatement.Builder.create()
                .sid("AnswerTheLifecycleHooks")
                .actions(List.of("autoscaling:CompleteLifecycleAction", "autoscaling:RecordLifecycleActionHeartbeat"))
                .resources(groups)
                .build());
    }

    /**
     * Auto Scaling's lifecycle events → the lifecycle topic, with the event's {@code detail} (the lifecycle message)
     * as the SNS message: so the starter names the execution {@code <instanceId>-<token>} as for a hook's own
     * message, and a duplicate collapses into one execution. A rule cannot name an execution, which is why it does
     * not target the state machine itself; the stack's hooks then have no notification target (one way in).
     */
    private void eventBridgeEntry(List<String> groupNames) {
        var pattern = EventPattern.builder()
                .source(List.of("aws.autoscaling"))
                .detailType(List.of(LIFECYCLE_ACTION_DETAIL_TYPE));
        if (!groupNames.isEmpty()) {
            pattern.detail(Map.of("AutoScalingGroupName", groupNames));
        }
        Rule.Builder.create(this, "LifecycleActionRule")
                .description("Starts graceful-worker-terminator for terminating instances of the named groups")
                .eventPattern(pattern.build())
                .targets(List.of(SnsTopic.Builder.create(notifications.topic())
                        .message(RuleTargetInput.fromEventPath("$.detail"))
                        .deadLetterQueue(deadLetterQueue)
                        .build()))
                .build();
    }

    private FunctionDefaults.VpcPlacement placement(FunctionNetwork network) {
        IVpc vpc = Vpc.fromVpcAttributes(this, "Vpc", VpcAttributes.builder()
                .vpcId(network.vpcId())
                .availabilityZones(getAvailabilityZones())
                .build());
        var subnets = new ArrayList<ISubnet>();
        for (String subnetId : network.subnetIds()) {
            var subnet = Subnet.fromSubnetId(this, subnetId, subnetId);
            acknowledge(subnet, "Annotation::@aws-cdk/aws-ec2:noSubnetRouteTableId",
                    "the functions only place their network interfaces in the subnet; no route table is read");
            subnets.add(subnet);
        }
        var securityGroups = new ArrayList<ISecurityGroup>();
        network.securityGroupIds().forEach(groupId ->
                securityGroups.add(SecurityGroup.fromSecurityGroupId(this, groupId, groupId)));
        if (securityGroups.isEmpty()) {
            securityGroups.add(SecurityGroup.Builder.create(this, "FunctionsSecurityGroup")
                    .vpc(vpc)
                    .description("graceful-worker-terminator functions: outbound to the cluster and AWS APIs")
                    .allowAllOutbound(true)
                    .build());
        }
        return new FunctionDefaults.VpcPlacement(vpc, SubnetSelection.builder().subnets(subnets).build(), securityGroups);
    }

    private Alias alias(WorkflowFunction handler) {
        return functions.get(handler).alias();
    }

    private static void acknowledge(IConstruct construct, String rule, String reason) {
        Validations.of(construct).acknowledge(Acknowledgment.builder().id(rule).reason(reason).build());
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
