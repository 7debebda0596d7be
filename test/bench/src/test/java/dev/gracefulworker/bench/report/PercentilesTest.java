package dev.gracefulworker.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private final Percentiles oneToHundred = Percentiles.of(LongStream.rangeClosed(1, 100).boxed().toList().reversed());

    @Test
    void nearestRank_takesAMeasuredValue() {
        assertThat(oneToHundred.median()).isEqualTo(50);
        assertThat(oneToHundred.percentile(99)).isEqualTo(99);
        assertThat(oneToHundred.percentile(100)).isEqualTo(100);
        assertThat(oneToHundred.max()).isEqualTo(100);
    }

    @Test
    void smallSample_p99IsItsLargestValue() {
        Percentiles five = Percentiles.of(List.of(30L, 10L, 50L, 20L, 40L));

        assertThat(five.median()).isEqualTo(30);
        assertThat(five.percentile(99)).isEqualTo(50);
    }

    @Test
    void emptySample_isRejected() {
        assertThatThrownBy(() -> Percentiles.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
