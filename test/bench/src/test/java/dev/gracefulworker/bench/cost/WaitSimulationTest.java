package dev.gracefulworker.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.contract.Settings;
import org.junit.jupiter.api.Test;

class WaitSimulationTest {

    private final Settings defaults = Settings.defaults();

    @Test
    void podsAlreadyGone_needNoIteration() {
        WaitSimulation.Outcome outcome = WaitSimulation.waitFor(0, defaults);

        assertThat(outcome.iterations()).isZero();
        assertThat(outcome.endedAtSeconds()).isZero();
        assertThat(outcome.detectionDelaySeconds()).isZero();
    }

    @Test
    void shortWait_pollsEveryPollInterval_andIsSeenAtTheNextCheck() {
        // 15 s waits until 150 s have passed: pods gone at 40 s are seen at the check at 45 s
        WaitSimulation.Outcome outcome = WaitSimulation.waitFor(40, defaults);

        assertThat(outcome.iterations()).isEqualTo(3);
        assertThat(outcome.endedAtSeconds()).isEqualTo(45);
        assertThat(outcome.detectionDelaySeconds()).isEqualTo(5);
    }

    @Test
    void intervalGrowsWithElapsedTime_upToTheMaximum() {
        // 10 checks at 15 s reach 150 s; from then on elapsed / 10: 165, 181, 199, ...
        assertThat(WaitSimulation.waitFor(151, defaults).endedAtSeconds()).isEqualTo(165);
        assertThat(WaitSimulation.waitFor(166, defaults).endedAtSeconds()).isEqualTo(181);
    }

    @Test
    void waitLongerThanMaxWait_endsAtTheDeadline() {
        WaitSimulation.Outcome outcome = WaitSimulation.waitFor(7_200, defaults);

        assertThat(outcome.deadlinePassed()).isTrue();
        assertThat(outcome.endedAtSeconds()).isEqualTo(3_600);
        assertThat(outcome.detectionDelaySeconds()).isZero();
    }

    @Test
    void fortyEightHours_atTheMaximumIntervalAfterTheRamp_takeAbout1460Iterations() {
        WaitSimulation.Outcome outcome = WaitSimulation.waitFor(172_800, WaitSimulation.withMaxWait(defaults, 172_800));

        // after the ramp to 1,200 s, one check every 120 s: (172,800 - 1,200) / 120 = 1,430, plus ~33 ramp checks
        assertThat(outcome.iterations()).isBetween(1_455L, 1_470L);
        assertThat(outcome.endedAtSeconds()).isEqualTo(172_800);
    }

    @Test
    void longestWaitWithinBudget_isTheLastCheckWhoseEventsStillFit() {
        TerminationPath path = TerminationPath.drained(ExportedDefinition.load(), true);

        WaitSimulation.Outcome longest = WaitSimulation.longestWaitWithin(25_000, path, defaults);

        assertThat(path.historyEvents(longest.iterations())).isLessThanOrEqualTo(25_000);
        assertThat(path.historyEvents(longest.iterations() + 1)).isGreaterThan(25_000);
        assertThat(longest.endedAtSeconds()).isGreaterThan(172_800);
    }
}
