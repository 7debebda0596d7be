package dev.gracefulworker.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistoryBudgetTest {

    private static final HistoryBudget BUDGET = new HistoryBudget(114, 22);

    @Test
    void iterations_areTheWaitsChecksPlusAnOutagesWorthOfFailedChecksAtTheShortestInterval() {
        var settings = Settings.builder().pollIntervalSeconds(10).maxPollIntervalSeconds(10).maxWaitSeconds(100)
                .maxOutageSeconds(60).build();

        // 11 checks for the wait (10 iterations), 6 failed checks of at least 10 s in 60 s
        assertThat(HistoryBudget.maxIterations(settings)).isEqualTo(10 + 6);
        assertThat(BUDGET.worstCaseEvents(settings)).isEqualTo(114 + 16 * 22);
    }

    @Test
    void aDefaultDrain_usesAFractionOfTheHistory() {
        assertThat(BUDGET.worstCaseEvents(Settings.defaults())).isLessThan(HistoryBudget.MAX_EVENTS / 5);
        assertThat(BUDGET.violation(Settings.defaults())).isEmpty();
    }

    @Test
    void pollingEveryFiveSecondsForTwoDays_isRejectedNamingTheKeysAndTheFix() {
        var settings = Settings.builder().pollIntervalSeconds(5).maxPollIntervalSeconds(5).maxWaitSeconds(172_800)
                .build();

        assertThat(BUDGET.violation(settings)).hasValueSatisfying(violation -> {
            assertThat(violation.key()).isEqualTo("maxPollIntervalSeconds");
            assertThat(violation.message())
                    .contains("maxWaitSeconds=172800", "pollIntervalSeconds=5", "maxPollIntervalSeconds=5",
                            "maxOutageSeconds=1800", "of up to 22 events each", "above the 25000")
                    .contains("Raise maxPollIntervalSeconds");
        });
    }

    @Test
    void exactlyTheLimit_fits_andOneEventMore_doesNot() {
        var settings = Settings.builder().pollIntervalSeconds(10).maxPollIntervalSeconds(10).maxWaitSeconds(100)
                .maxOutageSeconds(60).build();
        // 16 iterations of 10 events
        assertThat(new HistoryBudget(HistoryBudget.MAX_EVENTS - 160, 10).violation(settings)).isEmpty();
        assertThat(new HistoryBudget(HistoryBudget.MAX_EVENTS - 159, 10).violation(settings)).isPresent();
    }

    @Test
    void aBudgetWithoutEvents_isRejected() {
        assertThatThrownBy(() -> new HistoryBudget(0, 9)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new HistoryBudget(43, 0)).hasMessageContaining("must be positive");
    }
}
