package dev.gracefulworker.cdk;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The synthesized templates pass cfn-lint (the CloudFormation resource schemas and cfn-lint's own rules) with no
 * finding at all: errors fixed, the accepted warnings suppressed on their resource with a reason (CfnLintFindings).
 * cfn-lint does not look into a definition built with Fn::Join; asl-validator checks the exported definition.
 */
class CfnLintTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:kubeconfig-AbCdEf";
    private final CfnLint cfnLint = CfnLint.onPath();

    @Test
    void defaultStack_passesCfnLint() {
        var synth = StackSynth.of(Map.of("clusterName", "demo", "autoScalingGroupNames", "workers-a"));

        assertThat(cfnLint.lint(synth, "default")).isEmpty();
    }

    @Test
    void kubeconfigSecretInAVpcWithTheEventBridgeEntry_passesCfnLint() {
        var synth = StackSynth.of(Map.of("kubeconfigSecretArn", SECRET, "autoScalingGroupNames", "workers-a",
                "eventBridgeEntry", "true", "vpcId", "vpc-0123456789abcdef0",
                "subnetIds", "subnet-0123456789abcdef0,subnet-0123456789abcdef1"));

        assertThat(cfnLint.lint(synth, "secret-vpc-eventbridge")).isEmpty();
    }

    @Test
    void severalGroupsOnAnExistingTopicWithFiveSecurityGroups_passCfnLint() {
        var synth = StackSynth.of(Map.of("clusterName", "demo",
                "autoScalingGroupNames", "workers-a,workers-b,workers-spot-c,batch-d,gpu-e",
                "existingTopicArn", "arn:aws:sns:eu-west-1:111122223333:worker-lifecycle",
                "vpcId", "vpc-0123456789abcdef0", "subnetIds", "subnet-0123456789abcdef0",
                "securityGroupIds", "sg-00000001,sg-00000002,sg-00000003,sg-00000004,sg-00000005"));

        assertThat(cfnLint.lint(synth, "several-groups")).isEmpty();
    }

    /**
     * Every name the user sets, as wide as the settings' own checks allow (every printable ASCII character they
     * accept, at the longest length they accept), lands in a template the resource schemas accept: so a name the
     * schemas refuse is caught by DeploymentConfig, with the key's name, and never first by CloudFormation.
     */
    @Test
    void widestNamesTheSettingsAccept_passTheResourceSchemas() {
        var context = new HashMap<String, Object>(Map.of("clusterName", "demo"));
        for (String key : List.of(DeploymentConfig.LIFECYCLE_HOOK_NAME, DeploymentConfig.CLUSTER_NAME,
                DeploymentConfig.KUBERNETES_GROUP)) {
            context.put(key, widestAccepted(key));
        }
        String groupCharacters = acceptedCharacters(DeploymentConfig.AUTO_SCALING_GROUP_NAMES);
        String longestGroup = "g".repeat(longestAccepted(DeploymentConfig.AUTO_SCALING_GROUP_NAMES));
        // as -c gives it: the comma the characters hold separates two names, each of which must pass as well
        context.put(DeploymentConfig.AUTO_SCALING_GROUP_NAMES, "g" + groupCharacters + "g," + longestGroup);
        var synth = StackSynth.of(context);

        assertThat(context.get(DeploymentConfig.LIFECYCLE_HOOK_NAME).toString()).hasSize(255).doesNotContain(".");
        synth.template().resourceCountIs("AWS::AutoScaling::LifecycleHook", 3);
        assertThat(cfnLint.lint(synth, "widest-names")).isEmpty();
    }

    @Test
    void missingCfnLint_failsWithTheInstallHint_neverSkips() throws Exception {
        Path template = Files.createTempFile("empty", ".template.json");
        Files.writeString(template, "{\"Resources\":{}}");

        assertThatThrownBy(() -> new CfnLint("cfn-lint-is-not-installed-here").lint(template))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("cfn-lint is not on PATH: install it with 'pip install cfn-lint'");
    }

    // --- what DeploymentConfig accepts for one key, found by asking it -------------------------------------------

    private static String widestAccepted(String key) {
        String characters = acceptedCharacters(key);
        int longest = longestAccepted(key);
        var name = new StringBuilder("a").append(characters);
        while (name.length() < longest) {
            name.append('a');
        }
        String widest = name.substring(0, longest);
        assertThat(accepted(key, widest)).as("%s accepts '%s'", key, widest).isTrue();
        return widest;
    }

    private static String acceptedCharacters(String key) {
        var characters = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            if (c != 'a' && accepted(key, "a" + c + "a")) {
                characters.append(c);
            }
        }
        return characters.toString();
    }

    private static int longestAccepted(String key) {
        IntPredicate fits = length -> accepted(key, "a".repeat(length));
        int length = 1;
        while (length < 2_048 && fits.test(length + 1)) {
            length++;
        }
        return length;
    }

    private static boolean accepted(String key, String value) {
        var context = new HashMap<String, Object>(Map.of("clusterName", "demo"));
        context.put(key, value);
        try {
            DeploymentConfig.from(context::get);
            return true;
        } catch (InvalidDeploymentConfigException e) {
            return e.problems().stream().noneMatch(problem -> problem.startsWith(key));
        }
    }
}
