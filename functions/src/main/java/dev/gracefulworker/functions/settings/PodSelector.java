package dev.gracefulworker.functions.settings;

import dev.gracefulworker.functions.kubernetes.LabelSelector;
import java.util.Map;

/** Pods to wait for: a namespace ({@code *} for all) and a label selector. */
public record PodSelector(String namespace, String labelSelector) {

    public static final String ALL_NAMESPACES = "*";

    public boolean matches(String podNamespace, Map<String, String> labels) {
        boolean namespaceMatches = ALL_NAMESPACES.equals(namespace) || namespace.equals(podNamespace);
        return namespaceMatches && LabelSelector.parse(labelSelector).matches(labels);
    }

    @Override
    public String toString() {
        return namespace + ":" + (labelSelector == null ? "" : labelSelector);
    }
}
