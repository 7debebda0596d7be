package dev.gracefulworker.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.contract.PodSelector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed reads of CDK context values, which arrive as strings from {@code -c key=value} and as JSON values from
 * cdk.json. A bad value is recorded as a problem naming the key and the fix, and the default is used so that every
 * problem is reported at once.
 */
final class ContextReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Object> context;
    private final List<String> problems = new ArrayList<>();

    ContextReader(Function<String, Object> context) {
        this.context = context;
    }

    List<String> problems() {
        return problems;
    }

    void problem(String message) {
        problems.add(message);
    }

    /** The value as trimmed text; blank counts as absent. */
    Optional<String> text(String key) {
        Object value = context.apply(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** Text that must match {@code pattern}; {@code expected} says what a good value looks like. */
    Optional<String> matching(String key, Pattern pattern, String expected) {
        Optional<String> value = text(key);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            problem("%s must be %s (got '%s')".formatted(key, expected, value.get()));
            return Optional.empty();
        }
        return value;
    }

    boolean bool(String key, boolean defaultValue) {
        Object value = context.apply(key);
        if (value instanceof Boolean flag) {
            return flag;
        }
        return text(key).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problem("%s must be true or false (got '%s')".formatted(key, text));
                yield defaultValue;
            }
        }).orElse(defaultValue);
    }

    int integer(String key, int defaultValue) {
        Object value = context.apply(key);
        if (value instanceof Integer || value instanceof Long) {
            return Math.toIntExact(((Number) value).longValue());
        }
        return text(key).map(text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                problem("%s must be a whole number (got '%s')".formatted(key, text));
                return defaultValue;
            }
        }).orElse(defaultValue);
    }

    int integerBetween(String key, int defaultValue, int min, int max) {
        int value = integer(key, defaultValue);
        if (value < min || value > max) {
            problem("%s must be between %d and %d (got %d)".formatted(key, min, max, value));
            return defaultValue;
        }
        return value;
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        return text(key).map(text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            problem("%s must be one of %s (got '%s')".formatted(key, Arrays.toString(type.getEnumConstants()), text));
            return defaultValue;
        }).orElse(defaultValue);
    }

    /** A JSON list from cdk.json, or a comma-separated string; blanks dropped. */
    List<String> names(String key) {
        Object value = context.apply(key);
        var names = new ArrayList<String>();
        if (value instanceof List<?> list) {
            list.forEach(item -> names.add(String.valueOf(item).trim()));
        } else {
            text(key).ifPresent(text -> names.addAll(Arrays.asList(text.split(","))));
        }
        return names.stream().map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    /** Names that must each match {@code pattern}. */
    List<String> names(String key, Pattern pattern, String expected) {
        var names = names(key);
        for (String name : names) {
            if (!pattern.matcher(name).matches()) {
                problem("%s: each entry must be %s (got '%s')".formatted(key, expected, name));
            }
        }
        return names;
    }

    /**
     * Pod selectors: a JSON list of {@code {"namespace", "labelSelector"}} objects (in cdk.json or as a string), or
     * {@code namespace:selector;namespace:selector}.
     */
    List<PodSelector> podSelectors(String key) {
        Object value = context.apply(key);
        try {
            if (value instanceof List<?>) {
                return selectorsFromJson(key, JSON.valueToTree(value));
            }
            Optional<String> text = text(key);
            if (text.isEmpty()) {
                return List.of();
            }
            if (text.get().startsWith("[")) {
                return selectorsFromJson(key, JSON.readTree(text.get()));
            }
            var selectors = new ArrayList<PodSelector>();
            for (String entry : text.get().split(";")) {
                if (entry.isBlank()) {
                    continue;
                }
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("'" + entry.trim() + "' has no namespace");
                }
                selectors.add(new PodSelector(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim()));
            }
            return selectors;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problem(("%s must be a JSON list like [{\"namespace\":\"batch\",\"labelSelector\":\"app=report\"}] or "
                    + "namespace:selector;namespace:selector, with * for all namespaces (%s)")
                    .formatted(key, e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
            return List.of();
        }
    }

    private static List<PodSelector> selectorsFromJson(String key, JsonNode list) {
        if (!list.isArray()) {
            throw new IllegalArgumentException(key + " is not a list");
        }
        var selectors = new ArrayList<PodSelector>();
        for (JsonNode item : list) {
            JsonNode namespace = item.get("namespace");
            JsonNode selector = item.get("labelSelector");
            if (namespace == null || !namespace.isTextual() || selector == null || !selector.isTextual()) {
                throw new IllegalArgumentException("entry " + item + " needs the text fields namespace and labelSelector");
            }
            selectors.add(new PodSelector(namespace.asText(), selector.asText()));
        }
        return selectors;
    }
}
