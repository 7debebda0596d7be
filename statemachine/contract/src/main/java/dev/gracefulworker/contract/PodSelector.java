package dev.gracefulworker.contract;

import java.util.Map;

/**
 * Pods to wait for: a namespace ({@value #ALL_NAMESPACES} for all) and a Kubernetes label selector (empty or null
 * selects every pod). Built by deserialization too, so nothing is checked here: {@link Settings#violations()} does.
 *
 * @param namespace     the namespace, or {@value #ALL_NAMESPACES}
 * @param labelSelector a label selector such as {@code app=report-runner}
 */
public record PodSelector(String namespace, String labelSelector) {

    public static final String ALL_NAMESPACES = "*";

    /** Whether a pod in {@code podNamespace} with {@code labels} is selected; the selector must be valid. */
    public boolean matches(String podNamespace, Map<String, String> labels) {
        boolean namespaceMatches = ALL_NAMESPACES.equals(namespace) || namespace.equals(podNamespace);
        return namespaceMatches && LabelSelector.parse(labelSelector).matches(labels);
    }

    @Override
    public String toString() {
        return namespace + ":" + (labelSelector == null ? "" : labelSelector);
    }
}
