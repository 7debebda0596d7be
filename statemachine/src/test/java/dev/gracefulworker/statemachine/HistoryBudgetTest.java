package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryBudgetTest {

    private static HistoryBudget workflowBudget;

    @BeforeAll
    static void countTheDeployedDefinition() {
        workflowBudget = HistoryBudget.of(WorkflowSynth.of(props -> props).definition());
    }

    @Test
    void fixedOverhead_isTheLongestPathThroughTheWorkflowPlusTheExecutionEvents() {
        // execution 2 + Is it a termination? 2 + Load 2 + Start 2 + Per-group? 2 + Apply 5 + Check instance 5
        // + Anything? 2 + Cordon 5 + Check pods 5 + Done waiting? 2 + Complete (drained) 5 + Report 2 + Done 2
        assertThat(workflowBudget.fixedOverheadEvents()).isEqualTo(43);
    }

    @Test
    void longestConfigurableWait_withTheDefaultIntervals_staysUnderTheLimit() {
        var settings = WorkflowSettings.defaults().toBuilder()
                .maxWaitSeconds(WorkflowSettings.MAX_WAIT_LIMIT_SECONDS).build();

        long events = workflowBudget.worstCaseEvents(settings);

        assertThat(PollSchedule.maxChecks(settings)).isEqualTo(1_464);
        assertThat(events).isEqualTo(43 + 1_463 * 9).isLessThan(HistoryBudget.MAX_EVENTS);
        assertThat(workflowBudget.violation(settings)).isEmpty();
    }

    @Test
    void pollingEveryFiveSecondsForTwoDays_isRejectedNamingTheKeysAndTheFix() {
        var settings = WorkflowSettings.defaults().toBuilder()
                .pollIntervalSeconds(5).maxPollIntervalSeconds(5).maxWaitSeconds(172_800).build();

        assertThat(workflowBudget.violation(settings)).hasValueSatisfying(message -> assertThat(message)
                .contains("maxWaitSeconds=172800", "pollIntervalSeconds=5", "maxPollIntervalSeconds=5",
                        "34561 pod checks", "above the 25000")
                .contains("Raise maxPollIntervalSeconds"));
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
        assertThat(HistoryBudget.of(definition).fixedOverheadEvents()).isEqualTo(2 + 12);
    }
}
