package dev.gracefulworker.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TerminationCostTest {

    private final TerminationPath path = TerminationPath.drained(ExportedDefinition.load(), false);
    private final Prices prices = Prices.usEast1();

    @Test
    void noWait_costsThirteenTransitionsAndFourInvocations() {
        // 1 poll of 100 ms + 3 other tasks of 1,000 ms at 1 GB = 3.1 GB-s
        TerminationCost cost = TerminationCost.of(path, 0, 100, 1_000, 1024, prices);

        assertThat(cost.transitions()).isEqualTo(13);
        assertThat(cost.invocations()).isEqualTo(4);
        assertThat(cost.gbSeconds()).isEqualByComparingTo("3.1");
        assertThat(cost.stepFunctions()).isEqualByComparingTo("0.000325");
        assertThat(cost.lambda()).isEqualByComparingTo(new BigDecimal("0.0000008").add(new BigDecimal("0.0000166667").multiply(new BigDecimal("3.1"))));
    }

    @Test
    void thousandIterations_addThreeThousandTransitionsAndAThousandPolls() {
        TerminationCost cost = TerminationCost.of(path, 1_000, 50, 500, 512, prices);

        assertThat(cost.transitions()).isEqualTo(3_013);
        assertThat(cost.invocations()).isEqualTo(1_004);
        // (1,001 polls x 50 ms + 3 x 500 ms) at 0.5 GB
        assertThat(cost.gbSeconds()).isEqualByComparingTo("25.775");
        assertThat(cost.stepFunctions()).isEqualByComparingTo("0.075325");
        assertThat(cost.total()).isEqualByComparingTo(cost.stepFunctions().add(cost.lambda()));
    }
}
