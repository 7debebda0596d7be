package dev.gracefulworker.cdk;

import dev.gracefulworker.contract.DrainMode;
import dev.gracefulworker.contract.FailurePolicy;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.contract.PodSelector;
import dev.gracefulworker.contract.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.services.stepfunctions.LogLevel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DeploymentConfigTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:kubeconfig-AbCdEf";

    @Test
    void clusterNameAlone_deploysTheDocumentedDefaults() {
        var config = read(Map.of("clusterName", "demo"));

        assertThat(config.clusterAccess()).isEqualTo(new ClusterAccess.EksCluster("demo"));
        assertThat(config.autoScalingGroupNames()).isEmpty();
        assertThat(config.existingTopicArn()).isEmpty();
        assertThat(config.eventBridgeEntry()).isFalse();
        assertThat(config.settings()).isEqualTo(Settings.defaults());
        assertThat(config.logLevel()).isEqualTo(FunctionLogLevel.INFO);
        assertThat(config.executionLogLevel()).isEqualTo(LogLevel.ALL);
        assertThat(config.kubernetesGroup()).isEqualTo("graceful-worker-terminator");
        assertThat(config.lifecycleHookName()).isEqualTo("graceful-worker-terminator");
        assertThat(config.network()).isEmpty();
        assertThat(config.functionMemoryMb()).isEqualTo(1024);
    }

    @Test
    void commandLineStrings_areParsedIntoEveryKey() {
        var context = new HashMap<String, Object>();
        context.put("kubeconfigSecretArn", SECRET);
        context.put("autoScalingGroupNames", " workers-a, workers-b ,");
        context.put("existingTopicArn", "arn:aws:sns:eu-west-1:111122223333:worker-lifecycle");
        context.put("eventBridgeEntry", "TRUE");
        context.put("waitForPods", "batch:app=report-runner;*:gwt/wait in (yes)");
        context.put("pollIntervalSeconds", "10");
        context.put("maxPollIntervalSeconds", "60");
        context.put("maxWaitSeconds", "7200");
        context.put("heartbeatTimeoutSeconds", "600");
        context.put("drainMode", "wait");
        context.put("taintNode", "false");
        context.put("dryRun", "true");
        context.put("onTimeout", "abandon");
        context.put("onFailure", "leave_to_hook_timeout");
        context.put("logLevel", "debug");
        context.put("executionLogLevel", "error");
        context.put("kubernetesGroup", "node-drainers");
        context.put("lifecycleHookName", "drain-first");
        context.put("vpcId", "vpc-0123456789abcdef0");
        context.put("subnetIds", "subnet-0123456789abcdef0,subnet-0123456789abcdef1");
        context.put("securityGroupIds", "sg-0123456789abcdef0");
        context.put("functionMemoryMb", "2048");

        var config = read(context);

        assertThat(config.clusterAccess()).isEqualTo(new ClusterAccess.KubeconfigSecret(SECRET));
        assertThat(config.autoScalingGroupNames()).containsExactly("workers-a", "workers-b");
        assertThat(config.existingTopicArn()).contains("arn:aws:sns:eu-west-1:111122223333:worker-lifecycle");
        assertThat(config.eventBridgeEntry()).isTrue();
        assertThat(config.settings()).isEqualTo(Settings.builder()
                .waitForPods(List.of(new PodSelector("batch", "app=report-runner"),
                        new PodSelector("*", "gwt/wait in (yes)")))
                .pollIntervalSeconds(10).maxPollIntervalSeconds(60).maxWaitSeconds(7200).heartbeatTimeoutSeconds(600)
                .drainMode(DrainMode.WAIT).taintNode(false).dryRun(true)
                .onTimeout(LifecycleResult.ABANDON).onFailure(FailurePolicy.LEAVE_TO_HOOK_TIMEOUT)
                .build());
        assertThat(config.logLevel()).isEqualTo(FunctionLogLevel.DEBUG);
        assertThat(config.executionLogLevel()).isEqualTo(LogLevel.ERROR);
        assertThat(config.kubernetesGroup()).isEqualTo("node-drainers");
        assertThat(config.lifecycleHookName()).isEqualTo("drain-first");
        assertThat(config.network()).contains(new FunctionNetwork("vpc-0123456789abcdef0",
                List.of("subnet-0123456789abcdef0", "subnet-0123456789abcdef1"), List.of("sg-0123456789abcdef0")));
        assertThat(config.functionMemoryMb()).isEqualTo(2048);
    }

    @Test
    void cdkJsonValues_keepTheirJsonTypes() {
        var config = read(Map.of(
                "clusterName", "demo",
                "autoScalingGroupNames", List.of("workers-a", "workers-b"),
                "waitForPods", List.of(Map.of("namespace", "batch", "labelSelector", "app=report-runner")),
                "maxWaitSeconds", 7200,
                "dryRun", true));

        assertThat(config.autoScalingGroupNames()).containsExactly("workers-a", "workers-b");
        assertThat(config.settings().waitForPods()).containsExactly(new PodSelector("batch", "app=report-runner"));
        assertThat(config.settings().maxWaitSeconds()).isEqualTo(7200);
        assertThat(config.settings().dryRun()).isTrue();
    }

    @Test
    void waitForPodsAsAJsonString_isParsed() {
        var config = read(Map.of("clusterName", "demo",
                "waitForPods", "[{\"namespace\":\"batch\",\"labelSelector\":\"app=report-runner\"}]"));

        assertThat(config.settings().waitForPods()).containsExactly(new PodSelector("batch", "app=report-runner"));
    }

    @Test
    void noClusterAccess_isRejectedSayingHowToSetIt() {
        assertThat(problems(Map.of())).containsExactly("clusterName or kubeconfigSecretArn is required: "
                + "-c clusterName=<EKS cluster name>, or -c kubeconfigSecretArn=<ARN of a Secrets Manager secret "
                + "holding a kubeconfig>");
    }

    @Test
    void bothClusterAccesses_areRejected() {
        assertThat(problems(Map.of("clusterName", "demo", "kubeconfigSecretArn", SECRET)))
                .containsExactly("clusterName and kubeconfigSecretArn are both set: keep clusterName for EKS, or "
                        + "kubeconfigSecretArn for any other Kubernetes");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "clusterName|my cluster|clusterName must be an EKS cluster name (got 'my cluster')",
            "kubeconfigSecretArn|kubeconfig|kubeconfigSecretArn must be a Secrets Manager secret ARN",
            "existingTopicArn|worker-lifecycle|existingTopicArn must be an SNS topic ARN",
            "autoScalingGroupNames|a:b|autoScalingGroupNames: each entry must be an Auto Scaling group name (got 'a:b')",
            "eventBridgeEntry|yes|eventBridgeEntry must be true or false (got 'yes')",
            "pollIntervalSeconds|15s|pollIntervalSeconds must be a whole number (got '15s')",
            "drainMode|DRAIN|drainMode must be one of [EVICT, WAIT] (got 'DRAIN')",
            "onFailure|RETRY|onFailure must be one of [CONTINUE, ABANDON, LEAVE_TO_HOOK_TIMEOUT] (got 'RETRY')",
            "logLevel|VERBOSE|logLevel must be one of [TRACE, DEBUG, INFO, WARN, ERROR] (got 'VERBOSE')",
            "executionLogLevel|DEBUG|executionLogLevel must be one of [OFF, ALL, ERROR, FATAL] (got 'DEBUG')",
            "kubernetesGroup|system:masters|kubernetesGroup must be a Kubernetes group name (lowercase, not starting with system:)",
            "functionMemoryMb|64|functionMemoryMb must be between 128 and 10240 (got 64)",
            "waitForPods|report-runner|waitForPods must be a JSON list like",
            "subnetIds|subnet-0123456789abcdef0|vpcId and subnetIds go together",
            "maxPollIntervalSeconds|200|maxPollIntervalSeconds (200) must be at most heartbeatTimeoutSeconds / 2 (150)",
            "maxWaitSeconds|200000|maxWaitSeconds is 200000: it must be between 1 and 172800",
            // a selector is parsed with the handlers' own parser, so a typo fails the synth, not every execution
            "waitForPods|batch:app in (a|waitForPods[0].labelSelector: 'app in (a' is not a label selector",
            "waitForPods|:app=web|waitForPods must be a JSON list like",
            // what CloudFormation's resource schemas would refuse, caught here with the key's name
            "lifecycleHookName|drain.first|lifecycleHookName must be 1-255 letters, digits or - _ / (what a lifecycle hook name may hold) (got 'drain.first')",
            "lifecycleHookName|drain first|lifecycleHookName must be 1-255 letters, digits or - _ /",
            "securityGroupIds|sg-00000001,sg-00000002,sg-00000003,sg-00000004,sg-00000005,sg-00000006|securityGroupIds: at most 5 security groups (got 6)"})
    void badValue_isRejectedNamingTheKey(String key, String value, String expectedProblem) {
        var context = new HashMap<String, Object>();
        if (!key.equals("clusterName") && !key.equals("kubeconfigSecretArn")) {
            context.put("clusterName", "demo");
        }
        context.put(key, value);

        assertThat(problems(context)).anySatisfy(problem -> assertThat(problem).startsWith(expectedProblem));
    }

    @Test
    void topicArnLongerThanAHookTargetMayBe_isRejected() {
        String arn = "arn:aws:sns:eu-west-1:111122223333:" + "t".repeat(221);

        assertThat(arn).hasSize(256);
        assertThat(problems(Map.of("clusterName", "demo", "existingTopicArn", arn)))
                .singleElement().asString().startsWith("existingTopicArn must be an SNS topic ARN (arn:aws:sns:<region>:"
                        + "<account>:<name>) of at most 255 characters");
    }

    @Test
    void seventeenSubnets_areRejected() {
        var subnets = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            subnets.append(i == 0 ? "" : ",").append("subnet-%08x".formatted(i));
        }

        assertThat(problems(Map.of("clusterName", "demo", "vpcId", "vpc-0123456789abcdef0", "subnetIds", subnets.toString())))
                .containsExactly("subnetIds: at most 16 subnets (got 17)");
    }

    @Test
    void everyBadValue_isReportedAtOnce() {
        var exception = catchThrowableOfType(InvalidDeploymentConfigException.class, () -> read(Map.of(
                "clusterName", "demo", "taintNode", "maybe", "maxWaitSeconds", "forever", "drainMode", "DRAIN")));

        assertThat(exception.problems()).hasSize(3);
        assertThat(exception.getMessage()).startsWith(
                "Invalid deployment configuration (cdk.json \"context\" or -c key=value):\n  - ");
    }

    @Test
    void blankValues_countAsUnset() {
        var config = read(Map.of("clusterName", "demo", "existingTopicArn", " ", "autoScalingGroupNames", ""));

        assertThat(config.existingTopicArn()).isEqualTo(Optional.empty());
        assertThat(config.autoScalingGroupNames()).isEmpty();
    }

    private static DeploymentConfig read(Map<String, ?> context) {
        return DeploymentConfig.from(context::get);
    }

    private static List<String> problems(Map<String, ?> context) {
        return catchThrowableOfType(InvalidDeploymentConfigException.class, () -> read(context)).problems();
    }
}
