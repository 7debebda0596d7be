package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.contract.HistoryBudget;
import dev.gracefulworker.contract.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The budget counted from the workflow's definition, rendered into it, and enforced at synth. */
class HistoryBudgetTest {

    private static WorkflowSynth defaults;

    @BeforeAll
    static void synthesize() {
        defaults = WorkflowSynth.of(props -> props);
    }

    @Test
    void fixedOverhead_isTheLongestPathThroughTheWorkflowPlusTheExecutionEvents() {
        // execution 2 + Is it a termination? 2 + Load 2 + Start 2 + Per-group? 2 + Apply 5 + Check instance 5
        // + Anything? 2 + Cordon 5 + Check pods 5 + Done waiting? 2 + Complete (drained) 5 + Report 2 + Done 2
        assertThat(HistoryOverhead.of(defaults.definition())).isEqualTo(new HistoryBudget(43));
    }

    @Test
    void theCountedBudget_isRenderedIntoTheOverridesTask_forTheRunTimeCheck() {
        JsonNode payload = defaults.state(WorkflowStates.APPLY_PER_GROUP_OVERRIDES).path("Parameters");

        assertThat(payload.path("historyBudget").path("fixedEvents").asInt())
                .isEqualTo(HistoryOverhead.of(defaults.definition()).fixedEvents());
    }

    @Test
    void onePollIteration_costsWhatTheContractCounts() throws Exception {
        var states = new java.util.LinkedHashMap<String, JsonNode>();
        defaults.definition().path("States").properties().forEach(e -> states.put(e.getKey(), e.getValue()));

        assertThat(HistoryOverhead.loopEvents(WorkflowDefinition.POLL_LOOP, states))
                .isEqualTo(HistoryBudget.EVENTS_PER_POLL_ITERATION);
        assertThat(defaults.state(WorkflowStates.WAIT_BEFORE_NEXT_CHECK).path("Next").asText())
                .isEqualTo(WorkflowStates.CHECK_PODS);
    }

    @Test
    void tightPollingOverTwoDays_failsSynthWithTheHistoryBudget() {
        var settings = Settings.builder().pollIntervalSeconds(5).maxPollIntervalSeconds(5).maxWaitSeconds(172_800)
                .build();

        assertThatThrownBy(() -> WorkflowSynth.withSettings(settings))
                .hasMessageContaining("History budget exceeded: waiting maxWaitSeconds=172800 with "
                        + "pollIntervalSeconds=5 and maxPollIntervalSeconds=5")
                .hasMessageContaining("Raise maxPollIntervalSeconds");
    }

    @Test
    void brokenSettings_failSynthWithTheContractsMessages() {
        var settings = Settings.builder().maxPollIntervalSeconds(151).build();

        assertThatThrownBy(() -> WorkflowSynth.withSettings(settings))
                .hasMessageContaining("maxPollIntervalSeconds (151) must be at most heartbeatTimeoutSeconds / 2 (150)");
    }

    @Test
    void overhead_followsCatchesButNotTheLoopBack() throws Exception {
        JsonNode definition = new ObjectMapper().readTree("""
                {"StartAt": "Poll", "States": {
                  "Poll": {"Type": "Task", "Resource": "arn", "Next": "Done?",
                           "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}]},
                  "Done?": {"Type": "Choice", "Choices": [{"Variable": "$.done", "BooleanEquals": true, "Next": "End"}],
                            "Default": "Wait"},
                  "Wait": {"Type": "Wait", "Seconds": 5, "Next": "Poll"},
                  "Recover": {"Type": "Task", "Resource": "arn", "Next": "Failed"},
                  "Failed": {"Type": "Fail"},
                  "End": {"Type": "Succeed"}}}
                """);

        // Poll 5 + Recover 5 + Failed 2 beats Poll 5 + Done? 2 + End 2; Wait leads only back into the path
        assertThat(HistoryOverhead.of(definition).fixedEvents()).isEqualTo(2 + 12);
    }
}
