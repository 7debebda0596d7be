package dev.gracefulworker.functions.kubernetes;

import dev.gracefulworker.functions.InvalidEnvironmentException;
import dev.gracefulworker.functions.aws.AwsFailures;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Builds the Kubernetes {@link ApiClient} for the configured {@link KubernetesAccess}, with explicit timeouts. */
public final class KubernetesClientFactory {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    private final Supplier<EksClient> eks;
    private final Supplier<SecretsManagerClient> secrets;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;
    private final Duration readTimeout;

    public KubernetesClientFactory(
            Supplier<EksClient> eks,
            Supplier<SecretsManagerClient> secrets,
            AwsCredentialsProvider credentials,
            String region,
            Clock clock,
            Duration readTimeout) {
        this.eks = eks;
        this.secrets = secrets;
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
        this.readTimeout = readTimeout;
    }

    public ApiClient create(KubernetesAccess access) {
        ApiClient client = switch (access) {
            case KubernetesAccess.EksCluster(String clusterName) -> eksClient(clusterName);
            case KubernetesAccess.KubeconfigSecret(String secretId) ->
                    fromKubeconfig(new StringReader(secretValue(secretId)), null, "KUBECONFIG_SECRET_ID");
            case KubernetesAccess.KubeconfigFile(Path path) -> {
                try (Reader reader = Files.newBufferedReader(path)) {
                    yield fromKubeconfig(reader, path, "KUBECONFIG_PATH");
                } catch (IOException e) {
                    throw new InvalidEnvironmentException("KUBECONFIG_PATH", "cannot read " + path + ": " + e.getMessage());
                }
            }
        };
        client.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        client.setReadTimeout((int) readTimeout.toMillis());
        client.setWriteTimeout((int) readTimeout.toMillis());
        return client;
    }

    private ApiClient eksClient(String clusterName) {
        Cluster cluster;
        try {
            cluster = eks.get().describeCluster(r -> r.name(clusterName)).cluster();
        } catch (ResourceNotFoundException e) {
            throw new InvalidEnvironmentException("CLUSTER_NAME", "no EKS cluster named " + clusterName + " in " + region);
        } catch (SdkException e) {
            throw AwsFailures.translate("DescribeCluster " + clusterName, e);
        }
        byte[] caPem = Base64.getDecoder().decode(cluster.certificateAuthority().data());
        EksTokenProvider tokens = new EksTokenProvider(credentials, region, clusterName, clock);
        ApiClient client = new ClientBuilder()
                .setBasePath(cluster.endpoint())
                .setCertificateAuthority(caPem)
                .setVerifyingSsl(true)
                .build();
        // The token is asked for on every request so that it is re-signed before EKS stops accepting it.
        client.setHttpClient(client.getHttpClient().newBuilder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Authorization", "Bearer " + tokens.token())
                        .build()))
                .build());
        return client;
    }

    private String secretValue(String secretId) {
        try {
            String value = secrets.get().getSecretValue(r -> r.secretId(secretId)).secretString();
            if (value == null || value.isBlank()) {
                throw new InvalidEnvironmentException("KUBECONFIG_SECRET_ID", "secret " + secretId + " has no string value");
            }
            return value;
        } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException e) {
            throw new InvalidEnvironmentException("KUBECONFIG_SECRET_ID", "no secret " + secretId);
        } catch (SdkException e) {
            throw AwsFailures.translate("GetSecretValue " + secretId, e);
        }
    }

    private static ApiClient fromKubeconfig(Reader reader, Path file, String variable) {
        try {
            KubeConfig kubeconfig = KubeConfig.loadKubeConfig(reader);
            if (file != null) {
                // relative certificate paths in a kubeconfig are relative to the file itself
                kubeconfig.setFile(file.toAbsolutePath().toFile());
            }
            return ClientBuilder.kubeconfig(kubeconfig).build();
        } catch (IOException | RuntimeException e) {
            throw new InvalidEnvironmentException(variable, "not a usable kubeconfig: " + e.getMessage());
        }
    }
}
