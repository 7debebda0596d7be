package dev.gracefulworker.functions.pods;

import dev.gracefulworker.contract.DrainMode;
import dev.gracefulworker.contract.PodSelector;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.kubernetes.PodInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Classifies each pod with an ordered list of named rules; the first rule that decides wins, and every pod keeps
 * its verdict and reason. The order (documented in the README) is: finished, mirror, DaemonSet, policy annotation,
 * waitForPods selectors, unreplaceable pods (when waitForUnreplaceablePods), drain mode, otherwise ignore.
 */
public final class PodClassifier {

    public static final String POLICY_ANNOTATION = "graceful-worker-terminator/policy";

    /** A named rule: a class and a reason, or empty to let the next rule decide. */
    record Rule(String name, BiFunction<PodInfo, Settings, Optional<Decision>> decide) {}

    record Decision(PodClass podClass, String reason) {}

    static final List<Rule> RULES = List.of(
            new Rule("finished", (pod, settings) -> pod.finished()
                    ? decided(PodClass.IGNORE, "finished (" + pod.phase() + ")") : Optional.empty()),
            new Rule("mirror", (pod, settings) -> pod.mirror()
                    ? decided(PodClass.IGNORE, "mirror pod") : Optional.empty()),
            new Rule("daemonSet", (pod, settings) -> pod.ownedBy("DaemonSet")
                    ? decided(PodClass.IGNORE, "DaemonSet pod") : Optional.empty()),
            new Rule("policyAnnotation", PodClassifier::byAnnotation),
            new Rule("waitForPods", PodClassifier::bySelectors),
            new Rule("unreplaceable", PodClassifier::unreplaceable),
            new Rule("drainMode", (pod, settings) -> settings.drainMode() == DrainMode.EVICT
                    ? decided(PodClass.EVICT, "drain mode EVICT") : Optional.empty()),
            new Rule("otherwise", (pod, settings) -> decided(PodClass.IGNORE, "not waited for (drain mode WAIT)")));

    public List<PodVerdict> classify(List<PodInfo> pods, Settings settings) {
        return pods.stream().map(pod -> classify(pod, settings)).toList();
    }

    public PodVerdict classify(PodInfo pod, Settings settings) {
        for (Rule rule : RULES) {
            Optional<Decision> decision = rule.decide().apply(pod, settings);
            if (decision.isPresent()) {
                return new PodVerdict(pod, decision.get().podClass(), rule.name(), decision.get().reason());
            }
        }
        throw new IllegalStateException("the last rule always decides");
    }

    private static Optional<Decision> byAnnotation(PodInfo pod, Settings settings) {
        return pod.annotation(POLICY_ANNOTATION)
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .flatMap(value -> switch (value) {
                    case "wait" -> decided(PodClass.WAIT, "annotation " + POLICY_ANNOTATION + "=wait");
                    case "evict" -> decided(PodClass.EVICT, "annotation " + POLICY_ANNOTATION + "=evict");
                    case "ignore" -> decided(PodClass.IGNORE, "annotation " + POLICY_ANNOTATION + "=ignore");
                    // an unknown value is not a reason to guess: the later rules decide as if it were absent
                    default -> Optional.empty();
                });
    }

    private static Optional<Decision> bySelectors(PodInfo pod, Settings settings) {
        for (PodSelector selector : settings.waitForPods()) {
            if (selector.matches(pod.namespace(), pod.labels())) {
                return decided(PodClass.WAIT, "matches waitForPods " + selector);
            }
        }
        return Optional.empty();
    }

    /** kubectl drain refuses these without --force / --delete-emptydir-data; this setting waits for them instead. */
    private static Optional<Decision> unreplaceable(PodInfo pod, Settings settings) {
        if (!settings.waitForUnreplaceablePods()) {
            return Optional.empty();
        }
        if (!pod.controlled()) {
            return decided(PodClass.WAIT, "would not be recreated (no controller): waited for (waitForUnreplaceablePods)");
        }
        return pod.emptyDir()
                ? decided(PodClass.WAIT, "emptyDir data would be lost: waited for (waitForUnreplaceablePods)")
                : Optional.empty();
    }

    private static Optional<Decision> decided(PodClass podClass, String reason) {
        return Optional.of(new Decision(podClass, reason));
    }
}
