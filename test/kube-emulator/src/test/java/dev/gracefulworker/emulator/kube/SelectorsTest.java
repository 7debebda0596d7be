package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SelectorsTest {
    private static final Map<String, String> LABELS = Map.of("app", "web", "tier", "front", "team", "a");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "app=web                       | true",
            "app==web                      | true",
            "app=db                        | false",
            "app!=db                       | true",
            "missing!=x                    | true",
            "app!=web                      | false",
            "tier in (front,back)          | true",
            "tier in (back)                | false",
            "missing in (x)                | false",
            "tier notin (back)             | true",
            "tier notin (front)            | false",
            "missing notin (x)             | true",
            "team                          | true",
            "missing                       | false",
            "!missing                      | true",
            "!team                         | false",
            "'app=web,tier in (front, back),!gone' | true",
            "'app=web,team=b'              | false",
    })
    void labelSelector_matchesAsKubernetesDoes(String selector, boolean matches) {
        assertThat(LabelSelector.parse(selector).matches(LABELS)).isEqualTo(matches);
    }

    @Test
    void blankLabelSelector_matchesEverything() {
        assertThat(LabelSelector.parse("").matches(Map.of())).isTrue();
        assertThat(LabelSelector.parse(null).matches(LABELS)).isTrue();
    }

    @Test
    void malformedLabelSelector_isABadRequest() {
        assertThatThrownBy(() -> LabelSelector.parse("app in web"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(400))
                .hasMessageContaining("unable to parse requirement");
    }

    @Test
    void budgetSelector_combinesMatchLabelsAndMatchExpressions() {
        Scenario.Selector selector = new Scenario.Selector(Map.of("app", "web"), List.of(
                new Scenario.Expression("tier", "NotIn", List.of("back")),
                new Scenario.Expression("team", "Exists", null)));

        assertThat(LabelSelector.of(selector).matches(LABELS)).isTrue();
        assertThat(LabelSelector.of(selector).matches(Map.of("app", "web"))).isFalse();
    }

    private static JsonNode pod(String node, String phase) {
        return Json.MAPPER.valueToTree(Map.of(
                "metadata", Map.of("name", "p", "namespace", "ns"),
                "spec", Map.of("nodeName", node),
                "status", Map.of("phase", phase)));
    }

    @Test
    void fieldSelector_combinesEqualityAndInequalityTerms() {
        FieldSelector selector = FieldSelector.parse("spec.nodeName=n1,status.phase!=Succeeded", FieldSelector.POD_FIELDS);

        assertThat(selector.matches(pod("n1", "Running"))).isTrue();
        assertThat(selector.matches(pod("n1", "Succeeded"))).isFalse();
        assertThat(selector.matches(pod("n2", "Running"))).isFalse();
        assertThat(selector.nodeName()).hasValue("n1");
    }

    @Test
    void fieldSelectorWithDoubleEquals_isAnEqualityTerm() {
        FieldSelector selector = FieldSelector.parse("metadata.namespace==ns", FieldSelector.POD_FIELDS);

        assertThat(selector.matches(pod("n1", "Running"))).isTrue();
        assertThat(selector.nodeName()).isEmpty();
    }

    @Test
    void unsupportedField_isRejectedWithTheApiServersMessage() {
        assertThatThrownBy(() -> FieldSelector.parse("spec.hostname=x", FieldSelector.POD_FIELDS))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(400))
                .hasMessage("field label not supported: spec.hostname");
    }

    @Test
    void nodeFieldSelector_acceptsOnlyNodeFields() {
        assertThatThrownBy(() -> FieldSelector.parse("spec.nodeName=x", FieldSelector.NODE_FIELDS))
                .hasMessage("field label not supported: spec.nodeName");
    }
}
