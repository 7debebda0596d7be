package dev.gracefulworker.statemachine.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Choice rule in a few words for its arrow, e.g. {@code status = DRAINED} or {@code NotificationMetadata present}:
 * the console shows the rule on demand; on a picture the short form keeps the arrows readable.
 */
final class ChoiceRuleLabel {

    private static final int LIMIT = 40;
    private static final int SHORT = 24;
    // longest suffix first: NumericGreaterThanEquals is ≥, not =
    private static final List<Map.Entry<String, String>> OPERATORS = List.of(
            Map.entry("GreaterThanEquals", "≥"), Map.entry("LessThanEquals", "≤"), Map.entry("GreaterThan", ">"),
            Map.entry("LessThan", "<"), Map.entry("Equals", "="), Map.entry("Matches", "matches"));

    private ChoiceRuleLabel() {
    }

    /** The rule in a few words, on short lines (a comparison's value and "and 4 more" each go on their own line). */
    static String of(JsonNode rule) {
        return describe(rule).lines()
                .map(line -> line.length() <= LIMIT ? line : line.substring(0, LIMIT - 1) + "…")
                .collect(Collectors.joining("\n"));
    }

    private static String describe(JsonNode rule) {
        if (rule.has("Not")) {
            JsonNode inner = rule.get("Not");
            return inner.has("IsPresent") ? field(inner) + (inner.get("IsPresent").asBoolean() ? " absent" : " present")
                    : "not (" + describe(inner) + ")";
        }
        if (rule.has("And") || rule.has("Or")) {
            String joiner = rule.has("And") ? " and " : " or ";
            List<JsonNode> parts = rule.path(rule.has("And") ? "And" : "Or").valueStream().toList();
            String first = parts.isEmpty() ? "" : describe(parts.getFirst());
            return parts.size() == 1 ? first : first + "\n" + joiner.strip() + " " + (parts.size() - 1) + " more";
        }
        if (rule.has("IsPresent")) {
            return field(rule) + (rule.get("IsPresent").asBoolean() ? " present" : " absent");
        }
        return rule.properties().stream()
                .filter(entry -> !entry.getKey().equals("Variable") && !entry.getKey().equals("Next"))
                .findFirst()
                .map(entry -> {
                    String comparison = field(rule) + " " + operator(entry.getKey());
                    String value = entry.getValue().asText();
                    return comparison + (comparison.length() + value.length() < SHORT ? " " : "\n") + value;
                })
                .orElse("rule");
    }

    /** The last name of the rule's variable: {@code $.poll.status} → {@code status}. */
    private static String field(JsonNode rule) {
        String variable = rule.path("Variable").asText("?");
        return variable.substring(variable.lastIndexOf('.') + 1);
    }

    private static String operator(String comparison) {
        String operator = comparison.endsWith("Path") ? comparison.substring(0, comparison.length() - 4) : comparison;
        return OPERATORS.stream()
                .filter(entry -> operator.endsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(operator);
    }
}
