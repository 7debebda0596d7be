package dev.gracefulworker.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Settings DEFAULTS = Settings.defaults();
    private static final DefinitionLimits LIMITS =
            new DefinitionLimits(new HistoryBudget(114, 22), new HeartbeatBudget(233, 163, 30, 33));

    private static List<String> messages(Settings settings) {
        return settings.violations().stream().map(SettingsViolation::message).toList();
    }

    @Test
    void defaults_breakNoRule() {
        assertThat(DEFAULTS.violations()).isEmpty();
        assertThat(DEFAULTS.validated()).isSameAs(DEFAULTS);
    }

    @Test
    void defaults_areTheDocumentedValues() {
        assertThat(DEFAULTS).isEqualTo(new Settings(List.of(), DrainMode.EVICT, 15, 120, 3600, 300, 1800, 60, 360, true, 600, List.of(),
                false, false, true, false,
                LifecycleResult.CONTINUE, FailurePolicy.CONTINUE, List.of(), List.of(), null));
    }

    @Test
    void pollIntervalNotBelowHeartbeatTimeout_namesBothKeysAndTheFix() {
        var settings = DEFAULTS.toBuilder().pollIntervalSeconds(300).maxPollIntervalSeconds(300).build();

        assertThat(messages(settings)).anySatisfy(message -> assertThat(message)
                .contains("pollIntervalSeconds (300) must be below heartbeatTimeoutSeconds (300)")
                .contains("lower pollIntervalSeconds or raise heartbeatTimeoutSeconds"));
    }

    @Test
    void maxPollIntervalAboveHalfTheHeartbeatTimeout_isABrokenRule() {
        var settings = DEFAULTS.toBuilder().maxPollIntervalSeconds(151).build();

        assertThat(settings.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.key()).isEqualTo("maxPollIntervalSeconds");
            assertThat(violation.message())
                    .startsWith("maxPollIntervalSeconds (151) must be at most heartbeatTimeoutSeconds / 2 (150)");
        });
    }

    @Test
    void maxWaitBeyondTheHooksGlobalTimeout_isABrokenRule() {
        assertThat(messages(DEFAULTS.toBuilder().maxWaitSeconds(172_801).build()))
                .containsExactly("maxWaitSeconds is 172801: it must be between 1 and 172800 (the lifecycle hook's 48 h "
                        + "global timeout).");
    }

    @Test
    void heartbeatTimeoutOutsideTheHooksRange_isABrokenRule() {
        assertThat(messages(DEFAULTS.toBuilder().heartbeatTimeoutSeconds(7_201).build()))
                .anySatisfy(message -> assertThat(message).startsWith("heartbeatTimeoutSeconds is 7201"));
        assertThat(messages(DEFAULTS.toBuilder().heartbeatTimeoutSeconds(29).build()))
                .anySatisfy(message -> assertThat(message).startsWith("heartbeatTimeoutSeconds is 29"));
    }

    @Test
    void maxPollIntervalBelowThePollInterval_isABrokenRule() {
        var settings = DEFAULTS.toBuilder().pollIntervalSeconds(30).maxPollIntervalSeconds(20).build();

        assertThat(messages(settings)).containsExactly(
                "maxPollIntervalSeconds (20) must be at least pollIntervalSeconds (30): raise maxPollIntervalSeconds.");
    }

    @Test
    void zeroPollInterval_isABrokenRule() {
        assertThat(messages(DEFAULTS.toBuilder().pollIntervalSeconds(0).build()))
                .containsExactly("pollIntervalSeconds is 0: it must be at least 1.");
    }

    @Test
    void unparsableLabelSelector_namesTheSelectorByIndexAndTheParseError() {
        var settings = DEFAULTS.toBuilder().waitForPods(List.of(
                new PodSelector("batch", "app=report"), new PodSelector("batch", "app in (a"))).build();

        assertThat(settings.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.key()).isEqualTo("waitForPods[1].labelSelector");
            assertThat(violation.message()).startsWith("waitForPods[1].labelSelector: 'app in (a' is not a label selector");
        });
    }

    @Test
    void selectorWithoutNamespace_orNullEntry_isABrokenRule() {
        var settings = DEFAULTS.toBuilder()
                .waitForPods(Arrays.asList(new PodSelector(" ", "app=x"), null)).build();

        assertThat(settings.violations()).extracting(SettingsViolation::key)
                .containsExactly("waitForPods[0].namespace", "waitForPods[1]");
    }

    @Test
    void missingEnums_areBrokenRulesListingTheChoices() {
        var settings = DEFAULTS.toBuilder().drainMode(null).onTimeout(null).onFailure(null).build();

        assertThat(messages(settings)).containsExactly(
                "drainMode is missing: it must be one of [EVICT, WAIT].",
                "onTimeout is missing: it must be one of [CONTINUE, ABANDON].",
                "onFailure is missing: it must be one of [CONTINUE, ABANDON, LEAVE_TO_HOOK_TIMEOUT].");
    }

    @Test
    void waitPlusOutageBeyondTheHooksGlobalTimeout_namesTheHeartbeatTimeoutItNeeds() {
        // 100 x 300 s = 30000 s: Auto Scaling ends the action then, heartbeats or not
        var settings = DEFAULTS.toBuilder().maxWaitSeconds(28_000).build();

        assertThat(settings.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.key()).isEqualTo("maxWaitSeconds");
            assertThat(violation.message()).contains("maxWaitSeconds (28000) + maxOutageSeconds (1800) + 600 s",
                    "min(172800, 100 x heartbeatTimeoutSeconds) = 30000 s", "raise heartbeatTimeoutSeconds to at least 304");
        });
        assertThat(settings.toBuilder().heartbeatTimeoutSeconds(304).build().violations()).isEmpty();
    }

    @Test
    void aFortyEightHourAction_holdsAWaitOfAtMost47HoursAnd20Minutes() {
        var longest = DEFAULTS.toBuilder().heartbeatTimeoutSeconds(1_728).maxPollIntervalSeconds(864)
                .maxWaitSeconds(172_800 - 1_800 - 600).build();

        assertThat(longest.hookGlobalTimeoutSeconds()).isEqualTo(172_800);
        assertThat(longest.violations()).isEmpty();
        assertThat(longest.toBuilder().maxWaitSeconds(longest.maxWaitSeconds() + 1).build().violations()).isNotEmpty();
    }

    @Test
    void maxOutageOutsideItsRange_isABrokenRule() {
        assertThat(messages(DEFAULTS.toBuilder().maxOutageSeconds(59).build()))
                .containsExactly("maxOutageSeconds is 59: it must be between 60 and 86400.");
    }

    @Test
    void terminationSkewOutsideItsRange_isABrokenRule() {
        assertThat(messages(DEFAULTS.toBuilder().terminationSkewSeconds(-1).build()))
                .containsExactly("terminationSkewSeconds is -1: it must be between 0 and 3600.");
        assertThat(messages(DEFAULTS.toBuilder().terminationSkewSeconds(3_601).build())).hasSize(1);
        assertThat(messages(DEFAULTS.toBuilder().terminationSkewSeconds(0).build())).isEmpty();
    }

    @Test
    void volumeDetachTimeoutOutsideItsRange_isABrokenRule() {
        assertThat(messages(DEFAULTS.toBuilder().volumeDetachTimeoutSeconds(-1).build()))
                .containsExactly("volumeDetachTimeoutSeconds is -1: it must be between 0 (do not wait) and 3600.");
        assertThat(messages(DEFAULTS.toBuilder().volumeDetachTimeoutSeconds(3_601).build())).hasSize(1);
        assertThat(DEFAULTS.terminationSkewSeconds()).isEqualTo(60);
        assertThat(DEFAULTS.volumeDetachTimeoutSeconds()).isEqualTo(360);
    }

    @Test
    void loadBalancerDrainTimeoutOutsideItsRange_isABrokenRule() {
        assertThat(messages(DEFAULTS.toBuilder().loadBalancerDrainTimeoutSeconds(-1).build()))
                .containsExactly("loadBalancerDrainTimeoutSeconds is -1: it must be between 0 (do not wait) and 3600.");
        assertThat(messages(DEFAULTS.toBuilder().loadBalancerDrainTimeoutSeconds(3_601).build())).hasSize(1);
        assertThat(messages(DEFAULTS.toBuilder().loadBalancerDrainTimeoutSeconds(0).build())).isEmpty();
        assertThat(DEFAULTS.loadBalancerDrainTimeoutSeconds()).isEqualTo(600);
        assertThat(DEFAULTS.excludeFromLoadBalancers()).isTrue();
    }

    @Test
    void targetGroupArnThatIsNotATargetGroup_isABrokenRuleNamingItsIndex() {
        var settings = DEFAULTS.toBuilder().targetGroupArns(java.util.Arrays.asList(
                "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef",
                "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/web/0123456789abcdef", null)).build();

        assertThat(settings.violations()).extracting(SettingsViolation::key)
                .containsExactly("targetGroupArns[1]", "targetGroupArns[2]");
    }

    @Test
    void validated_throwsNamingTheFirstKeyAndEveryProblem() {
        var settings = DEFAULTS.toBuilder().pollIntervalSeconds(0).maxWaitSeconds(0).build();

        assertThatThrownBy(settings::validated)
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.key()).isEqualTo("pollIntervalSeconds"))
                .hasMessageContaining("pollIntervalSeconds is 0")
                .hasMessageContaining("maxWaitSeconds is 0");
    }

    @Test
    void historyBudget_isCheckedOnlyOnceTheOtherRulesPass() {
        var overBudget = DEFAULTS.toBuilder().pollIntervalSeconds(5).maxPollIntervalSeconds(5).maxWaitSeconds(100_000)
                .build();
        var broken = overBudget.toBuilder().heartbeatTimeoutSeconds(1).build();

        assertThat(overBudget.toBuilder().heartbeatTimeoutSeconds(7_200).build().violations(LIMITS)).singleElement()
                .satisfies(violation -> assertThat(violation.message()).startsWith("History budget exceeded"));
        assertThat(broken.violations(LIMITS))
                .noneSatisfy(violation -> assertThat(violation.message()).startsWith("History budget exceeded"));
    }

    @Test
    void stateJson_hasEverySettingKeyThenTheOutputOnlyKeys() {
        Map<String, Object> json = DEFAULTS.toStateJson();

        assertThat(json.keySet()).startsWith(Arrays.stream(SettingKey.values()).map(SettingKey::key).toArray(String[]::new))
                .endsWith("overridden", "ignoredOverrideKeys", "overridesIgnored");
        assertThat(json).containsEntry("drainMode", "EVICT").containsEntry("maxWaitSeconds", 3600);
    }

    @Test
    void everySettingKey_isARecordComponentOfTheSameName() {
        var components = Arrays.stream(Settings.class.getRecordComponents()).map(c -> c.getName()).toList();

        assertThat(components).containsSubsequence(Arrays.stream(SettingKey.values()).map(SettingKey::key).toList());
    }
}
