package dev.gracefulworker.emulator.kube.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.emulator.kube.KubeEmulator;
import dev.gracefulworker.emulator.kube.ScenarioClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kubectl against what issue 13's drain reads: a node whose kubelet is gone (pods stay Terminating), pod priorities,
 * and VolumeAttachments. kubectl compares deletion timestamps with its own clock, so the scenario clock starts an hour
 * before the real now: a pod evicted "now" on the scenario clock has a deletionTimestamp about an hour old for kubectl.
 */
class KubectlDeadKubeletConformanceTest {
    private static final String DEAD = "ip-10-0-1-23.eu-west-1.compute.internal";
    private static final String SCENARIO = """
            nodes:
              - {name: %1$s, providerID: "aws:///eu-west-1a/i-0a1b2c3d4e5f60718", ready: false}
            pods:
              - {name: web-7c9d-a, namespace: web, node: %1$s, owner: {kind: ReplicaSet, name: web-7c9d},
                 terminationGracePeriodSeconds: 30}
              - {name: coredns-5d8f-x, namespace: kube-system, node: %1$s, owner: {kind: ReplicaSet, name: coredns-5d8f},
                 priorityClassName: system-cluster-critical}
            volumeAttachments:
              - {name: csi-3a7f0e1d, node: %1$s, persistentVolumeName: pvc-0e1d2c3b}
            """.formatted(DEAD);

    @RegisterExtension
    final KubectlOnEmulator running = new KubectlOnEmulator(SCENARIO,
            new ScenarioClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600)));
    private final KubeEmulator emulator = running.emulator;
    private final Kubectl kubectl = running.kubectl;

    @Test
    void drainWithSkipWaitForDeleteTimeout_skipsThePodTheDeadKubeletNeverRemoves() {
        Kubectl.Result result = kubectl.run("drain", DEAD, "--skip-wait-for-delete-timeout=60", "--timeout=60s");

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdoutLines()).contains(
                "evicting pod web/web-7c9d-a",
                "pod \"web-7c9d-a\" has DeletionTimestamp older than 60 seconds, skipping",
                "node/" + DEAD + " drained");
        assertThat(emulator.pod("web", "web-7c9d-a").orElseThrow().at("/metadata/deletionTimestamp").isTextual())
                .as("still Terminating: nobody confirms the deletion").isTrue();
    }

    @Test
    void drainWithoutTheSkip_waitsForThePodUntilItsTimeout() {
        Kubectl.Result result = kubectl.run("drain", DEAD, "--timeout=3s");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains(
                "error when waiting for pod \"web-7c9d-a\" in namespace \"web\" to terminate: context deadline exceeded");
        assertThat(emulator.pod("web", "web-7c9d-a")).isPresent();
    }

    @Test
    void getNodes_showsTheDeadKubeletsNodeNotReady() {
        Kubectl.Result result = kubectl.run("get", "nodes", "--no-headers");

        assertThat(result.stdoutLines()).singleElement().asString().contains(" NotReady ");
    }

    @Test
    void getPods_showsPriorityClassAndPriority() {
        Kubectl.Result result = kubectl.run("get", "pods", "-A",
                "-o", "custom-columns=NAME:.metadata.name,CLASS:.spec.priorityClassName,PRIORITY:.spec.priority");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdoutLines()).containsExactly(
                "NAME             CLASS                     PRIORITY",
                "coredns-5d8f-x   system-cluster-critical   2000000000",
                "web-7c9d-a       <none>                    0");
    }

    @Test
    void getVolumeAttachments_printsAttacherVolumeNodeAndAttached() {
        Kubectl.Result result = kubectl.run("get", "volumeattachments");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdoutLines()).containsExactly(
                "NAME           ATTACHER          PV             NODE                                      ATTACHED   AGE",
                "csi-3a7f0e1d   ebs.csi.aws.com   pvc-0e1d2c3b   " + DEAD + "   true       60m");
    }
}
