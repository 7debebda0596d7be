package dev.gracefulworker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.functions.pods.PollSchedule;
import dev.gracefulworker.functions.settings.Settings;
import dev.gracefulworker.statemachine.WorkflowSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The poll schedule exists twice: in the handler that waits ({@code functions}) and in the synth-time history budget
 * ({@code statemachine}, which must not drag CDK into the Lambda jar, and vice versa). This module sees both, so it
 * proves they agree: the budget checked at synth is the one the running workflow spends.
 */
class PollScheduleAgreementTest {

    @ParameterizedTest
    @CsvSource({
            "15, 120, 3600",
            "15, 120, 172800",
            "5, 5, 600",
            "1, 150, 7200",
            "30, 3600, 172800",
            "10, 60, 1"})
    void handlerAndHistoryBudget_scheduleTheSameChecks(int poll, int maxPoll, int maxWait) {
        Settings handler = new Settings(java.util.List.of(), Settings.defaults().drainMode(), poll, maxPoll, maxWait, 7200, true,
                false, Settings.defaults().onTimeout(), Settings.defaults().onFailure(), null, null, null);
        WorkflowSettings synth = WorkflowSettings.builder()
                .pollIntervalSeconds(poll).maxPollIntervalSeconds(maxPoll).maxWaitSeconds(maxWait).heartbeatTimeoutSeconds(7200)
                .build();

        for (long elapsed = 0; elapsed <= maxWait + 10L; elapsed += Math.max(1, maxWait / 97)) {
            assertThat(PollSchedule.nextWaitSeconds(elapsed, handler))
                    .as("next wait after %d s", elapsed)
                    .isEqualTo(dev.gracefulworker.statemachine.PollSchedule.nextWaitSeconds(elapsed, synth));
        }
        assertThat(PollSchedule.maxChecks(handler)).isEqualTo(dev.gracefulworker.statemachine.PollSchedule.maxChecks(synth));
    }
}
