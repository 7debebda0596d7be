package dev.gracefulworker.functions;

import dev.gracefulworker.functions.kubernetes.KubernetesAccess;
import dev.gracefulworker.functions.kubernetes.KubernetesClientFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The functions' environment variables, parsed once; a missing or bad value fails with
 * {@link InvalidEnvironmentException} naming the variable.
 *
 * @param region                AWS_REGION (required)
 * @param endpointOverride      AWS_ENDPOINT_URL: one endpoint for every AWS call (local runs and tests)
 * @param kubernetesAccess      the one of CLUSTER_NAME, KUBECONFIG_SECRET_ID, KUBECONFIG_PATH that is set
 * @param awsMaxAttempts        AWS_MAX_ATTEMPTS: SDK attempts per call, the SDK's default when absent
 * @param kubernetesReadTimeout KUBERNETES_READ_TIMEOUT_SECONDS
 * @param metricsNamespace      POWERTOOLS_METRICS_NAMESPACE
 * @param stateMachineArn       STATE_MACHINE_ARN as set, checked by {@link #requiredStateMachineArn()}
 */
public record FunctionEnvironment(
        Region region,
        Optional<URI> endpointOverride,
        Optional<KubernetesAccess> kubernetesAccess,
        Optional<Integer> awsMaxAttempts,
        Duration kubernetesReadTimeout,
        String metricsNamespace,
        Optional<String> stateMachineArn) {

    private static final String DEFAULT_METRICS_NAMESPACE = "GracefulWorkerTerminator";

    /** Reads every variable the functions use from {@code env}, in a fixed order: the first bad one is reported. */
    public static FunctionEnvironment parse(Map<String, String> env) {
        return new FunctionEnvironment(
                Region.of(value(env, "AWS_REGION")
                        .orElseThrow(() -> new InvalidEnvironmentException("AWS_REGION", "is not set"))),
                value(env, "AWS_ENDPOINT_URL").map(FunctionEnvironment::endpointUri),
                kubernetesAccess(env),
                value(env, "AWS_MAX_ATTEMPTS").map(v -> positiveInt("AWS_MAX_ATTEMPTS", v)),
                value(env, "KUBERNETES_READ_TIMEOUT_SECONDS")
                        .map(v -> Duration.ofSeconds(positiveInt("KUBERNETES_READ_TIMEOUT_SECONDS", v)))
                        .orElse(KubernetesClientFactory.DEFAULT_READ_TIMEOUT),
                value(env, "POWERTOOLS_METRICS_NAMESPACE").orElse(DEFAULT_METRICS_NAMESPACE),
                value(env, "STATE_MACHINE_ARN"));
    }

    /**
     * The state machine the starter starts. Checked here rather than in {@link #parse}: only the starter needs it,
     * and the task functions must not fail at init over a variable they never read.
     */
    public String requiredStateMachineArn() {
        String arn = stateMachineArn.orElseThrow(() -> new InvalidEnvironmentException("STATE_MACHINE_ARN", "is not set"));
        if (!arn.startsWith("arn:") || !arn.contains(":stateMachine:")) {
            throw new InvalidEnvironmentException("STATE_MACHINE_ARN", "not a state machine ARN: " + arn);
        }
        return arn;
    }

    /** A variable's value, stripped; absent when unset or blank. */
    static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<KubernetesAccess> kubernetesAccess(Map<String, String> env) {
        List<KubernetesAccess> chosen = new ArrayList<>();
        value(env, "CLUSTER_NAME").ifPresent(v -> chosen.add(new KubernetesAccess.EksCluster(v)));
        value(env, "KUBECONFIG_SECRET_ID").ifPresent(v -> chosen.add(new KubernetesAccess.KubeconfigSecret(v)));
        value(env, "KUBECONFIG_PATH").ifPresent(v -> chosen.add(new KubernetesAccess.KubeconfigFile(Path.of(v))));
        if (chosen.size() > 1) {
            throw new InvalidEnvironmentException("CLUSTER_NAME",
                    "set only one of CLUSTER_NAME, KUBECONFIG_SECRET_ID and KUBECONFIG_PATH, not " + chosen.size());
        }
        return chosen.stream().findFirst();
    }

    private static int positiveInt(String name, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidEnvironmentException(name, "must be a whole number of at least 1, was '" + value + "'");
    }

    private static URI endpointUri(String value) {
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidEnvironmentException("AWS_ENDPOINT_URL", "not an http(s) URL: " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidEnvironmentException("AWS_ENDPOINT_URL", "not a URL: " + value);
        }
    }
}
