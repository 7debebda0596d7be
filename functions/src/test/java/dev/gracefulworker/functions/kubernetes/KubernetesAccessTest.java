package dev.gracefulworker.functions.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.functions.InvalidEnvironmentException;
import dev.gracefulworker.functions.cordon.CordonAction;
import dev.gracefulworker.functions.cordon.CordonNodeHandler;
import dev.gracefulworker.functions.cordon.CordonRequest;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The three ways to reach the cluster, each used for a real request to the emulated API server. */
class KubernetesAccessTest {

    private static final String SCENARIO = """
            nodes:
              - {name: worker-a, providerID: aws:///eu-west-1a/i-0a1b2c3d4e5f60718}
            """;

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;

    @BeforeEach
    void start() {
        world = worlds.start(SCENARIO);
    }

    @Test
    void eksCluster_isReachedWithItsEndpointAndCaAndAPresignedToken() {
        List<String> tokensSeen = new CopyOnWriteArrayList<>();
        world.kube.acceptTokens(token -> tokensSeen.add(token) && isEksTokenFor("prod", token));
        world.aws.eks().addCluster("prod", world.kube.httpsUrl(), world.kube.caCertificatePem());

        CordonNodeHandler handler = new CordonNodeHandler(world.wiring(eks("prod")));
        CordonAction action = handler.handleRequest(request(), null).action();

        assertThat(action).isEqualTo(CordonAction.CORDONED);
        assertThat(tokensSeen).isNotEmpty().allSatisfy(token -> assertThat(isEksTokenFor("prod", token)).isTrue());
        assertThat(world.aws.calls("DescribeCluster")).singleElement()
                .satisfies(call -> assertThat(call.params()).containsValue("prod"));
    }

    @Test
    void eksToken_isSignedAgainAfterTenMinutes() {
        List<String> tokensSeen = new CopyOnWriteArrayList<>();
        world.kube.acceptTokens(token -> tokensSeen.add(token) && isEksTokenFor("prod", token));
        world.aws.eks().addCluster("prod", world.kube.httpsUrl(), world.kube.caCertificatePem());
        CordonNodeHandler handler = new CordonNodeHandler(world.wiring(eks("prod")));

        handler.handleRequest(request(), null);
        world.advance(Duration.ofMinutes(11));
        handler.handleRequest(request(), null);

        assertThat(tokensSeen.stream().distinct()).hasSize(2);
    }

    @Test
    void unknownEksCluster_failsAtInitNamingTheVariable() {
        assertThatThrownBy(() -> new CordonNodeHandler(world.wiring(eks("nope"))))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessageContaining("CLUSTER_NAME")
                .hasMessageContaining("nope");
    }

    @Test
    void kubeconfigFromSecretsManager_isUsed() throws Exception {
        String kubeconfig = Files.readString(Path.of(world.env().get("KUBECONFIG_PATH")));
        world.aws.secrets().put("graceful-worker-terminator/kubeconfig", kubeconfig);
        Map<String, String> env = new HashMap<>();
        env.put("KUBECONFIG_PATH", null);
        env.put("KUBECONFIG_SECRET_ID", "graceful-worker-terminator/kubeconfig");

        CordonAction action = new CordonNodeHandler(world.wiring(env)).handleRequest(request(), null).action();

        assertThat(action).isEqualTo(CordonAction.CORDONED);
        assertThat(world.aws.calls("GetSecretValue")).hasSize(1);
    }

    @Test
    void missingSecret_failsAtInitNamingTheVariable() {
        Map<String, String> env = new HashMap<>();
        env.put("KUBECONFIG_PATH", null);
        env.put("KUBECONFIG_SECRET_ID", "missing");

        assertThatThrownBy(() -> new CordonNodeHandler(world.wiring(env)))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessageContaining("KUBECONFIG_SECRET_ID");
    }

    @Test
    void noClusterSetting_failsAtInitSayingWhatToSet() {
        Map<String, String> env = new HashMap<>();
        env.put("KUBECONFIG_PATH", null);

        assertThatThrownBy(() -> new CordonNodeHandler(world.wiring(env)))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessage("environment variable CLUSTER_NAME: set one of CLUSTER_NAME (EKS), KUBECONFIG_SECRET_ID or KUBECONFIG_PATH");
    }

    @Test
    void twoClusterSettings_areRefused() {
        assertThatThrownBy(() -> world.wiring(Map.of("CLUSTER_NAME", "prod")))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessageContaining("set only one of");
    }

    @Test
    void unreadableKubeconfig_failsAtInitNamingTheVariable() throws Exception {
        Path broken = Files.writeString(worlds.dir().resolve("broken"), "clusters: [ this is not a kubeconfig");

        assertThatThrownBy(() -> new CordonNodeHandler(world.wiring(Map.of("KUBECONFIG_PATH", broken.toString()))))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessageContaining("KUBECONFIG_PATH");
    }

    private static Map<String, String> eks(String cluster) {
        Map<String, String> env = new HashMap<>();
        env.put("KUBECONFIG_PATH", null);
        env.put("CLUSTER_NAME", cluster);
        return env;
    }

    /** What EKS checks, short of calling STS: the prefix, the STS URL and the signed cluster header. */
    private static boolean isEksTokenFor(String cluster, String token) {
        if (!token.startsWith("k8s-aws-v1.")) {
            return false;
        }
        URI url = URI.create(new String(Base64.getUrlDecoder().decode(token.substring(11)), StandardCharsets.UTF_8));
        String query = URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8);
        return url.getHost().equals("sts." + Emulated.REGION + ".amazonaws.com")
                && query.contains("Action=GetCallerIdentity")
                && query.contains("X-Amz-SignedHeaders=host;x-k8s-aws-id")
                && query.contains("X-Amz-Credential=AKIDTEST/");
    }

    private static CordonRequest request() {
        return new CordonRequest("worker-a", "i-0a1b2c3d4e5f60718", "g", "h", "e", true, false, false);
    }
}
