package dev.gracefulworker.statemachine;

import java.util.Objects;

/**
 * Pods to wait for: a namespace ({@code *} for all namespaces) and a Kubernetes label selector.
 *
 * @param namespace     the namespace, or {@code *}
 * @param labelSelector a label selector such as {@code app=report-runner}
 */
public record PodSelector(String namespace, String labelSelector) {

    public PodSelector {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(labelSelector, "labelSelector");
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("PodSelector namespace is blank: use a namespace name or * for all");
        }
    }
}
