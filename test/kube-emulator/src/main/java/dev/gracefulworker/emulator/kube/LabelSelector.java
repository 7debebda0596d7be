package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed label selector (the {@code labelSelector} query string or a PDB's {@code selector}); all requirements must hold. */
record LabelSelector(List<Requirement> requirements) {

    static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    LabelSelector {
        requirements = List.copyOf(requirements);
    }

    /** One term of a selector. */
    sealed interface Requirement {
        String key();

        boolean matches(Map<String, String> labels);
    }

    record Equals(String key, String value) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return value.equals(labels.get(key));
        }
    }

    /** {@code key!=value}: also true when the label is absent, as in Kubernetes. */
    record NotEquals(String key, String value) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return !value.equals(labels.get(key));
        }
    }

    record In(String key, Set<String> values) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key) && values.contains(labels.get(key));
        }
    }

    /** {@code key notin (a,b)}: also true when the label is absent, as in Kubernetes. */
    record NotIn(String key, Set<String> values) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return !labels.containsKey(key) || !values.contains(labels.get(key));
        }
    }

    record Exists(String key) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key);
        }
    }

    record DoesNotExist(String key) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return !labels.containsKey(key);
        }
    }

    boolean matches(Map<String, String> labels) {
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an API object's {@code metadata.labels} satisfy every requirement. */
    boolean matches(JsonNode object) {
        return requirements.isEmpty() || matches(ApiObjects.labels(object));
    }

    /** A metav1.LabelSelector as a PDB declares it; an empty one selects every pod of the namespace (policy/v1). */
    static LabelSelector of(Scenario.Selector selector) {
        List<Requirement> requirements = new ArrayList<>();
        selector.matchLabels().forEach((k, v) -> requirements.add(new Equals(k, v)));
        for (Scenario.Expression e : selector.matchExpressions()) {
            Set<String> values = new LinkedHashSet<>(e.values());
            requirements.add(switch (e.operator()) {
                case "In" -> new In(e.key(), values);
                case "NotIn" -> new NotIn(e.key(), values);
                case "Exists" -> new Exists(e.key());
                default -> new DoesNotExist(e.key());
            });
        }
        return new LabelSelector(requirements);
    }

    /** Parses the string form: {@code a=b, c!=d, e in (f,g), h notin (i), j, !k}; null or blank selects everything. */
    static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String term : splitTerms(text)) {
            requirements.add(parseTerm(term.strip(), text));
        }
        return new LabelSelector(requirements);
    }

    private static List<String> splitTerms(String text) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                terms.add(text.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(text.substring(start));
        return terms;
    }

    private static Requirement parseTerm(String term, String whole) {
        if (term.isEmpty()) {
            throw unparsable(whole, "found '', expected: !, identifier, or 'end of string'");
        }
        if (term.startsWith("!")) {
            return new DoesNotExist(key(term.substring(1).strip(), whole));
        }
        int ne = term.indexOf("!=");
        if (ne > 0) {
            return new NotEquals(key(term.substring(0, ne).strip(), whole), term.substring(ne + 2).strip());
        }
        int eq = term.indexOf('=');
        if (eq > 0) {
            String value = term.startsWith("==", eq) ? term.substring(eq + 2) : term.substring(eq + 1);
            return new Equals(key(term.substring(0, eq).strip(), whole), value.strip());
        }
        String[] words = term.split("\\s+", 2);
        if (words.length == 1) {
            return new Exists(key(words[0], whole));
        }
        String rest = words[1].strip();
        if (rest.startsWith("in") || rest.startsWith("notin")) {
            boolean in = rest.startsWith("in");
            String list = rest.substring(in ? 2 : 5).strip();
            if (!list.startsWith("(") || !list.endsWith(")")) {
                throw unparsable(whole, "found '" + list + "', expected: '('");
            }
            Set<String> values = new LinkedHashSet<>();
            for (String v : list.substring(1, list.length() - 1).split(",")) {
                values.add(v.strip());
            }
            return in ? new In(key(words[0], whole), values) : new NotIn(key(words[0], whole), values);
        }
        throw unparsable(whole, "found '" + rest + "', expected: in, notin, =, ==, !=, gt, lt");
    }

    private static String key(String key, String whole) {
        if (key.isEmpty() || !key.matches("([A-Za-z0-9.-]+/)?[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?")) {
            throw unparsable(whole, "invalid label key \"" + key + "\"");
        }
        return key;
    }

    private static ApiError unparsable(String whole, String why) {
        return ApiError.badRequest("unable to parse requirement: " + why + " (selector \"" + whole + "\")");
    }
}
