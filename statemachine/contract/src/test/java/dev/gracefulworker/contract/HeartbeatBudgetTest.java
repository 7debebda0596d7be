package dev.gracefulworker.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeartbeatBudgetTest {

    // what the workflow's definition counts: 2 intake tasks of 100 s + a 33 s heartbeat; cordon 15 s (no Retry: its
    // outages go round a loop); a 30 s check
    private static final HeartbeatBudget BUDGET = new HeartbeatBudget(233, 78, 30, 33);

    @Test
    void roundTheLoop_halfTheTimeoutPlusTwoChecksAndAHeartbeatCall() {
        assertThat(BUDGET.longestGapSeconds(Settings.defaults())).isEqualTo(Math.max(150 + 60 + 33, 233));
    }

    @Test
    void theDefaultHeartbeatTimeout_keepsTheHookAliveWithItsMargin() {
        assertThat(BUDGET.violation(Settings.defaults())).isEmpty();
        assertThat(Settings.defaults().heartbeatTimeoutSeconds()).isGreaterThanOrEqualTo(
                BUDGET.minimumHeartbeatTimeoutSeconds());
    }

    @Test
    void aTimeoutBelowTheMinimum_isRejectedNamingTheMinimum_andTheMinimumPasses() {
        int minimum = BUDGET.minimumHeartbeatTimeoutSeconds();
        var tooShort = Settings.builder().heartbeatTimeoutSeconds(minimum - 1).maxPollIntervalSeconds(60).build();
        var justEnough = tooShort.toBuilder().heartbeatTimeoutSeconds(minimum).build();

        assertThat(minimum).isEqualTo(233 + HeartbeatBudget.MARGIN_SECONDS);
        assertThat(BUDGET.violation(tooShort)).hasValueSatisfying(violation -> {
            assertThat(violation.key()).isEqualTo("heartbeatTimeoutSeconds");
            assertThat(violation.message()).contains("raise heartbeatTimeoutSeconds to at least " + minimum);
        });
        assertThat(BUDGET.violation(justEnough)).isEmpty();
    }

    @Test
    void afterAFailedCordon_theWaitAndTheWayToTheFirstCheckMustFit_soALongPollIntervalIsRejected() {
        var longPolls = Settings.builder().heartbeatTimeoutSeconds(300).pollIntervalSeconds(250)
                .maxPollIntervalSeconds(250).build();

        assertThat(BUDGET.afterAFailedCordonSeconds(longPolls)).isEqualTo(250 + 78);
        assertThat(BUDGET.violation(longPolls)).hasValueSatisfying(violation -> {
            assertThat(violation.key()).isEqualTo("heartbeatTimeoutSeconds");
            assertThat(violation.message()).contains("after a failed cordon 328 s")
                    .contains("raise heartbeatTimeoutSeconds to at least 358, or lower pollIntervalSeconds");
        });
        assertThat(BUDGET.violation(longPolls.toBuilder().pollIntervalSeconds(190).build())).isEmpty();
    }

    @Test
    void aSlowLoop_setsTheMinimum_whenItOutweighsTheIntake() {
        var slowChecks = new HeartbeatBudget(100, 100, 120, 33);
        int minimum = slowChecks.minimumHeartbeatTimeoutSeconds();

        assertThat(minimum).isEqualTo(2 * (240 + 33 + HeartbeatBudget.MARGIN_SECONDS) - 1);
        var settings = Settings.builder().heartbeatTimeoutSeconds(minimum).build();
        assertThat(slowChecks.longestGapSeconds(settings) + HeartbeatBudget.MARGIN_SECONDS)
                .isLessThanOrEqualTo(minimum);
        assertThat(slowChecks.violation(settings.toBuilder().heartbeatTimeoutSeconds(minimum - 1).build())).isPresent();
    }
}
