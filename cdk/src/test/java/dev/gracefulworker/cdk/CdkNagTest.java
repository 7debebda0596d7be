package dev.gracefulworker.cdk;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** cdk-nag's AwsSolutions pack finds nothing unsuppressed; every suppression carries its reason (NagFindings). */
class CdkNagTest {

    @Test
    void eksStackWithHooksEventBridgeAndVpc_hasNoUnsuppressedAwsSolutionsFindings() {
        var synth = StackSynth.withNag(Map.of(
                "clusterName", "demo",
                "autoScalingGroupNames", "workers-a,workers-b",
                "eventBridgeEntry", "true",
                "vpcId", "vpc-0123456789abcdef0",
                "subnetIds", "subnet-0123456789abcdef0"));

        assertThat(findings(synth)).isEmpty();
    }

    @Test
    void kubeconfigStackOnAnExistingTopicWithoutGroups_hasNoUnsuppressedAwsSolutionsFindings() {
        var synth = StackSynth.withNag(Map.of(
                "kubeconfigSecretArn", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:kubeconfig-AbCdEf",
                "existingTopicArn", "arn:aws:sns:eu-west-1:111122223333:worker-lifecycle"));

        assertThat(findings(synth)).isEmpty();
    }

    private static List<String> findings(StackSynth synth) {
        var annotations = Annotations.fromStack(synth.stack());
        var findings = new java.util.ArrayList<String>();
        for (var message : List.of(
                annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")),
                annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))) {
            message.forEach(entry -> findings.add(entry.getId() + ": " + entry.getEntry().getData()));
        }
        return findings;
    }
}
