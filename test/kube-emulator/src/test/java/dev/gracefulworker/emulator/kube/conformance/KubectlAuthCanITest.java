package dev.gracefulworker.emulator.kube.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl auth can-i} (SelfSubjectAccessReview, with {@code --as}/{@code --as-group} impersonation) against the
 * emulator given the product's RBAC manifest: yes exactly for what the manifest grants the group, no otherwise, and
 * no for everything before it is applied.
 */
class KubectlAuthCanITest {
    private static final String GROUP = "graceful-worker-terminator";
    private static final String[] AS_THE_FUNCTIONS = {"--as", "arn:aws:sts::111122223333:assumed-role/TaskRole/fn",
        "--as-group", GROUP};

    @TempDir
    Path home;
    private KubeEmulator emulator;
    private Kubectl kubectl;

    @BeforeEach
    void start() {
        emulator = KubeEmulator.start(Scenario.parse("nodes: []"));
        kubectl = new Kubectl(emulator.writeKubeconfig(home.resolve("kubeconfig")), home);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void theManifestsGroup_mayDoWhatTheFunctionsDo_andNothingElse() throws IOException {
        emulator.applyRbac(Files.readString(Path.of(System.getProperty("rbac.manifest"))));

        assertThat(canI("patch", "nodes")).isEqualTo("yes");
        assertThat(canI("list", "nodes")).isEqualTo("yes");
        assertThat(canI("list", "pods", "--all-namespaces")).isEqualTo("yes");
        assertThat(canI("create", "pods", "--subresource=eviction", "-n", "web")).isEqualTo("yes");
        assertThat(canI("delete", "nodes")).isEqualTo("no");
        assertThat(canI("delete", "pods", "-n", "web")).isEqualTo("no");
        assertThat(canI("create", "pods", "-n", "web")).isEqualTo("no");
    }

    @Test
    void beforeTheManifestIsApplied_theGroupMayDoNothing_whileTheAdminMayDoAll() {
        assertThat(canI("patch", "nodes")).isEqualTo("no");
        assertThat(kubectl.run("auth", "can-i", "delete", "nodes").stdout().strip()).isEqualTo("yes");
    }

    @Test
    void kubectl_asksWithASelfSubjectAccessReview_impersonatingTheFunctions() throws IOException {
        emulator.applyRbac(Files.readString(Path.of(System.getProperty("rbac.manifest"))));

        Kubectl.Result result = kubectl.run(concat(new String[] {"auth", "can-i", "get", "pods", "-A", "-v=6"},
                AS_THE_FUNCTIONS));

        assertThat(result.stdout().strip()).isEqualTo("yes");
        assertThat(result.stderr()).contains("POST " + emulator.httpsUrl()
                + "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews 201 Created");
    }

    /** What kubectl prints for the functions' identity: {@code yes} (exit 0) or {@code no} (exit 1). */
    private String canI(String... args) {
        Kubectl.Result result = kubectl.run(concat(concat(new String[] {"auth", "can-i"}, args), AS_THE_FUNCTIONS));
        String answer = result.stdout().strip();
        assertThat(answer).as("kubectl's answer; stderr: %s", result.stderr()).isIn("yes", "no");
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(answer.equals("yes") ? 0 : 1);
        return answer;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
