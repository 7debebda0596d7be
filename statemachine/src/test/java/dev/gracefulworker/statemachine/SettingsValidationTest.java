package dev.gracefulworker.statemachine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsValidationTest {

    private static final WorkflowSettings DEFAULTS = WorkflowSettings.defaults();

    @Test
    void defaults_breakNoRule() {
        assertThat(SettingsRules.violations(DEFAULTS)).isEmpty();
    }

    @Test
    void pollIntervalNotBelowHeartbeatTimeout_failsSynthNamingBothKeys() {
        var settings = DEFAULTS.toBuilder().pollIntervalSeconds(300).maxPollIntervalSeconds(300).build();

        assertThatThrownBy(() -> WorkflowSynth.withSettings(settings))
                .hasMessageContaining("pollIntervalSeconds (300) must be below heartbeatTimeoutSeconds (300)")
                .hasMessageContaining("lower pollIntervalSeconds or raise heartbeatTimeoutSeconds");
    }

    @Test
    void maxPollIntervalAboveHalfTheHeartbeatTimeout_failsSynth() {
        var settings = DEFAULTS.toBuilder().maxPollIntervalSeconds(151).build();

        assertThatThrownBy(() -> WorkflowSynth.withSettings(settings))
                .hasMessageContaining("maxPollIntervalSeconds (151) must be at most heartbeatTimeoutSeconds / 2 (150)");
    }

    @Test
    void maxWaitBeyondTheHooksGlobalTimeout_failsSynth() {
        var settings = DEFAULTS.toBuilder().maxWaitSeconds(172_801).build();

        assertThatThrownBy(() -> WorkflowSynth.withSettings(settings))
                .hasMessageContaining("maxWaitSeconds is 172801: it must be between 1 and 172800");
    }

    @Test
    void tightPollingOverTwoDays_failsSynthWithTheHistoryBudget() {
        var settings = DEFAULTS.toBuilder().pollIntervalSeconds(5).maxPollIntervalSeconds(5).maxWaitSeconds(172_800)
                .build();

        assertThatThrownBy(() -> WorkflowSynth.withSettings(settings))
                .hasMessageContaining("History budget exceeded: waiting maxWaitSeconds=172800 with "
                        + "pollIntervalSeconds=5 and maxPollIntervalSeconds=5")
                .hasMessageContaining("Raise maxPollIntervalSeconds");
    }

    @Test
    void heartbeatTimeoutOutsideTheHooksRange_isABrokenRule() {
        assertThat(SettingsRules.violations(DEFAULTS.toBuilder().heartbeatTimeoutSeconds(7_201).build()))
                .anySatisfy(message -> assertThat(message).startsWith("heartbeatTimeoutSeconds is 7201"));
        assertThat(SettingsRules.violations(DEFAULTS.toBuilder().heartbeatTimeoutSeconds(29).build()))
                .anySatisfy(message -> assertThat(message).startsWith("heartbeatTimeoutSeconds is 29"));
    }

    @Test
    void maxPollIntervalBelowThePollInterval_isABrokenRule() {
        var settings = DEFAULTS.toBuilder().pollIntervalSeconds(30).maxPollIntervalSeconds(20).build();

        assertThat(SettingsRules.violations(settings)).containsExactly(
                "maxPollIntervalSeconds (20) must be at least pollIntervalSeconds (30): raise maxPollIntervalSeconds.");
    }

    @Test
    void zeroPollInterval_isABrokenRule() {
        var settings = DEFAULTS.toBuilder().pollIntervalSeconds(0).build();

        assertThat(SettingsRules.violations(settings)).containsExactly("pollIntervalSeconds is 0: it must be at least 1.");
    }
}
