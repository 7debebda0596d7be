package dev.gracefulworker.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.functions.kubernetes.KubernetesAccess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;

class FunctionEnvironmentTest {

    private static final Map<String, String> ENV = Map.of("AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "AKIDTEST", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_ENDPOINT_URL", "http://127.0.0.1:1");

    @Test
    void onlyTheRegion_givesTheDefaults() {
        FunctionEnvironment environment = FunctionEnvironment.parse(Map.of("AWS_REGION", "eu-west-1"));

        assertThat(environment).isEqualTo(new FunctionEnvironment(Region.EU_WEST_1, Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(15), "GracefulWorkerTerminator", Optional.empty()));
    }

    @Test
    void everyVariable_isParsedOnce() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("KUBECONFIG_PATH", " /tmp/kubeconfig ");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("KUBERNETES_READ_TIMEOUT_SECONDS", "30");
        env.put("POWERTOOLS_METRICS_NAMESPACE", "Drains");
        env.put("STATE_MACHINE_ARN", "arn:aws:states:eu-west-1:111122223333:stateMachine:gwt");

        FunctionEnvironment environment = FunctionEnvironment.parse(env);

        assertThat(environment).isEqualTo(new FunctionEnvironment(Region.EU_WEST_1,
                Optional.of(URI.create("http://127.0.0.1:1")),
                Optional.of(new KubernetesAccess.KubeconfigFile(Path.of("/tmp/kubeconfig"))), Optional.of(1),
                Duration.ofSeconds(30), "Drains", Optional.of("arn:aws:states:eu-west-1:111122223333:stateMachine:gwt")));
        assertThat(environment.requiredStateMachineArn()).isEqualTo("arn:aws:states:eu-west-1:111122223333:stateMachine:gwt");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AWS_REGION                      |                 | is not set",
            "AWS_ENDPOINT_URL                | localhost:4566  | not an http(s) URL",
            "AWS_MAX_ATTEMPTS                | zero            | must be a whole number",
            "KUBERNETES_READ_TIMEOUT_SECONDS | 0               | must be a whole number"})
    void badSetting_failsNamingTheVariable(String variable, String value, String problem) {
        Map<String, String> env = new HashMap<>(ENV);
        if (value == null) {
            env.remove(variable);
        } else {
            env.put(variable, value);
        }

        assertThatThrownBy(() -> FunctionEnvironment.parse(env))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessageStartingWith("environment variable " + variable + ": " + problem);
    }

    @Test
    void twoWaysToTheCluster_areRefused() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("CLUSTER_NAME", "prod");
        env.put("KUBECONFIG_PATH", "/tmp/kubeconfig");

        assertThatThrownBy(() -> FunctionEnvironment.parse(env))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessage("environment variable CLUSTER_NAME: set only one of CLUSTER_NAME, KUBECONFIG_SECRET_ID and KUBECONFIG_PATH, not 2");
    }

    @Test
    void notAStateMachineArn_isRefusedOnlyWhenAskedFor() {
        FunctionEnvironment environment = FunctionEnvironment.parse(Map.of("AWS_REGION", "eu-west-1", "STATE_MACHINE_ARN", "my-machine"));

        assertThatThrownBy(environment::requiredStateMachineArn)
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessage("environment variable STATE_MACHINE_ARN: not a state machine ARN: my-machine");
    }

    @Test
    void missingStateMachineArn_isRefusedOnlyWhenAskedFor() {
        FunctionEnvironment environment = FunctionEnvironment.parse(Map.of("AWS_REGION", "eu-west-1"));

        assertThatThrownBy(environment::requiredStateMachineArn)
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessage("environment variable STATE_MACHINE_ARN: is not set");
    }
}
