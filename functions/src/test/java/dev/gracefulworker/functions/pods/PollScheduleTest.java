package dev.gracefulworker.functions.pods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.functions.settings.Settings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollScheduleTest {

    // pollIntervalSeconds 15, maxPollIntervalSeconds 120, maxWaitSeconds 3600
    private final Settings settings = Settings.defaults();

    @ParameterizedTest(name = "after {0} s wait {1} s")
    @CsvSource({
            "0,    15",   // starts at the poll interval
            "149,  15",   // a tenth of 149 is below the interval
            "300,  30",   // then a tenth of the time waited
            "999,  99",
            "1200, 120",  // capped at the maximum interval
            "3000, 120",
            "3550, 50",   // never past the deadline
            "3599, 1",
            "3600, 1",    // at least one second
            "9999, 1"})
    void nextWait_growsWithTheTimeWaitedWithinItsBounds(long elapsedSeconds, int expected) {
        assertThat(PollSchedule.nextWaitSeconds(elapsedSeconds, settings)).isEqualTo(expected);
    }
}
