package dev.gracefulworker.emulator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({
            "-5, <invalid>", "-1, 0s", "0, 0s", "119, 119s", "120, 2m", "330, 5m30s", "600, 10m", "10799, 179m",
            "10800, 3h", "11100, 3h5m", "28800, 8h", "172799, 47h", "172800, 2d", "190800, 2d5h", "691200, 8d",
            "63072000, 2y", "63158400, 2y1d", "252288000, 8y"})
    void age_isPrintedAsKubectlPrintsIt(long seconds, String expected) {
        assertThat(HumanDuration.format(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }
}
