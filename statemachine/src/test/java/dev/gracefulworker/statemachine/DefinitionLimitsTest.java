package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.contract.DefinitionLimits;
import dev.gracefulworker.contract.HeartbeatBudget;
import dev.gracefulworker.contract.HistoryBudget;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.contract.WorkflowFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.gracefulworker.statemachine.WorkflowStates.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits counted from the workflow's definition, rendered into it, and enforced at synth. */
class DefinitionLimitsTest {

    private static WorkflowSynth defaults;
    private static DefinitionLimits limits;

    @BeforeAll
    static void synthesize() {
        defaults = WorkflowSynth.of(props -> props);
        limits = DefinitionLimitsCounter.count(defaults.definition());
    }

    @Test
    void aLambdaTaskAtWorst_isSixAttemptsIntoItsTimeoutPlusTheLongestBackoffs() {
        int timeout = WorkflowFunction.CHECK_LIVENESS.taskTimeoutSeconds();
        // retriers: Lambda service errors 2 (1 s, 2 s), timeouts 1 (1 s), RetryableException 2 (2 s, 4 s)
        assertThat(DefinitionLimitsCounter.worstCaseSeconds(CHECK_INSTANCE_AND_NODE,
                DefinitionLimitsCounter.statesOf(defaults.definition()))).isEqualTo(6 * timeout + 1 + 2 + 1 + 2 + 4);
    }

    @Test
    void heartbeats_arePlannedFromTheWorstCaseTimings() {
        var states = DefinitionLimitsCounter.statesOf(defaults.definition());
        int intakeTask = DefinitionLimitsCounter.worstCaseSeconds(CHECK_INSTANCE_AND_NODE, states);
        int check = WorkflowFunction.CHECK_PODS.taskTimeoutSeconds();
        int heartbeatCall = 3 * 10 + 1 + 2;
        // the cordon has no Retry (its outages go round a loop of their own): one attempt
        int cordon = WorkflowFunction.CORDON_NODE.taskTimeoutSeconds();

        assertThat(DefinitionLimitsCounter.worstCaseSeconds(CORDON_NODE, states)).isEqualTo(cordon);
        assertThat(limits.heartbeat()).isEqualTo(new HeartbeatBudget(2 * intakeTask + heartbeatCall,
                cordon + check + heartbeatCall, check, heartbeatCall));
        assertThat(limits.heartbeat().violation(Settings.defaults())).isEmpty();
    }

    @Test
    void theHeartbeatStates_sitWhereTheBudgetAssumes() {
        assertThat(defaults.state(ANYTHING_TO_DRAIN).path("Choices").toString()).contains(KEEP_THE_HOOK_ALIVE);
        assertThat(defaults.state(KEEP_THE_HOOK_ALIVE).path("Next").asText()).isEqualTo(CORDON_NODE);
        assertThat(defaults.state(CORDON_NODE).path("Next").asText()).isEqualTo(CHECK_PODS);
        assertThat(defaults.state(CHECK_PODS).path("Retry").isMissingNode()).as("Check pods retries through the loop")
                .isTrue();
        assertThat(defaults.state(KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CHECK).path("Next").asText())
                .isEqualTo(WAIT_BEFORE_NEXT_CHECK);
        // after a failed cordon: heartbeat, wait the first poll interval, cordon again (HeartbeatBudget counts it)
        assertThat(defaults.state(CORDON_NODE).path("Retry").isMissingNode()).as("the cordon retries through its loop")
                .isTrue();
        assertThat(defaults.state(KEEP_THE_HOOK_ALIVE_AFTER_A_FAILED_CORDON).path("Next").asText())
                .isEqualTo(WAIT_BEFORE_RETRYING_THE_CORDON);
        assertThat(defaults.state(WAIT_BEFORE_RETRYING_THE_CORDON).path("SecondsPath").asText())
                .isEqualTo("$.poll.nextWaitSeconds");
        assertThat(defaults.state(START_THE_CLOCK).path("Parameters").path("nextWaitSeconds.$").asText())
                .isEqualTo("$.settings.pollIntervalSeconds");
        assertThat(defaults.state(WAIT_BEFORE_RETRYING_THE_CORDON).path("Next").asText()).isEqualTo(CORDON_NODE);
    }

