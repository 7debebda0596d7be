package dev.gracefulworker.functions.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * What the drain needs of a PodDisruptionBudget: which pods it selects and how many disruptions its status allows now.
 *
 * @param selector           its label selector; null selects no pod (policy/v1), an empty one every pod of the namespace
 * @param disruptionsAllowed {@code status.disruptionsAllowed}, as the disruption controller last computed it
 */
public record DisruptionBudgetInfo(String namespace, String name, Selector selector, int disruptionsAllowed) {

    /** A label selector: every {@code matchLabels} pair and every expression must hold. */
    public record Selector(Map<String, String> matchLabels, List<Expression> matchExpressions) {

        public Selector {
            matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
            matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
        }

        boolean matches(Map<String, String> labels) {
            return matchLabels.entrySet().stream().allMatch(pair -> pair.getValue().equals(labels.get(pair.getKey())))
                    && matchExpressions.stream().allMatch(expression -> expression.matches(labels));
        }
    }

    /** One {@code matchExpressions} entry: In, NotIn, Exists or DoesNotExist. */
    public record Expression(String key, String operator, List<String> values) {

        public Expression {
            values = values == null ? List.of() : List.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                // the API server validates operators; one it added later is not a reason to hold a pod back
                default -> false;
            };
        }
    }

    /** Whether the budget covers the pod: same namespace and selected by its label selector. */
    public boolean selects(PodInfo pod) {
        return namespace.equals(pod.namespace()) && selector != null && selector.matches(pod.labels());
    }

    /** {@code namespace/name}, the way kubectl names it. */
    public String reference() {
        return namespace + "/" + name;
    }
}
