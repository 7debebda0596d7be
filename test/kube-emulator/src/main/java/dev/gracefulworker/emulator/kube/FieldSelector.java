package dev.gracefulworker.emulator.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A parsed {@code fieldSelector}: {@code field=value}, {@code field==value} or {@code field!=value} terms, all of which must hold. */
record FieldSelector(List<Term> terms) {

    /** The fields the pods resource accepts in a field selector (a subset of the real server's list). */
    static final Map<String, Function<JsonNode, String>> POD_FIELDS = Map.of(
            "metadata.name", o -> o.path("metadata").path("name").asText(""),
            "metadata.namespace", o -> o.path("metadata").path("namespace").asText(""),
            "spec.nodeName", o -> o.path("spec").path("nodeName").asText(""),
            "spec.restartPolicy", o -> o.path("spec").path("restartPolicy").asText(""),
            "spec.schedulerName", o -> o.path("spec").path("schedulerName").asText(""),
            "spec.serviceAccountName", o -> o.path("spec").path("serviceAccountName").asText(""),
            "status.phase", o -> o.path("status").path("phase").asText(""),
            "status.podIP", o -> o.path("status").path("podIP").asText(""));

    /** The fields the nodes resource accepts in a field selector. */
    static final Map<String, Function<JsonNode, String>> NODE_FIELDS = Map.of(
            "metadata.name", o -> o.path("metadata").path("name").asText(""),
            "spec.unschedulable", o -> Boolean.toString(o.path("spec").path("unschedulable").asBoolean(false)));

    /** The fields a PodDisruptionBudget accepts (the generic ones). */
    static final Map<String, Function<JsonNode, String>> GENERIC_FIELDS = Map.of(
            "metadata.name", o -> o.path("metadata").path("name").asText(""),
            "metadata.namespace", o -> o.path("metadata").path("namespace").asText(""));

    static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    FieldSelector {
        terms = List.copyOf(terms);
    }

    /** One term; {@code equal} false means {@code !=}. */
    record Term(String field, boolean equal, String value, Function<JsonNode, String> extractor) {
        boolean matches(JsonNode object) {
            return extractor.apply(object).equals(value) == equal;
        }
    }

    /** Parses a selector for a resource whose supported fields are {@code fields}; unsupported fields are a 400. */
    static FieldSelector parse(String text, Map<String, Function<JsonNode, String>> fields) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String raw : text.split(",")) {
            String term = raw.strip();
            int ne = term.indexOf("!=");
            int eq = term.indexOf('=');
            if (eq < 0 && ne < 0) {
                throw ApiError.badRequest("invalid selector: '" + text + "'; can't understand '" + term + "'");
            }
            boolean equal = ne < 0;
            String field = equal ? term.substring(0, eq) : term.substring(0, ne);
            String value = equal
                    ? (term.startsWith("==", eq) ? term.substring(eq + 2) : term.substring(eq + 1))
                    : term.substring(ne + 2);
            Function<JsonNode, String> extractor = fields.get(field.strip());
            if (extractor == null) {
                throw ApiError.badRequest("field label not supported: " + field.strip());
            }
            terms.add(new Term(field.strip(), equal, value.strip(), extractor));
        }
        return new FieldSelector(terms);
    }

    boolean matches(JsonNode object) {
        for (Term t : terms) {
            if (!t.matches(object)) {
                return false;
            }
        }
        return true;
    }

    /** The node an equality term on {@code spec.nodeName} pins the query to, so the pod index can answer it. */
    Optional<String> nodeName() {
        return terms.stream().filter(t -> t.equal() && t.field().equals("spec.nodeName")).map(Term::value).findFirst();
    }
}
