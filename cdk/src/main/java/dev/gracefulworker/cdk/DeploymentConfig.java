package dev.gracefulworker.cdk;

import dev.gracefulworker.contract.DrainMode;
import dev.gracefulworker.contract.FailurePolicy;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.contract.SettingKey;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.contract.SettingsViolation;
import software.amazon.awscdk.services.stepfunctions.LogLevel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What to deploy, read from CDK context ({@code cdk.json} or {@code -c key=value}); every key and its default is
 * documented in {@code cdk/README.md}. {@link #from} reports every bad value at once.
 *
 * @param clusterAccess         the EKS cluster, or the kubeconfig secret
 * @param autoScalingGroupNames groups to create the termination hook on (empty: hooks are managed elsewhere)
 * @param existingTopicArn      a topic to use instead of creating one
 * @param eventBridgeEntry      whether an EventBridge rule also starts the workflow
 * @param settings              the workflow's deployed settings
 * @param logLevel              the functions' log level
 * @param executionLogLevel     what the state machine's execution log records
 * @param kubernetesGroup       the Kubernetes group the EKS access entry maps the task role to
 * @param lifecycleHookName     the name of the hooks this stack creates
 * @param network               VPC placement of the functions, if any
 * @param functionMemoryMb      memory of each function
 */
public record DeploymentConfig(
        ClusterAccess clusterAccess,
        List<String> autoScalingGroupNames,
        Optional<String> existingTopicArn,
        boolean eventBridgeEntry,
        Settings settings,
        FunctionLogLevel logLevel,
        LogLevel executionLogLevel,
        String kubernetesGroup,
        String lifecycleHookName,
        Optional<FunctionNetwork> network,
        int functionMemoryMb) {

    public static final String CLUSTER_NAME = "clusterName";
    public static final String KUBECONFIG_SECRET_ARN = "kubeconfigSecretArn";
    public static final String AUTO_SCALING_GROUP_NAMES = "autoScalingGroupNames";
    public static final String EXISTING_TOPIC_ARN = "existingTopicArn";
    public static final String EVENT_BRIDGE_ENTRY = "eventBridgeEntry";
    public static final String LOG_LEVEL = "logLevel";
    public static final String EXECUTION_LOG_LEVEL = "executionLogLevel";
    public static final String KUBERNETES_GROUP = "kubernetesGroup";
    public static final String LIFECYCLE_HOOK_NAME = "lifecycleHookName";
    public static final String VPC_ID = "vpcId";
    public static final String SUBNET_IDS = "subnetIds";
    public static final String SECURITY_GROUP_IDS = "securityGroupIds";
    public static final String FUNCTION_MEMORY_MB = "functionMemoryMb";

    public static final String DEFAULT_KUBERNETES_GROUP = "graceful-worker-terminator";
    public static final String DEFAULT_LIFECYCLE_HOOK_NAME = "graceful-worker-terminator";
    public static final int DEFAULT_FUNCTION_MEMORY_MB = 1024;
    static final int MAX_SUBNETS = 16;
    static final int MAX_SECURITY_GROUPS = 5;

    private static final Pattern EKS_CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");
    private static final Pattern SECRET_ARN = Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+");
    // at most 255 characters: the lifecycle hook's NotificationTargetARN (CloudFormation resource schema)
    private static final Pattern TOPIC_ARN = Pattern.compile(
            "(?=.{1,255}$)arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}");
    private static final Pattern GROUP_NAME = Pattern.compile("[^:,]{1,255}");
    // AWS::AutoScaling::LifecycleHook LifecycleHookName: ^[A-Za-z0-9\-_\/]+$, 1-255 characters
    private static final Pattern HOOK_NAME = Pattern.compile("[A-Za-z0-9_/-]{1,255}");
    private static final Pattern KUBERNETES_GROUP_NAME = Pattern.compile("(?!system:)[a-z0-9][a-z0-9:._-]{0,62}");
    private static final Pattern VPC = Pattern.compile("vpc-[0-9a-f]{8,17}");
    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-f]{8,17}");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{8,17}");

    public DeploymentConfig {
        Objects.requireNonNull(clusterAccess, "clusterAccess");
        autoScalingGroupNames = List.copyOf(autoScalingGroupNames);
        Objects.requireNonNull(existingTopicArn, "existingTopicArn");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(executionLogLevel, "executionLogLevel");
        Objects.requireNonNull(network, "network");
    }

    /**
     * Reads and checks the whole configuration.
     *
     * @param context the context value of a key, or null (e.g. {@code key -> app.getNode().tryGetContext(key)})
     * @throws InvalidDeploymentConfigException listing every missing or bad value
     */
    public static DeploymentConfig from(Function<String, Object> context) {
        var read = new ContextReader(context);
        var clusterAccess = clusterAccess(read);
        var groups = read.names(AUTO_SCALING_GROUP_NAMES, GROUP_NAME, "an Auto Scaling group name");
        var topic = read.matching(EXISTING_TOPIC_ARN, TOPIC_ARN, "an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>) of at most 255 characters");
        var eventBridgeEntry = read.bool(EVENT_BRIDGE_ENTRY, false);
        var settings = settings(read);
        // the contract's rules, the same "Apply per-group overrides" applies at run time (the history budget is
        // checked by the workflow construct, which counts it from the definition)
        settings.violations().stream().map(SettingsViolation::message).forEach(read::problem);
        var logLevel = read.choice(LOG_LEVEL, FunctionLogLevel.class, FunctionLogLevel.INFO);
        var executionLogLevel = read.choice(EXECUTION_LOG_LEVEL, LogLevel.class, LogLevel.ALL);
        var kubernetesGroup = read.matching(KUBERNETES_GROUP, KUBERNETES_GROUP_NAME,
                "a Kubernetes group name (lowercase, not starting with system:)").orElse(DEFAULT_KUBERNETES_GROUP);
        var hookName = read.matching(LIFECYCLE_HOOK_NAME, HOOK_NAME, "1-255 letters, digits or - _ / (what a lifecycle hook name may hold)")
                .orElse(DEFAULT_LIFECYCLE_HOOK_NAME);
        var network = network(read);
        var memory = read.integerBetween(FUNCTION_MEMORY_MB, DEFAULT_FUNCTION_MEMORY_MB, 128, 10_240);
        if (clusterAccess.isEmpty() || !read.problems().isEmpty()) {
            throw new InvalidDeploymentConfigException(read.problems());
        }
        return new DeploymentConfig(clusterAccess.get(), groups, topic, eventBridgeEntry, settings, logLevel,
                executionLogLevel, kubernetesGroup, hookName, network, memory);
    }

    private static Optional<ClusterAccess> clusterAccess(ContextReader read) {
        var clusterName = read.matching(CLUSTER_NAME, EKS_CLUSTER_NAME, "an EKS cluster name");
        var secretArn = read.matching(KUBECONFIG_SECRET_ARN, SECRET_ARN,
                "a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>-<suffix>)");
        if (clusterName.isPresent() && secretArn.isPresent()) {
            read.problem("clusterName and kubeconfigSecretArn are both set: keep clusterName for EKS, or "
                    + "kubeconfigSecretArn for any other Kubernetes");
            return Optional.empty();
        }
        if (clusterName.isPresent()) {
            return Optional.of(new ClusterAccess.EksCluster(clusterName.get()));
        }
        if (secretArn.isPresent()) {
            return Optional.of(new ClusterAccess.KubeconfigSecret(secretArn.get()));
        }
        if (read.problems().isEmpty()) {
            read.problem("clusterName or kubeconfigSecretArn is required: -c clusterName=<EKS cluster name>, or "
                    + "-c kubeconfigSecretArn=<ARN of a Secrets Manager secret holding a kubeconfig>");
        }
        return Optional.empty();
    }

    private static Settings settings(ContextReader read) {
        var defaults = Settings.defaults();
        return Settings.builder()
                .waitForPods(read.podSelectors(SettingKey.WAIT_FOR_PODS.key()))
                .pollIntervalSeconds(read.integer(SettingKey.POLL_INTERVAL_SECONDS.key(), defaults.pollIntervalSeconds()))
                .maxPollIntervalSeconds(read.integer(SettingKey.MAX_POLL_INTERVAL_SECONDS.key(),
                        defaults.maxPollIntervalSeconds()))
                .maxWaitSeconds(read.integer(SettingKey.MAX_WAIT_SECONDS.key(), defaults.maxWaitSeconds()))
                .heartbeatTimeoutSeconds(read.integer(SettingKey.HEARTBEAT_TIMEOUT_SECONDS.key(),
                        defaults.heartbeatTimeoutSeconds()))
                .maxOutageSeconds(read.integer(SettingKey.MAX_OUTAGE_SECONDS.key(), defaults.maxOutageSeconds()))
                .terminationSkewSeconds(read.integer(SettingKey.TERMINATION_SKEW_SECONDS.key(),
                        defaults.terminationSkewSeconds()))
                .volumeDetachTimeoutSeconds(read.integer(SettingKey.VOLUME_DETACH_TIMEOUT_SECONDS.key(),
                        defaults.volumeDetachTimeoutSeconds()))
                .excludeFromLoadBalancers(read.bool(SettingKey.EXCLUDE_FROM_LOAD_BALANCERS.key(),
                        defaults.excludeFromLoadBalancers()))
                .loadBalancerDrainTimeoutSeconds(read.integer(SettingKey.LOAD_BALANCER_DRAIN_TIMEOUT_SECONDS.key(),
                        defaults.loadBalancerDrainTimeoutSeconds()))
                .targetGroupArns(read.names(SettingKey.TARGET_GROUP_ARNS.key()))
                .waitForUnreplaceablePods(read.bool(SettingKey.WAIT_FOR_UNREPLACEABLE_PODS.key(),
                        defaults.waitForUnreplaceablePods()))
                .forceDeleteBeforeDeadline(read.bool(SettingKey.FORCE_DELETE_BEFORE_DEADLINE.key(),
                        defaults.forceDeleteBeforeDeadline()))
                .drainMode(read.choice(SettingKey.DRAIN_MODE.key(), DrainMode.class, defaults.drainMode()))
                .taintNode(read.bool(SettingKey.TAINT_NODE.key(), defaults.taintNode()))
                .dryRun(read.bool(SettingKey.DRY_RUN.key(), defaults.dryRun()))
                .onTimeout(read.choice(SettingKey.ON_TIMEOUT.key(), LifecycleResult.class, defaults.onTimeout()))
                .onFailure(read.choice(SettingKey.ON_FAILURE.key(), FailurePolicy.class, defaults.onFailure()))
                .build();
    }

    private static Optional<FunctionNetwork> network(ContextReader read) {
        var vpcId = read.matching(VPC_ID, VPC, "a VPC id (vpc-...)");
        var subnets = read.names(SUBNET_IDS, SUBNET, "a subnet id (subnet-...)");
        var securityGroups = read.names(SECURITY_GROUP_IDS, SECURITY_GROUP, "a security group id (sg-...)");
        if (vpcId.isEmpty() && subnets.isEmpty() && securityGroups.isEmpty()) {
            return Optional.empty();
        }
        // AWS::Lambda::Function VpcConfig: at most 16 subnets and 5 security groups
        if (subnets.size() > MAX_SUBNETS) {
            read.problem("%s: at most %d subnets (got %d)".formatted(SUBNET_IDS, MAX_SUBNETS, subnets.size()));
        }
        if (securityGroups.size() > MAX_SECURITY_GROUPS) {
            read.problem("%s: at most %d security groups (got %d)".formatted(SECURITY_GROUP_IDS, MAX_SECURITY_GROUPS,
                    securityGroups.size()));
        }
        if (vpcId.isEmpty() || subnets.isEmpty()) {
            read.problem("vpcId and subnetIds go together: set both to run the functions in a VPC (securityGroupIds "
                    + "is optional), or neither");
            return Optional.empty();
        }
        return Optional.of(new FunctionNetwork(vpcId.get(), subnets, securityGroups));
    }
}
