package dev.gracefulworker.functions.pods;

import dev.gracefulworker.functions.kubernetes.PodInfo;

/** A pod, its class, the rule that decided and why. */
public record PodVerdict(PodInfo pod, PodClass podClass, String rule, String reason) {}
