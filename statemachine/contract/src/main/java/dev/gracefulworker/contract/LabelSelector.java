package dev.gracefulworker.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector in its string form: equality ({@code a=b}, {@code a==b}, {@code a!=b}) and set-based
 * ({@code a in (x,y)}, {@code a notin (x)}, {@code a}, {@code !a}) requirements, comma-separated, all must hold.
 * The empty selector matches every pod.
 */
public final class LabelSelector {

    private static final Pattern SET_BASED = Pattern.compile("([^\\s=!(),]+)\\s+(in|notin)\\s+\\(([^)]*)\\)");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?");

    private sealed interface Requirement {
        boolean matches(Map<String, String> labels);
    }

    private record Equals(String key, String value) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return value.equals(labels.get(key));
        }
    }

    private record NotEquals(String key, String value) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return !value.equals(labels.get(key));
        }
    }

    private record In(String key, Set<String> values) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key) && values.contains(labels.get(key));
        }
    }

    private record NotIn(String key, Set<String> values) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return !labels.containsKey(key) || !values.contains(labels.get(key));
        }
    }

    private record Exists(String key) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return labels.containsKey(key);
        }
    }

    private record DoesNotExist(String key) implements Requirement {
        public boolean matches(Map<String, String> labels) {
            return !labels.containsKey(key);
        }
    }

    private final String text;
    private final List<Requirement> requirements;

    private LabelSelector(String text, List<Requirement> requirements) {
        this.text = text;
        this.requirements = List.copyOf(requirements);
    }

    /** Parses a selector; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static LabelSelector parse(String selector) {
        String text = selector == null ? "" : selector.strip();
        List<Requirement> requirements = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            requirements.add(requirement(part.strip(), text));
        }
        return new LabelSelector(text, requirements);
    }

    public boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    @Override
    public String toString() {
        return text;
    }

    private static Requirement requirement(String part, String whole) {
        Matcher set = SET_BASED.matcher(part);
        if (set.matches()) {
            String key = key(set.group(1), whole);
            Set<String> values = new LinkedHashSet<>();
            for (String value : set.group(3).split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
            return set.group(2).equals("in") ? new In(key, values) : new NotIn(key, values);
        }
        if (part.contains("!=")) {
            String[] kv = part.split("!=", 2);
            return new NotEquals(key(kv[0].strip(), whole), kv[1].strip());
        }
        if (part.contains("=")) {
            String[] kv = part.contains("==") ? part.split("==", 2) : part.split("=", 2);
            return new Equals(key(kv[0].strip(), whole), kv[1].strip());
        }
        if (part.startsWith("!")) {
            return new DoesNotExist(key(part.substring(1).strip(), whole));
        }
        return new Exists(key(part, whole));
    }

    private static String key(String key, String whole) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("'" + whole + "' is not a label selector: bad key '" + key + "'");
        }
        return key;
    }

    /** Splits on commas that are not inside the parentheses of a set-based requirement. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        if (text.isEmpty()) {
            return parts;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
