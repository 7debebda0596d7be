package dev.gracefulworker.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorTest {

    private static final Map<String, String> LABELS = Map.of("app", "report-runner", "tier", "batch", "team", "x");

    @ParameterizedTest(name = "''{0}'' matches: {1}")
    @CsvSource(delimiter = '|', value = {
            "                                  | true",
            "app=report-runner                 | true",
            "app==report-runner                | true",
            "app=web                           | false",
            "app!=web                          | true",
            "app!=report-runner                | false",
            "missing!=x                        | true",
            "tier in (batch, web)              | true",
            "tier in (web)                     | false",
            "tier notin (web)                  | true",
            "tier notin (batch,web)            | false",
            "missing notin (a)                 | true",
            "team                              | true",
            "missing                           | false",
            "!missing                          | true",
            "!team                             | false",
            "app=report-runner,tier in (batch) | true",
            "app=report-runner,!team           | false"})
    void selector_matchesLikeTheApiServer(String selector, boolean matches) {
        assertThat(LabelSelector.parse(selector).matches(LABELS)).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=x", "a b=c", "!", "app=x,,"})
    void malformedSelector_isRefusedWithTheSelectorInTheMessage(String selector) {
        assertThatThrownBy(() -> LabelSelector.parse(selector))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(selector);
    }
}
