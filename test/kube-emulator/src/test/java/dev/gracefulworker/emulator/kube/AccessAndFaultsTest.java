package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.emulator.kube.ApiCall.Reply;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AccessAndFaultsTest {
    private static final String SCENARIO = """
            nodes: [{name: node-1}]
            pods:
              - {name: agent, namespace: kube-system, node: node-1, owner: {kind: DaemonSet, name: node-agent}, labels: {app: agent}}
            faults:
              - {method: GET, path: /api/v1/pods, status: 500, times: 2}
              - {method: POST, pathRegex: ".*/eviction$", status: 429}
            """;
    @RegisterExtension
    final RunningEmulator running = new RunningEmulator(SCENARIO);
    private final KubeEmulator emulator = running.emulator;
    private final ApiCall api = running.api;

    @Test
    void requestWithoutToken_isUnauthorized() {
        Reply reply = api.withToken(null).get("/api/v1/nodes");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().toString()).isEqualTo("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized",\
                "reason":"Unauthorized","code":401}""");
    }

    @Test
    void otherTokens_areAcceptedOnlyOnceAllowed() {
        int before = api.withToken("k8s-aws-v1.abc").get("/api/v1/nodes").status();
        emulator.acceptTokens(t -> t.startsWith("k8s-aws-v1."));

        int after = api.withToken("k8s-aws-v1.abc").get("/api/v1/nodes").status();

        assertThat(before).isEqualTo(401);
        assertThat(after).isEqualTo(200);
        assertThat(api.get("/api/v1/nodes").status()).isEqualTo(200);
    }

    @Test
    void https_isTrustedThroughTheEmulatorsCa() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(emulator.caCertificatePem())).build();

        Reply reply = new ApiCall(client, emulator.httpsUrl(), emulator.token()).get("/api/v1/nodes/node-1");

        assertThat(emulator.httpsUrl().toString()).startsWith("https://127.0.0.1:");
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void https_isRejectedByAClientThatDoesNotTrustTheCa() {
        HttpRequest request = HttpRequest.newBuilder(emulator.httpsUrl().resolve("/version")).build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void kubeconfig_pointsAtHttpsWithTheCaAndToken(@TempDir Path dir) throws Exception {
        Path file = emulator.writeKubeconfig(dir.resolve("kube/config"));

        String text = Files.readString(file);
        String caData = text.lines().filter(l -> l.contains("certificate-authority-data:")).findFirst().orElseThrow()
                .split(":", 2)[1].strip();
        assertThat(text).contains("server: " + emulator.httpsUrl()).contains("token: emulator-token")
                .contains("current-context: emulator");
        assertThat(new String(Base64.getDecoder().decode(caData), StandardCharsets.US_ASCII))
                .isEqualTo(emulator.caCertificatePem());
    }

    @Test
    void faultWithTimes_failsThatManyRequestsThenServesNormally() {
        Reply first = api.get("/api/v1/pods");
        Reply second = api.get("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1");
        Reply third = api.get("/api/v1/pods");

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.body().path("reason").asText()).isEqualTo("InternalError");
        assertThat(second.status()).isEqualTo(500);
        assertThat(third.status()).isEqualTo(200);
        assertThat(emulator.requests()).extracting(RecordedRequest::status).containsExactly(500, 500, 200);
    }

    @Test
    void faultWithoutTimes_appliesToEveryMatchingRequest() {
        IntStream.range(0, 3).forEach(i -> assertThat(api.post("/api/v1/namespaces/kube-system/pods/agent/eviction",
                "{}").status()).isEqualTo(429));

        assertThat(emulator.pod("kube-system", "agent")).isPresent();
    }

    @Test
    void outageFault_failsEveryRequestInItsWindowOfScenarioTime_andNoneBeforeOrAfter() {
        emulator.inject(Fault.outage("GET", "/api/v1/nodes", 503, 60, 1_200));

        int before = api.get("/api/v1/nodes").status();
        running.clock.advance(Duration.ofSeconds(60));
        int atTheStart = api.get("/api/v1/nodes").status();
        running.clock.advance(Duration.ofSeconds(1_199));
        Reply atTheEnd = api.get("/api/v1/nodes");
        running.clock.advance(Duration.ofSeconds(1));
        int after = api.get("/api/v1/nodes").status();

        assertThat(before).isEqualTo(200);
        assertThat(atTheStart).isEqualTo(503);
        assertThat(atTheEnd.status()).isEqualTo(503);
        assertThat(atTheEnd.body().path("reason").asText()).isEqualTo("ServiceUnavailable");
        assertThat(after).isEqualTo(200);
    }

    @Test
    void injectedDelay_outlastsTheClientsReadTimeout() {
        emulator.inject(Fault.delaying("GET", "/api/v1/nodes", 3_000, 1));
        HttpRequest request = HttpRequest.newBuilder(emulator.httpUrl().resolve("/api/v1/nodes"))
                .header("Authorization", "Bearer " + emulator.token()).timeout(Duration.ofMillis(200)).build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void discovery_listsTheEvictionSubresourceInPolicyV1() {
        Reply core = api.get("/api/v1");
        Reply groups = api.get("/apis");
        Reply version = api.get("/version");

        assertThat(core.body().path("resources").findValuesAsText("name")).contains("nodes", "pods", "pods/eviction");
        assertThat(core.body().path("resources").get(3).path("group").asText()).isEqualTo("policy");
        assertThat(groups.body().path("groups").findValuesAsText("name"))
                .containsExactly("apps", "authorization.k8s.io", "policy", "storage.k8s.io");
        assertThat(version.body().path("gitVersion").asText()).startsWith("v1.32");
    }

    @Test
    void daemonSetOwner_isServedForKubectlDrain() {
        Reply found = api.get("/apis/apps/v1/namespaces/kube-system/daemonsets/node-agent");
        Reply missing = api.get("/apis/apps/v1/namespaces/kube-system/daemonsets/other");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("metadata").path("uid").asText()).isEqualTo(emulator.pod("kube-system", "agent")
                .orElseThrow().path("metadata").path("ownerReferences").get(0).path("uid").asText());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("message").asText()).isEqualTo("daemonsets.apps \"other\" not found");
    }

    @Test
    void unknownPath_isNotFound() {
        assertThat(api.get("/apis/batch/v1/jobs").status()).isEqualTo(404);
    }

    static SSLContext trusting(String caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
