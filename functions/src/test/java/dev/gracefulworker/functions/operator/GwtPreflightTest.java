package dev.gracefulworker.functions.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.emulator.aws.LifecycleHook;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gwt preflight} run as a process against an emulated account and cluster: a correct setup passes with exit 0;
 * each broken one names the problem and its fix and exits 1; usage errors print one line and exit 2.
 */
class GwtPreflightTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:GracefulWorkerTerminator-LifecycleTopic";
    private static final String HOOK_ROLE = "arn:aws:iam::111122223333:role/GracefulWorkerTerminator-HookRole";
    private static final String TASK_ROLE = "arn:aws:iam::111122223333:role/GracefulWorkerTerminator-TaskRole";
    private static final String HOOK = "graceful-worker-terminator";
    private static final String GROUP = "graceful-worker-terminator";
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:kubeconfig-AbCdEf";

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;

    /** A deployed stack on a correct account: groups with hooks to the topic, EKS in API mode, entry, RBAC applied. */
    @BeforeEach
    void correctAccount() throws IOException {
        world = worlds.start("nodes: []");
        for (String group : List.of("workers-a", "workers-b")) {
            world.aws.autoScaling().addGroup(group);
            world.aws.autoScaling().putLifecycleHook(new LifecycleHook(group, HOOK,
                    "autoscaling:EC2_INSTANCE_TERMINATING", TOPIC, HOOK_ROLE, 300, "CONTINUE"));
        }
        var web = world.aws.loadBalancing().addTargetGroup("k8s-web-abc123", 300, java.util.Map.of());
        world.aws.autoScaling().attachTargetGroup("workers-a", web.arn());
        world.aws.eks().addCluster("demo", world.kube.httpsUrl(), world.kube.caCertificatePem());
        world.aws.eks().setAuthenticationMode("demo", "API");
        world.aws.eks().addAccessEntry("demo", TASK_ROLE, List.of(GROUP));
        world.kube.acceptTokens(token -> token.startsWith("k8s-aws-v1."));
        world.kube.applyRbac(Files.readString(Path.of(System.getProperty("rbac.manifest"))));
    }

    @Test
    void correctAccount_passesEveryCheck_andExitsZero() {
        GwtProcess.Result result = preflight("--cluster-name", "demo", "--auto-scaling-group-names",
                "workers-a,workers-b", "--topic-arn", TOPIC, "--hook-role-arn", HOOK_ROLE, "--task-role-arn", TASK_ROLE);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.lines()).first().isEqualTo("gwt preflight (eu-west-1)");
        assertThat(result.lines()).contains(
                "PASS         group workers-a: exists",
                "PASS         hook graceful-worker-terminator on workers-b: autoscaling:EC2_INSTANCE_TERMINATING, "
                        + "heartbeat 300 s, default CONTINUE, target " + TOPIC,
                "PASS         authentication mode of demo: API (access entries allowed)",
                "PASS         access entry of " + TASK_ROLE + ": user arn:aws:sts::111122223333:assumed-role/"
                        + "GracefulWorkerTerminator-TaskRole/{{SessionName}} in group graceful-worker-terminator",
                "PASS         RBAC: patch nodes: allowed for group graceful-worker-terminator",
                "PASS         RBAC: create pods/eviction: allowed for group graceful-worker-terminator",
                "PASS         read target health: DescribeTargetGroups (1 in the region) and DescribeTargetHealth on the "
                        + "1 target groups attached to the groups answer; the stack grants the task role the same actions");
        assertThat(result.lines()).filteredOn(line -> line.startsWith("PASS")).hasSize(16)
                .contains("PASS         RBAC: list volumeattachments.storage.k8s.io: allowed for group graceful-worker-terminator",
                        "PASS         RBAC: list poddisruptionbudgets.policy: allowed for group graceful-worker-terminator");
        assertThat(result.lines()).filteredOn(line -> line.startsWith("NOT_CHECKED"))
                .singleElement().asString().startsWith("NOT_CHECKED  publish to the topic as the hook role: not checkable");
        assertThat(result.lines()).last().isEqualTo("17 checks: 16 passed, 0 failed, 1 not checked");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void targetHealthUnreadable_failsItsCheck_namingTheCall() {
        world.aws.fail("DescribeTargetGroups", 500, 10);

        GwtProcess.Result result = preflight("--cluster-name", "demo", "--auto-scaling-group-names", "workers-a");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("FAIL         read target health: DescribeTargetGroups failed: "));
    }

    @Test
    void missingGroup_isNamedWithItsFix_andExitsOne() {
        GwtProcess.Result result = preflight("--cluster-name", "demo", "--auto-scaling-group-names",
                "workers-a,workers-gone", "--task-role-arn", TASK_ROLE);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).contains("FAIL         group workers-gone: no Auto Scaling group of that name in "
                + "this region -- fix: correct the name in autoScalingGroupNames (aws autoscaling "
                + "describe-auto-scaling-groups lists them), or deploy to the group's region");
        assertThat(result.lines()).filteredOn(line -> line.startsWith("FAIL")).hasSize(1);
    }

    @Test
    void configMapOnlyCluster_isNamedWithTheModeChange() {
        world.aws.eks().setAuthenticationMode("demo", "CONFIG_MAP");

        GwtProcess.Result result = preflight("--cluster-name", "demo", "--task-role-arn", TASK_ROLE);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).contains("FAIL         authentication mode of demo: CONFIG_MAP: access entries are "
                + "refused -- fix: aws eks update-cluster-config --name demo --access-config "
                + "authenticationMode=API_AND_CONFIG_MAP (one way: it cannot go back)");
    }

    @Test
    void rbacNotApplied_failsEachPermission_withTheManifestToApply() {
        world.kube.close();
        world = worlds.start("nodes: []");
        world.aws.eks().addCluster("demo", world.kube.httpsUrl(), world.kube.caCertificatePem());
        world.kube.acceptTokens(token -> token.startsWith("k8s-aws-v1."));

        GwtProcess.Result result = preflight("--cluster-name", "demo");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).filteredOn(line -> line.startsWith("FAIL         RBAC: "))
                .hasSize(KubernetesPermission.FUNCTIONS_NEED.size())
                .contains("FAIL         RBAC: patch nodes: denied for group graceful-worker-terminator (needed to "
                        + "cordon and taint the node) -- fix: kubectl apply -f cdk/rbac/graceful-worker-terminator-"
                        + "rbac.yaml (its binding's subject must be the group graceful-worker-terminator)");
    }

    @Test
    void kubeconfigSecret_parses_andItsUserIsAskedDirectly() {
        world.aws.secrets().put("kubeconfig", readKubeconfig());

        GwtProcess.Result result = preflight("--kubeconfig-secret-arn", world.aws.secrets().arn("kubeconfig").orElseThrow());

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.lines()).contains("PASS         RBAC: list pods: allowed for the kubeconfig's user");
        assertThat(result.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("PASS         kubeconfig secret ").contains(": parses: server " + world.kube.httpsUrl()));
    }

    @Test
    void missingSecret_isNamedWithHowToStoreIt() {
        GwtProcess.Result result = preflight("--kubeconfig-secret-arn", SECRET);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("FAIL         kubeconfig secret " + SECRET + ": no secret " + SECRET)
                .contains("-- fix: correct kubeconfigSecretArn, or store a kubeconfig"));
    }

    @Test
    void noAwsCredentials_failTheAwsChecks_withOneLineAndTheFix() {
        GwtProcess.Result result = GwtProcess.run(Map.of("AWS_REGION", Emulated.REGION,
                "AWS_ENDPOINT_URL", world.aws.endpoint().toString(), "AWS_EC2_METADATA_DISABLED", "true"),
                "preflight", "--cluster-name", "demo", "--auto-scaling-group-names", "workers-a");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).contains(
                "FAIL         groups: DescribeAutoScalingGroups failed: Unable to load credentials from any of the "
                        + "providers in the chain -- fix: check your AWS credentials, region and network (aws sts "
                        + "get-caller-identity)");
        assertThat(result.stdout() + result.stderr()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void help_needsNoAwsConfiguration() {
        GwtProcess.Result result = GwtProcess.run(Map.of(), "preflight", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("Usage: gwt preflight").contains("--cluster-name=NAME",
                "--kubeconfig-secret-arn=ARN", "--task-role-arn=ARN");
    }

    @Test
    void usageErrors_printOneLine_andExitTwo() {
        GwtProcess.Result noCluster = GwtProcess.run(Map.of(), "preflight");
        GwtProcess.Result noRegion = GwtProcess.run(Map.of(), "preflight", "--cluster-name", "demo");
        GwtProcess.Result noCommand = GwtProcess.run(Map.of());

        assertThat(noCluster.exitCode()).isEqualTo(2);
        assertThat(noCluster.stderr().lines()).containsExactly("gwt: Error: Missing required argument (specify one of "
                + "these): (--cluster-name=NAME | --kubeconfig-secret-arn=ARN) (see: gwt preflight --help)");
        assertThat(noRegion.exitCode()).isEqualTo(2);
        assertThat(noRegion.stderr().lines()).containsExactly(
                "gwt: no AWS region: give --region or set AWS_REGION (see: gwt preflight --help)");
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.stderr().lines()).containsExactly("gwt: a command is required: preflight, replay or status (see: gwt --help)");
    }

    private GwtProcess.Result preflight(String... args) {
        var env = new java.util.HashMap<>(GwtProcess.operatorEnv(world.aws.endpoint()));
        env.put("AWS_REGION", Emulated.REGION);
        return GwtProcess.run(env, "preflight", List.of(args));
    }

    private String readKubeconfig() {
        try {
            return Files.readString(world.kube.writeKubeconfig(worlds.dir().resolve("kubeconfig")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
