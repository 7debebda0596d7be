package dev.gracefulworker.functions.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class EksTokenProviderTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:41:07Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final EksTokenProvider provider = new EksTokenProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), "eu-west-1", "prod-cluster", clock);

    @Test
    void token_isAPresignedGetCallerIdentityUrlForTheRegionalSts() {
        URI url = decode(provider.token());

        Map<String, String> query = query(url);
        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("sts.eu-west-1.amazonaws.com");
        assertThat(query).containsEntry("Action", "GetCallerIdentity")
                .containsEntry("Version", "2011-06-15")
                .containsEntry("X-Amz-Expires", "60")
                .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .containsEntry("X-Amz-Date", "20261120T094107Z")
                .containsEntry("X-Amz-Credential", "AKIDEXAMPLE/20261120/eu-west-1/sts/aws4_request")
                .containsKey("X-Amz-Signature");
        assertThat(query.get("X-Amz-SignedHeaders").split(";")).contains("host", "x-k8s-aws-id");
    }

    @Test
    void token_hasThePrefixAndNoBase64Padding() {
        String token = provider.token();

        assertThat(token).startsWith("k8s-aws-v1.").doesNotContain("=").doesNotContain("+").doesNotContain("/");
    }

    @Test
    void tokenForAnotherCluster_hasAnotherSignature() {
        EksTokenProvider other = new EksTokenProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), "eu-west-1", "staging", clock);

        assertThat(query(decode(other.token())).get("X-Amz-Signature"))
                .isNotEqualTo(query(decode(provider.token())).get("X-Amz-Signature"));
    }

    @Test
    void token_isReusedForTenMinutesThenSignedAgain() {
        String first = provider.token();

        clock.advance(Duration.ofMinutes(9));
        String reused = provider.token();
        clock.advance(Duration.ofMinutes(1));
        String renewed = provider.token();

        assertThat(reused).isEqualTo(first);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(query(decode(renewed))).containsEntry("X-Amz-Date", "20261120T095107Z");
    }

    @Test
    void chinaRegions_useTheirOwnDomain() {
        assertThat(EksTokenProvider.stsHost("cn-north-1")).isEqualTo("sts.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void toString_neverShowsTheToken() {
        provider.token();

        assertThat(provider.toString()).doesNotContain("k8s-aws-v1");
    }

    private static URI decode(String token) {
        byte[] url = Base64.getUrlDecoder().decode(token.substring("k8s-aws-v1.".length()));
        return URI.create(new String(url, StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(URI url) {
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
