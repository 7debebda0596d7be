package dev.gracefulworker.functions.pods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.contract.DrainMode;
import dev.gracefulworker.contract.FailurePolicy;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.contract.PodSelector;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.kubernetes.PodInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodClassifierTest {

    private static final String POLICY = PodClassifier.POLICY_ANNOTATION;
    private final PodClassifier classifier = new PodClassifier();

    static Stream<Arguments> rows() {
        return Stream.of(
                // name, pod, drain mode, expected class, expected rule
                row("running ReplicaSet pod in drain mode", pod("default", "web").build(), DrainMode.EVICT, PodClass.EVICT, "drainMode"),
                row("running ReplicaSet pod in wait mode", pod("default", "web").build(), DrainMode.WAIT, PodClass.IGNORE, "otherwise"),
                row("selected pod", pod("batch", "report").labels(Map.of("app", "report-runner")).build(), DrainMode.EVICT, PodClass.WAIT, "waitForPods"),
                row("selected label in another namespace", pod("default", "report").labels(Map.of("app", "report-runner")).build(), DrainMode.WAIT, PodClass.IGNORE, "otherwise"),
                row("succeeded pod", pod("batch", "done").labels(Map.of("app", "report-runner")).phase("Succeeded").build(), DrainMode.EVICT, PodClass.IGNORE, "finished"),
                row("failed pod", pod("default", "crashed").phase("Failed").build(), DrainMode.EVICT, PodClass.IGNORE, "finished"),
                row("mirror pod", pod("kube-system", "kube-proxy").annotations(Map.of(PodInfo.MIRROR_ANNOTATION, "abc")).build(), DrainMode.EVICT, PodClass.IGNORE, "mirror"),
                row("DaemonSet pod", pod("kube-system", "aws-node").owner("DaemonSet").build(), DrainMode.EVICT, PodClass.IGNORE, "daemonSet"),
                row("selected DaemonSet pod", pod("batch", "agent").owner("DaemonSet").labels(Map.of("app", "report-runner")).build(), DrainMode.EVICT, PodClass.IGNORE, "daemonSet"),
                row("annotation wait beats drain mode", pod("default", "cache").annotations(Map.of(POLICY, "wait")).build(), DrainMode.EVICT, PodClass.WAIT, "policyAnnotation"),
                row("annotation evict in wait mode", pod("default", "web").annotations(Map.of(POLICY, "evict")).build(), DrainMode.WAIT, PodClass.EVICT, "policyAnnotation"),
                row("annotation ignore beats a selector", pod("batch", "report").labels(Map.of("app", "report-runner")).annotations(Map.of(POLICY, "ignore")).build(), DrainMode.EVICT, PodClass.IGNORE, "policyAnnotation"),
                row("annotation is case-insensitive", pod("default", "cache").annotations(Map.of(POLICY, " Wait ")).build(), DrainMode.WAIT, PodClass.WAIT, "policyAnnotation"),
                row("unknown annotation value falls through", pod("default", "web").annotations(Map.of(POLICY, "maybe")).build(), DrainMode.EVICT, PodClass.EVICT, "drainMode"),
                row("annotation cannot resurrect a finished pod", pod("default", "job").phase("Succeeded").annotations(Map.of(POLICY, "wait")).build(), DrainMode.EVICT, PodClass.IGNORE, "finished"),
                row("annotation cannot make a DaemonSet pod block", pod("kube-system", "ds").owner("DaemonSet").annotations(Map.of(POLICY, "wait")).build(), DrainMode.EVICT, PodClass.IGNORE, "daemonSet"),
                row("StatefulSet pod in drain mode", pod("db", "pg-0").owner("StatefulSet").build(), DrainMode.EVICT, PodClass.EVICT, "drainMode"),
                row("Job pod in drain mode", pod("batch", "nightly").owner("Job").build(), DrainMode.EVICT, PodClass.EVICT, "drainMode"),
                row("bare pod in drain mode", pod("default", "debug").build(), DrainMode.EVICT, PodClass.EVICT, "drainMode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void pod_isClassifiedByTheFirstRuleThatDecides(String name, PodInfo pod, DrainMode mode, PodClass expected, String rule) {
        PodVerdict verdict = classifier.classify(pod, settings(mode));

        assertThat(verdict.podClass()).isEqualTo(expected);
        assertThat(verdict.rule()).isEqualTo(rule);
        assertThat(verdict.reason()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreplaceableRows")
    void waitForUnreplaceablePods_waitsForPodsNothingWouldRecreateOrWhoseDataWouldBeLost(String name, PodInfo pod,
            PodClass expected, String rule) {
        Settings waiting = settings(DrainMode.EVICT).toBuilder().waitForUnreplaceablePods(true).build();

        PodVerdict verdict = classifier.classify(pod, waiting);

        assertThat(verdict.podClass()).isEqualTo(expected);
        assertThat(verdict.rule()).isEqualTo(rule);
    }

    static Stream<Arguments> unreplaceableRows() {
        return Stream.of(
                Arguments.of("bare pod", pod("default", "debug").build(), PodClass.WAIT, "unreplaceable"),
                Arguments.of("emptyDir pod of a ReplicaSet", pod("default", "cache").emptyDir().build(), PodClass.WAIT,
                        "unreplaceable"),
                Arguments.of("ReplicaSet pod without emptyDir", pod("default", "web").build(), PodClass.EVICT, "drainMode"),
                Arguments.of("annotation evict still evicts", pod("default", "debug").annotations(Map.of(POLICY, "evict"))
                        .build(), PodClass.EVICT, "policyAnnotation"),
                Arguments.of("DaemonSet pod with emptyDir never blocks", pod("kube-system", "ds").owner("DaemonSet")
                        .emptyDir().build(), PodClass.IGNORE, "daemonSet"));
    }

    @Test
    void everyPod_keepsItsVerdictAndReason() {
        List<PodInfo> pods = List.of(pod("default", "web").build(), pod("kube-system", "ds").owner("DaemonSet").build());

        List<PodVerdict> verdicts = classifier.classify(pods, settings(DrainMode.EVICT));

        assertThat(verdicts).extracting(PodVerdict::reason).containsExactly("drain mode EVICT", "DaemonSet pod");
    }

    @Test
    void selectorReason_namesTheSelector() {
        PodVerdict verdict = classifier.classify(pod("batch", "r").labels(Map.of("app", "report-runner")).build(),
                settings(DrainMode.EVICT));

        assertThat(verdict.reason()).isEqualTo("matches waitForPods batch:app=report-runner");
    }

    @Test
    void allNamespacesSelector_matchesAnyNamespace() {
        Settings settings = Settings.builder().waitForPods(List.of(new PodSelector("*", "app=report-runner")))
                .drainMode(DrainMode.WAIT).build();

        PodVerdict verdict = classifier.classify(pod("anywhere", "r").labels(Map.of("app", "report-runner")).build(), settings);

        assertThat(verdict.podClass()).isEqualTo(PodClass.WAIT);
    }

    private static Settings settings(DrainMode mode) {
        return Settings.builder().waitForPods(List.of(new PodSelector("batch", "app=report-runner"))).drainMode(mode)
                .build();
    }

    private static Arguments row(String name, PodInfo pod, DrainMode mode, PodClass expected, String rule) {
        return Arguments.of(name, pod, mode, expected, rule);
    }

    static PodBuilder pod(String namespace, String name) {
        return new PodBuilder(namespace, name);
    }

    /** Builds the pods of the table. */
    static final class PodBuilder {
        private final String namespace;
        private final String name;
        private String phase = "Running";
        private Map<String, String> labels = Map.of();
        private Map<String, String> annotations = Map.of();
        private List<String> owners = List.of("ReplicaSet");
        private boolean emptyDir;

        PodBuilder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        PodBuilder phase(String value) {
            phase = value;
            return this;
        }

        PodBuilder labels(Map<String, String> value) {
            labels = value;
            return this;
        }

        PodBuilder annotations(Map<String, String> value) {
            annotations = value;
            return this;
        }

        PodBuilder emptyDir() {
            emptyDir = true;
            return this;
        }

        PodBuilder owner(String kind) {
            owners = List.of(kind);
            return this;
        }

        PodInfo build() {
            List<String> ownerKinds = name.equals("debug") ? List.of() : owners;
            return new PodInfo(namespace, name, "uid-" + name, phase, labels, annotations, ownerKinds, null, null,
                    !ownerKinds.isEmpty(), emptyDir, PodInfo.DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS, true);
        }
    }
}
