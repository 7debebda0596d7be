package dev.gracefulworker.e2e.bench;

import dev.gracefulworker.e2e.LocalEnvironment;
import dev.gracefulworker.e2e.lambda.InvocationOutcome;
import dev.gracefulworker.e2e.lambda.LambdaFunction;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.liveness.CheckLivenessHandler;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * What a JVM-per-Task override pays for one Task: a JVM starts, builds the handler through {@code Wiring}, runs one
 * invocation and exits. Arguments: the AWS endpoint and the kubeconfig of a running local environment.
 */
public final class ColdTaskInvocation {

    private ColdTaskInvocation() {
    }

    public static void main(String[] args) {
        Wiring wiring = Wiring.of(Map.of("AWS_REGION", LocalEnvironment.REGION, "AWS_ENDPOINT_URL", args[0],
                "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "KUBECONFIG_PATH", args[1]),
                Clock.systemUTC());
        LambdaFunction function = LambdaFunction.of("gwt-check-liveness", new CheckLivenessHandler(wiring));
        InvocationOutcome outcome = function.invoke(
                "{\"instanceId\":\"i-0a1b2c3d4e5f60718\"}".getBytes(StandardCharsets.UTF_8));
        System.exit(outcome instanceof InvocationOutcome.Returned ? 0 : 1);
    }
}
