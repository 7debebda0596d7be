package dev.gracefulworker.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeartbeatScheduleTest {

    @ParameterizedTest(name = "{0} s since the last, next check in {1} s, timeout {2} s: due={3}")
    @CsvSource({
            "0,   15,  300, false",
            "134, 15,  300, false",  // the next check comes 149 s after the heartbeat: still within half the timeout
            "135, 15,  300, true",   // 150 s: half the timeout, record now
            "200, 120, 300, true",
            "10,  140, 300, true",   // a long wait ahead is enough to make it due
            "14,  0,   30,  false",
            "15,  0,   31,  false",
            "16,  0,   31,  true"})
    void heartbeat_isDueWhenTheNextCheckWouldComeAfterHalfTheTimeout(
            long sinceLast, int nextWait, int timeout, boolean due) {
        assertThat(HeartbeatSchedule.isDue(sinceLast, nextWait, timeout)).isEqualTo(due);
    }
}
