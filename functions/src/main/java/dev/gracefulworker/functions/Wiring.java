package dev.gracefulworker.functions;

import dev.gracefulworker.functions.kubernetes.KubernetesAccess;
import dev.gracefulworker.functions.kubernetes.KubernetesClientFactory;
import dev.gracefulworker.functions.liveness.Ec2QueryInstanceDirectory;
import dev.gracefulworker.functions.observability.MetricsRecorder;
import dev.gracefulworker.functions.observability.PowertoolsMetricsRecorder;
import io.kubernetes.client.openapi.ApiClient;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The one place clients are built: from the environment in Lambda, from a map and a clock in tests and the
 * end-to-end runner. Each client is built on first use and kept; handlers ask for theirs in their constructor
 * so that the work happens at init (and before a SnapStart snapshot), not on the hot path.
 */
public final class Wiring {

    static final Duration AWS_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration AWS_READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration AWS_CALL_TIMEOUT = Duration.ofSeconds(25);
    static final String DEFAULT_METRICS_NAMESPACE = "GracefulWorkerTerminator";

    private final Map<String, String> env;
    private final Clock clock;
    private final Region region;
    private final Optional<URI> endpoint;
    private final Optional<KubernetesAccess> kubernetesAccess;
    private final AwsCredentialsProvider credentials;
    private final Optional<Integer> awsMaxAttempts;
    private final Duration kubernetesReadTimeout;

    private final Lazy<SdkHttpClient> httpClient = new Lazy<>(() -> UrlConnectionHttpClient.builder()
            .connectionTimeout(AWS_CONNECT_TIMEOUT)
            .socketTimeout(AWS_READ_TIMEOUT)
            .build());
    private final Lazy<AutoScalingClient> autoScaling = new Lazy<>(() -> build(AutoScalingClient.builder()));
    private final Lazy<SfnClient> sfn = new Lazy<>(() -> build(SfnClient.builder()));
    private final Lazy<EksClient> eks = new Lazy<>(() -> build(EksClient.builder()));
    private final Lazy<SecretsManagerClient> secretsManager = new Lazy<>(() -> build(SecretsManagerClient.builder()));
    private final Lazy<ApiClient> kubernetes = new Lazy<>(this::buildKubernetes);
    private final Lazy<MetricsRecorder> metrics;

    private Wiring(Map<String, String> env, Clock clock, AwsCredentialsProvider credentials, MetricsRecorder metrics) {
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.region = Region.of(required("AWS_REGION"));
        this.endpoint = optional("AWS_ENDPOINT_URL").map(Wiring::endpointUri);
        this.kubernetesAccess = kubernetesAccess(this.env);
        this.credentials = credentials;
        this.awsMaxAttempts = optional("AWS_MAX_ATTEMPTS").map(v -> positiveInt("AWS_MAX_ATTEMPTS", v));
        this.kubernetesReadTimeout = optional("KUBERNETES_READ_TIMEOUT_SECONDS")
                .map(v -> Duration.ofSeconds(positiveInt("KUBERNETES_READ_TIMEOUT_SECONDS", v)))
                .orElse(KubernetesClientFactory.DEFAULT_READ_TIMEOUT);
        String namespace = optional("POWERTOOLS_METRICS_NAMESPACE").orElse(DEFAULT_METRICS_NAMESPACE);
        this.metrics = new Lazy<>(() -> metrics != null ? metrics : new PowertoolsMetricsRecorder(namespace));
    }

    /** Lambda: the process environment, the system clock and the SDK's default credentials chain. */
    public static Wiring fromEnvironment() {
        return new Wiring(System.getenv(), Clock.systemUTC(), DefaultCredentialsProvider.builder().build(), null);
    }

    /**
     * Tests and the end-to-end runner: everything from {@code env}; credentials from its AWS_ACCESS_KEY_ID /
     * AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN) when present, else the default chain; all time from {@code clock}.
     */
    public static Wiring of(Map<String, String> env, Clock clock) {
        return new Wiring(env, clock, credentialsFrom(env), null);
    }

    /** As {@link #of(Map, Clock)}, counting metrics into {@code metrics} instead of Powertools EMF. */
    public static Wiring of(Map<String, String> env, Clock clock, MetricsRecorder metrics) {
        return new Wiring(env, clock, credentialsFrom(env), metrics);
    }

    public Clock clock() {
        return clock;
    }

    public Region region() {
        return region;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** The state machine the starter starts (STATE_MACHINE_ARN). */
    public String stateMachineArn() {
        String arn = required("STATE_MACHINE_ARN");
        if (!arn.startsWith("arn:") || !arn.contains(":stateMachine:")) {
            throw new InvalidEnvironmentException("STATE_MACHINE_ARN", "not a state machine ARN: " + arn);
        }
        return arn;
    }

    public AutoScalingClient autoScaling() {
        return autoScaling.get();
    }

    /** The HTTP client every AWS call goes through (url-connection, explicit timeouts). */
    public SdkHttpClient httpClient() {
        return httpClient.get();
    }

    /** Where EC2 calls go: AWS_ENDPOINT_URL when set, else the regional endpoint. */
    public URI ec2Endpoint() {
        return endpoint.orElseGet(() -> Ec2QueryInstanceDirectory.regionalEndpoint(region.id()));
    }

    public SfnClient sfn() {
        return sfn.get();
    }

    public EksClient eks() {
        return eks.get();
    }

    public SecretsManagerClient secretsManager() {
        return secretsManager.get();
    }

    /** The Kubernetes client for CLUSTER_NAME, KUBECONFIG_SECRET_ID or KUBECONFIG_PATH (exactly one must be set). */
    public ApiClient kubernetes() {
        return kubernetes.get();
    }

    public MetricsRecorder metrics() {
        return metrics.get();
    }

    private ApiClient buildKubernetes() {
        KubernetesAccess access = kubernetesAccess.orElseThrow(() -> new InvalidEnvironmentException(
                "CLUSTER_NAME", "set one of CLUSTER_NAME (EKS), KUBECONFIG_SECRET_ID or KUBECONFIG_PATH"));
        return new KubernetesClientFactory(this::eks, this::secretsManager, credentials, region.id(), clock,
                kubernetesReadTimeout).create(access);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient.get())
                .overrideConfiguration(o -> {
                    o.apiCallTimeout(AWS_CALL_TIMEOUT);
                    awsMaxAttempts.ifPresent(attempts -> o.retryStrategy(r -> r.maxAttempts(attempts)));
                });
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private String required(String name) {
        return optional(name).orElseThrow(() -> new InvalidEnvironmentException(name, "is not set"));
    }

    private Optional<String> optional(String name) {
        return value(env, name);
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

    static Optional<KubernetesAccess> kubernetesAccess(Map<String, String> env) {
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

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static AwsCredentialsProvider credentialsFrom(Map<String, String> env) {
        Optional<String> keyId = value(env, "AWS_ACCESS_KEY_ID");
        Optional<String> secret = value(env, "AWS_SECRET_ACCESS_KEY");
        if (keyId.isEmpty() || secret.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(value(env, "AWS_SESSION_TOKEN")
                .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(
                        token -> AwsSessionCredentials.create(keyId.get(), secret.get(), token))
                .orElseGet(() -> AwsBasicCredentials.create(keyId.get(), secret.get())));
    }
}
