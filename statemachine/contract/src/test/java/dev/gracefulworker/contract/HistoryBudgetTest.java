package dev.gracefulworker.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistoryBudgetTest {

    private static final HistoryBudget BUDGET = new HistoryBudget(43);

    @Test
    void longestConfigurableWait_withTheDefaultIntervals_staysUnderTheLimit() {
        var settings = Settings.builder().maxWaitSeconds(Settings.MAX_WAIT_LIMIT_SECONDS).build();

        assertThat(PollSchedule.maxChecks(settings)).isEqualTo(1_464);
        assertThat(BUDGET.worstCaseEvents(settings)).isEqualTo(43 + 1_463 * 9).isLessThan(HistoryBudget.MAX_EVENTS);
        assertThat(BUDGET.violation(settings)).isEmpty();
    }

    @Test
    void pollingEveryFiveSecondsForTwoDays_isRejectedNamingTheKeysAndTheFix() {
        var settings = Settings.builder().pollIntervalSeconds(5).maxPollIntervalSeconds(5).maxWaitSeconds(172_800)
                .build();

        assertThat(BUDGET.violation(settings)).hasValueSatisfying(violation -> {
            assertThat(violation.key()).isEqualTo("maxPollIntervalSeconds");
            assertThat(violation.message())
                    .contains("maxWaitSeconds=172800", "pollIntervalSeconds=5", "maxPollIntervalSeconds=5",
                            "34561 pod checks", "above the 25000")
                    .contains("Raise maxPollIntervalSeconds");
        });
    }

    @Test
    void exactlyTheLimit_fits_andOneEventMore_doesNot() {
        var settings = Settings.builder().pollIntervalSeconds(10).maxPollIntervalSeconds(10).maxWaitSeconds(100).build();
        // 11 checks: 10 poll iterations of 9 events
        assertThat(new HistoryBudget(HistoryBudget.MAX_EVENTS - 90).violation(settings)).isEmpty();
        assertThat(new HistoryBudget(HistoryBudget.MAX_EVENTS - 89).violation(settings)).isPresent();
    }

    @Test
    void aBudgetWithoutFixedEvents_isRejected() {
        assertThatThrownBy(() -> new HistoryBudget(0)).hasMessageContaining("fixedEvents must be positive");
    }
}
