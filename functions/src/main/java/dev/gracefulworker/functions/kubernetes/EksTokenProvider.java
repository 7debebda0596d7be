package dev.gracefulworker.functions.kubernetes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The bearer token EKS accepts: {@code k8s-aws-v1.} + base64url (no padding) of a presigned STS GetCallerIdentity
 * URL whose signature covers the {@code x-k8s-aws-id} header naming the cluster. The URL is valid for 60 s after
 * signing and EKS accepts the token for 15 minutes; it is reused for 10 minutes, never logged.
 */
public final class EksTokenProvider {

    static final String PREFIX = "k8s-aws-v1.";
    static final String CLUSTER_HEADER = "x-k8s-aws-id";
    static final Duration URL_EXPIRY = Duration.ofSeconds(60);
    static final Duration REUSE_FOR = Duration.ofMinutes(10);

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final String clusterName;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    private String token;
    private Instant signedAt;

    public EksTokenProvider(AwsCredentialsProvider credentials, String region, String clusterName, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clusterName = clusterName;
        this.clock = clock;
    }

    /** A token for the cluster, signed anew when the cached one is 10 minutes old. */
    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(signedAt.plus(REUSE_FOR))) {
            token = sign(credentials.resolveCredentials());
            signedAt = now;
        }
        return token;
    }

    /** Signs a token with the given credentials without caching it (used to warm the signer before a snapshot). */
    String sign(AwsCredentialsIdentity identity) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("https://" + stsHost(region) + "/"))
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15")
                .putHeader(CLUSTER_HEADER, clusterName)
                .build();
        SdkHttpRequest presigned = signer.sign(r -> r
                        .identity(identity)
                        .request(request)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sts")
                        .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, URL_EXPIRY)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock))
                .request();
        String url = presigned.getUri().toString();
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
    }

    static String stsHost(String region) {
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return "sts." + region + "." + domain;
    }

    @Override
    public String toString() {
        return "EksTokenProvider[cluster=" + clusterName + ", region=" + region + "]";
    }
}