    @Test
    void history_countsEveryRetryAndTheCostliestWayRoundTheLoop() {
        // the outage round: Wait 2 + failed Check pods 5 + Count 2 + Outage too long? 2 + heartbeat 5 + 2 retries x 3;
        // a failed cordon's round costs the same, and shares the outage budget
        assertThat(limits.history().eventsPerPollIteration()).isEqualTo(2 + 5 + 2 + 2 + 5 + 6);
        assertThat(DefinitionLimitsCounter.historyBudget(IS_IT_A_TERMINATION, DefinitionLimitsCounter.statesOf(
                defaults.definition()), WAIT_BEFORE_RETRYING_THE_CORDON).eventsPerPollIteration()).isEqualTo(22);
        assertThat(limits.history().fixedEvents()).isGreaterThan(43);
    }

    @Test
    void theCountedLimits_areRenderedIntoTheOverridesTask_forTheRunTimeCheck() throws Exception {
        JsonNode rendered = defaults.state(APPLY_PER_GROUP_OVERRIDES).path("Parameters").path("limits");

        assertThat(new ObjectMapper().treeToValue(rendered, DefinitionLimitsJson.class).toLimits()).isEqualTo(limits);
    }

    @Test
    void tightPollingOverADay_failsSynthWithTheHistoryBudget() {
        var settings = Settings.builder().pollIntervalSeconds(5).maxPollIntervalSeconds(5).maxWaitSeconds(86_400)
                .heartbeatTimeoutSeconds(3_600).build();

        assertThatThrownBy(() -> WorkflowSynth.withSettings(settings))
                .hasMessageContaining("History budget exceeded: waiting maxWaitSeconds=86400 with "
                        + "pollIntervalSeconds=5 and maxPollIntervalSeconds=5")
                .hasMessageContaining("Raise maxPollIntervalSeconds");
    }

    @Test
    void aHeartbeatTimeoutTooShortForTheWorstCase_failsSynthNamingTheMinimum() {
        var settings = Settings.builder().heartbeatTimeoutSeconds(120).maxPollIntervalSeconds(60).build();

        assertThatThrownBy(() -> WorkflowSynth.withSettings(settings))
                .hasMessageContaining("heartbeatTimeoutSeconds (120) is too short for the workflow's worst case")
                .hasMessageContaining("raise heartbeatTimeoutSeconds to at least "
                        + limits.heartbeat().minimumHeartbeatTimeoutSeconds());
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
                  "Poll": {"Type": "Task", "Resource": "arn", "Next": "Done?", "TimeoutSeconds": 5,
                           "Retry": [{"ErrorEquals": ["X"], "MaxAttempts": 2}],
                           "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}]},
                  "Done?": {"Type": "Choice", "Choices": [{"Variable": "$.done", "BooleanEquals": true, "Next": "End"}],
                            "Default": "Wait"},
                  "Wait": {"Type": "Wait", "Seconds": 5, "Next": "Poll"},
                  "Recover": {"Type": "Task", "Resource": "arn", "Next": "Failed"},
                  "Failed": {"Type": "Fail"},
                  "End": {"Type": "Succeed"}}}
                """);

        HistoryBudget budget = DefinitionLimitsCounter.historyBudget("Poll",
                DefinitionLimitsCounter.statesOf(definition), "Wait");

        // Poll 5 + 2 retries x 3 + Recover 5 + Failed 2 beats Poll 11 + Done? 2 + End 2; Wait leads back into the path
        assertThat(budget.fixedEvents()).isEqualTo(2 + 11 + 5 + 2);
        // Wait 2 + Poll 11 + Done? 2
        assertThat(budget.eventsPerPollIteration()).isEqualTo(15);
    }

    /** The rendered limits, read back with Jackson as the handler reads them. */
    record DefinitionLimitsJson(HistoryBudget history, HeartbeatBudget heartbeat) {
        DefinitionLimits toLimits() {
            return new DefinitionLimits(history, heartbeat);
        }
    }
}
