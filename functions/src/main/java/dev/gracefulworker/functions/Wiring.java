package dev.gracefulworker.functions;

import dev.gracefulworker.functions.aws.AwsEndpoints;
import dev.gracefulworker.functions.kubernetes.KubernetesAccess;
import dev.gracefulworker.functions.kubernetes.KubernetesClientFactory;
import dev.gracefulworker.functions.observability.MetricsRecorder;
import dev.gracefulworker.functions.observability.PowertoolsMetricsRecorder;
import io.kubernetes.client.openapi.ApiClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
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
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The one place clients are built, from a {@link FunctionEnvironment}: the process environment in Lambda, a map and
 * a clock in tests and the end-to-end runner. Each client is built on first use and kept; handlers ask for theirs in
 * their constructor so that the work happens at init (and before a SnapStart snapshot), not on the hot path.
 */
public final class Wiring {

    private static final Duration AWS_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration AWS_READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration AWS_CALL_TIMEOUT = Duration.ofSeconds(25);

    private final FunctionEnvironment environment;
    private final Clock clock;
    private final AwsCredentialsProvider credentials;

    private final Lazy<SdkHttpClient> httpClient = new Lazy<>(() -> UrlConnectionHttpClient.builder()
            .connectionTimeout(AWS_CONNECT_TIMEOUT)
            .socketTimeout(AWS_READ_TIMEOUT)
            .build());
    private final Lazy<AutoScalingClient> autoScaling = new Lazy<>(() -> build(AutoScalingClient.builder()));
    private final Lazy<SfnClient> sfn = new Lazy<>(() -> build(SfnClient.builder()));
    private final Lazy<EksClient> eks = new Lazy<>(() -> build(EksClient.builder()));
    private final Lazy<ElasticLoadBalancingV2Client> elasticLoadBalancing =
            new Lazy<>(() -> build(ElasticLoadBalancingV2Client.builder()));
    private final Lazy<SecretsManagerClient> secretsManager = new Lazy<>(() -> build(SecretsManagerClient.builder()));
    private final Lazy<ApiClient> kubernetes = new Lazy<>(this::buildKubernetes);
    private final Lazy<MetricsRecorder> metrics;

    private Wiring(FunctionEnvironment environment, Clock clock, AwsCredentialsProvider credentials, MetricsRecorder metrics) {
        this.environment = environment;
        this.clock = clock;
        this.credentials = credentials;
        this.metrics = new Lazy<>(() -> metrics != null ? metrics : new PowertoolsMetricsRecorder(environment.metricsNamespace()));
    }

    /** Lambda: the process environment, the system clock and the SDK's default credentials chain. */
    public static Wiring fromEnvironment() {
        return new Wiring(FunctionEnvironment.parse(System.getenv()), Clock.systemUTC(),
                DefaultCredentialsProvider.builder().build(), null);
    }

    /**
     * Tests and the end-to-end runner: everything from {@code env}; credentials from its AWS_ACCESS_KEY_ID /
     * AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN) when present, else the default chain; all time from {@code clock}.
     */
    public static Wiring of(Map<String, String> env, Clock clock) {
        return of(env, clock, null);
    }

    /** As {@link #of(Map, Clock)}, counting metrics into {@code metrics} instead of Powertools EMF. */
    public static Wiring of(Map<String, String> env, Clock clock, MetricsRecorder metrics) {
        return new Wiring(FunctionEnvironment.parse(env), clock, credentialsFrom(env), metrics);
    }

    public Clock clock() {
        return clock;
    }

    public Region region() {
        return environment.region();
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** The state machine the starter starts (STATE_MACHINE_ARN). */
    public String stateMachineArn() {
        return environment.requiredStateMachineArn();
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
        return environment.endpointOverride().orElseGet(() -> AwsEndpoints.ec2(region().id()));
    }

    public SfnClient sfn() {
        return sfn.get();
    }

    public EksClient eks() {
        return eks.get();
    }

    /** Elastic Load Balancing v2 (target groups and their health), with the same timeouts as every AWS client. */
    public ElasticLoadBalancingV2Client elasticLoadBalancing() {
        return elasticLoadBalancing.get();
    }

    /** The EKS cluster (CLUSTER_NAME) when the functions reach Kubernetes through EKS; empty with a kubeconfig. */
    public Optional<String> eksClusterName() {
        return environment.kubernetesAccess().flatMap(access -> access instanceof KubernetesAccess.EksCluster(String name)
                ? Optional.of(name) : Optional.empty());
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
        KubernetesAccess access = environment.kubernetesAccess().orElseThrow(() -> new InvalidEnvironmentException(
                "CLUSTER_NAME", "set one of CLUSTER_NAME (EKS), KUBECONFIG_SECRET_ID or KUBECONFIG_PATH"));
        return new KubernetesClientFactory(this::eks, this::secretsManager, credentials, region().id(), clock,
                environment.kubernetesReadTimeout()).create(access);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        builder.region(region())
                .credentialsProvider(credentials)
                .httpClient(httpClient.get())
                .overrideConfiguration(o -> {
                    o.apiCallTimeout(AWS_CALL_TIMEOUT);
                    environment.awsMaxAttempts().ifPresent(attempts -> o.retryStrategy(r -> r.maxAttempts(attempts)));
                });
        environment.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentialsFrom(Map<String, String> env) {
        Optional<String> keyId = FunctionEnvironment.value(env, "AWS_ACCESS_KEY_ID");
        Optional<String> secret = FunctionEnvironment.value(env, "AWS_SECRET_ACCESS_KEY");
        if (keyId.isEmpty() || secret.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(FunctionEnvironment.value(env, "AWS_SESSION_TOKEN")
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(keyId.get(), secret.get(), token))
                .orElseGet(() -> AwsBasicCredentials.create(keyId.get(), secret.get())));
    }
}
