package dev.gracefulworker.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollScheduleTest {

    // pollIntervalSeconds 15, maxPollIntervalSeconds 120, maxWaitSeconds 3600
    private static final Settings DEFAULTS = Settings.defaults();

    @ParameterizedTest(name = "after {0} s the next wait is {1} s")
    @CsvSource({
            "0,    15",   // the first interval
            "149,  15",   // a tenth of the time waited is still below it
            "300,  30",   // then a tenth of the time waited
            "999,  99",
            "1199, 119",
            "1200, 120",  // capped at maxPollIntervalSeconds
            "3000, 120",
            "3550, 50",   // never past the deadline
            "3599, 1",
            "3600, 1",    // at least one second
            "9999, 1"})
    void nextWait_growsWithTheTimeWaited_cappedAndNeverPastTheDeadline(long elapsed, int expectedWait) {
        assertThat(PollSchedule.nextWaitSeconds(elapsed, DEFAULTS)).isEqualTo(expectedWait);
    }

    @Test
    void maxChecks_countsTheFirstCheckAndOneAfterEveryWait() {
        var settings = DEFAULTS.toBuilder().pollIntervalSeconds(10).maxPollIntervalSeconds(10).maxWaitSeconds(100)
                .build();

        assertThat(PollSchedule.maxChecks(settings)).isEqualTo(11);
    }

    @Test
    void maxChecks_ofAOneSecondWait_isTheFirstCheckAndOneAtTheDeadline() {
        assertThat(PollSchedule.maxChecks(DEFAULTS.toBuilder().maxWaitSeconds(1).build())).isEqualTo(2);
    }
}
