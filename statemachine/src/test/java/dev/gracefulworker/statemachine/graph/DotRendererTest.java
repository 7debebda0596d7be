package dev.gracefulworker.statemachine.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DotRendererTest {

    /** A small workflow of the same shape as ours, with other names: nothing about our states is assumed. */
    private static final String DEFINITION = """
            {"StartAt": "Fetch", "States": {
              "Fetch": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:1:function:fetch:live", "Next": "Ready?",
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Give up?"}]},
              "Ready?": {"Type": "Choice", "Choices": [
                          {"Variable": "$.job.status", "StringEquals": "DONE", "Next": "Finish (done)"},
                          {"Not": {"Variable": "$.job", "IsPresent": true}, "Next": "Finish (gone)"}],
                         "Default": "Pause"},
              "Pause": {"Type": "Wait", "Seconds": 5, "Next": "Fetch"},
              "Finish (done)": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:1:function:finish", "Next": "Ok"},
              "Finish (gone)": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:1:function:finish", "Next": "Ok"},
              "Ok": {"Type": "Succeed"},
              "Give up?": {"Type": "Choice", "Choices": [{"Variable": "$.retry", "BooleanEquals": false, "Next": "Broke"}],
                           "Default": "Broke"},
              "Broke": {"Type": "Fail", "Error": "Broken"}
            }}""";

    private final StateGraph graph = StateGraph.of(json(DEFINITION));

    @Test
    void stateNames_areReadFromTheDefinition() {
        String dot = DotRenderer.render(graph);

        assertThat(dot).contains("\"Fetch\" [id=\"state-fetch\", class=\"state task\", label=<Fetch<BR/>",
                "\"Finish (done)\" [id=\"state-finish-done\"", "\"Give up?\" [id=\"state-give-up\"",
                "Lambda · fetch", "\"__start__\" -> \"Fetch\"", "\"Ok\" -> \"__end__\"", "\"Broke\" -> \"__end__\"");
    }

    @Test
    void aLoop_isBoxedAndLabelledWithTheChoiceThatLeavesIt() {
        StateClusters clusters = StateClusters.of(graph);

        assertThat(clusters.clusterOf("Pause")).get().satisfies(loop -> {
            assertThat(loop.kind()).isEqualTo(StateClusters.Kind.LOOP);
            assertThat(loop.label()).isEqualTo("loop until Ready?");
            assertThat(loop.states()).containsExactly("Fetch", "Ready?", "Pause");
        });
        assertThat(DotRenderer.render(graph)).contains("\"Pause\" -> \"Fetch\" [class=\"transition next\"]");
    }

    @Test
    void tasksCallingOneFunctionBeforeTheSameState_areBoxedTogether() {
        assertThat(StateClusters.of(graph).clusterOf("Finish (gone)")).get()
                .isEqualTo(new StateClusters.Cluster(StateClusters.Kind.ALTERNATIVES, "finish",
                        List.of("Finish (done)", "Finish (gone)")));
    }

    @Test
    void statesReachedOnlyThroughACatch_areTheFailurePath_behindDashedArrows() {
        String dot = DotRenderer.render(graph);

        assertThat(StateClusters.of(graph).clusterOf("Broke")).get()
                .extracting(StateClusters.Cluster::kind, StateClusters.Cluster::states)
                .containsExactly(StateClusters.Kind.FAILURE_PATH, List.of("Give up?", "Broke"));
        assertThat(dot).contains("\"Fetch\" -> \"Give up?\" [class=\"transition catch\", style=dashed, "
                + "tooltip=\"catch States.ALL\", color=\"#d13212\"]");
        assertThat(dot).contains("class=\"cluster failure-path\"", "style=\"dashed,rounded,filled\"");
    }

    @Test
    void choiceRules_areLabelledInAFewWords() {
        String dot = DotRenderer.render(graph);

        assertThat(dot).contains("\"Ready?\" -> \"Finish (done)\" [class=\"transition choice\", label=\"status = DONE\"]",
                "label=\"job absent\"", "label=\"retry = false\"", "label=\"otherwise\"");
    }

    @Test
    void visitedStates_areHighlightedWithTheirCount() {
        var path = ExecutionPath.of(List.of("Fetch", "Ready?", "Pause", "Fetch", "Ready?", "Finish (done)", "Ok"),
                Map.of(), Optional.empty());

        String dot = DotRenderer.render(graph, path);

        assertThat(dot).contains("\"Fetch\" [id=\"state-fetch\", class=\"state task visited\", label=<Fetch&#160;<B>×2</B>",
                "\"Finish (done)\" [id=\"state-finish-done\", class=\"state task visited\", label=<Finish (done)&#160;<B>×1</B>",
                "\"Finish (gone)\" [id=\"state-finish-gone\", class=\"state task unvisited\"",
                "\"Pause\" -> \"Fetch\" [class=\"transition next taken\", color=\"#1d8102\", penwidth=2]",
                "\"Ok\" -> \"__end__\" [class=\"transition end taken\"");
        assertThat(dot).doesNotContain("\"Ready?\" -> \"Finish (gone)\" [class=\"transition choice taken\"");
    }

    @Test
    void failedState_isMarkedRedWithItsError_andTheCaughtStateOrange() {
        var path = ExecutionPath.of(List.of("Fetch", "Give up?", "Broke"), Map.of("Fetch", "dev.example.BoomException"),
                Optional.of(new ExecutionPath.Failure("Broke", "Broken", "it broke")));

        String dot = DotRenderer.render(graph, path);

        assertThat(dot).contains("class=\"state fail visited failed\"", "✗ Broken",
                "class=\"state task visited caught\"", "caught BoomException",
                "\"Fetch\" -> \"Give up?\" [class=\"transition catch taken\", style=dashed");
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
