package dev.gracefulworker.functions.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.DrainMode;
import dev.gracefulworker.contract.FailurePolicy;
import dev.gracefulworker.contract.DefinitionLimits;
import dev.gracefulworker.contract.HistoryBudget;
import dev.gracefulworker.functions.support.ExportedLimits;
import dev.gracefulworker.contract.InvalidSettingsException;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.contract.PodSelector;
import dev.gracefulworker.contract.SettingKey;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.support.SavedEvents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SettingsOverridesTest {

    private final SettingsOverrides overrides = new SettingsOverrides(Json.mapper());
    private final Settings deployed = Settings.defaults();
    /** What the exported definition renders into "Apply per-group overrides". */
    private static final DefinitionLimits BUDGET = ExportedLimits.read();

    @Test
    void savedMetadata_overridesSelectorsAndMaxWait() throws Exception {
        JsonNode message = Json.mapper().readTree(SavedEvents.read("lifecycle-terminating-with-metadata.json"));

        Settings settings = overrides.apply(deployed, message.get("NotificationMetadata").asText(), BUDGET);

        assertThat(settings.waitForPods()).containsExactly(new PodSelector("batch", "app=report-runner"));
        assertThat(settings.maxWaitSeconds()).isEqualTo(7200);
        assertThat(settings.overridden()).containsExactly("waitForPods", "maxWaitSeconds");
        assertThat(settings.ignoredOverrideKeys()).isEmpty();
        assertThat(settings.overridesIgnored()).isNull();
        assertThat(settings.pollIntervalSeconds()).isEqualTo(deployed.pollIntervalSeconds());
    }

    @Test
    void everyKnownKey_canBeOverridden() {
        String metadata = """
                {"drainMode":"WAIT","pollIntervalSeconds":5,"maxPollIntervalSeconds":60,"maxWaitSeconds":600,
                 "heartbeatTimeoutSeconds":600,"maxOutageSeconds":900,"terminationSkewSeconds":0,
                 "volumeDetachTimeoutSeconds":0,"excludeFromLoadBalancers":false,"loadBalancerDrainTimeoutSeconds":0,
                 "targetGroupArns":["arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef"],
                 "waitForUnreplaceablePods":true,"forceDeleteBeforeDeadline":true,
                 "taintNode":false,"dryRun":true,"onTimeout":"ABANDON",
                 "onFailure":"LEAVE_TO_HOOK_TIMEOUT","waitForPods":[{"namespace":"*","labelSelector":"tier in (a,b)"}]}""";

        Settings settings = overrides.apply(deployed, metadata, BUDGET);

        assertThat(settings).isEqualTo(new Settings(List.of(new PodSelector("*", "tier in (a,b)")), DrainMode.WAIT, 5, 60,
                600, 600, 900, 0, 0, false, 0,
                List.of("arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0123456789abcdef"),
                true, true, false, true, LifecycleResult.ABANDON, FailurePolicy.LEAVE_TO_HOOK_TIMEOUT,
                List.of("drainMode", "pollIntervalSeconds", "maxPollIntervalSeconds", "maxWaitSeconds",
                        "heartbeatTimeoutSeconds", "maxOutageSeconds", "terminationSkewSeconds",
                        "volumeDetachTimeoutSeconds", "excludeFromLoadBalancers", "loadBalancerDrainTimeoutSeconds",
                        "targetGroupArns", "waitForUnreplaceablePods", "forceDeleteBeforeDeadline",
                        "taintNode", "dryRun", "onTimeout", "onFailure",
                        "waitForPods"),
                List.of(), null));
    }

    @ParameterizedTest
    @EnumSource(SettingKey.class)
    void everySettingKey_isAnOverride_checkedForItsType(SettingKey key) {
        assertThatThrownBy(() -> overrides.apply(deployed, "{\"" + key.key() + "\": {\"not\": \"a value\"}}", BUDGET))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key.key()));
    }

    @Test
    void aBudgetTheDefinitionCannotAfford_rejectsEvenTheDeployedSettings() {
        var unaffordable = new DefinitionLimits(new HistoryBudget(HistoryBudget.MAX_EVENTS, 1), BUDGET.heartbeat());

        assertThatThrownBy(() -> overrides.apply(deployed, null, unaffordable))
                .hasMessageContaining("History budget exceeded");
    }

    @Test
    void unknownKeys_areListedAndIgnored() {
        Settings settings = overrides.apply(deployed, "{\"team\":\"payments\",\"dryRun\":true}", BUDGET);

        assertThat(settings.ignoredOverrideKeys()).containsExactly("team");
        assertThat(settings.overridden()).containsExactly("dryRun");
        assertThat(settings.dryRun()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "just some text          | NotificationMetadata is not JSON",
            "[1,2]                   | NotificationMetadata is not a JSON object",
            "\"owner=payments\"      | NotificationMetadata is not a JSON object"})
    void metadataThatIsNotAnObject_leavesTheDeployedSettingsAndSaysWhy(String metadata, String reason) {
        Settings settings = overrides.apply(deployed, metadata, BUDGET);

        assertThat(settings.overridesIgnored()).isEqualTo(reason);
        assertThat(settings.overridden()).isEmpty();
        assertThat(settings.maxWaitSeconds()).isEqualTo(deployed.maxWaitSeconds());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"maxWaitSeconds\":\"soon\"}             | maxWaitSeconds",
            "{\"pollIntervalSeconds\":1.5}             | pollIntervalSeconds",
            "{\"drainMode\":\"DELETE\"}                | drainMode",
            "{\"taintNode\":\"yes\"}                   | taintNode",
            "{\"onTimeout\":\"LEAVE_TO_HOOK_TIMEOUT\"} | onTimeout",
            "{\"onFailure\":\"retry\"}                 | onFailure",
            "{\"waitForPods\":\"app=x\"}               | waitForPods",
            "{\"waitForPods\":[{\"labelSelector\":\"app=x\"}]} | waitForPods"})
    void knownKeyWithBadValue_failsNamingTheKey(String metadata, String key) {
        assertThatThrownBy(() -> overrides.apply(deployed, metadata, BUDGET))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"maxWaitSeconds\":172801}                                 | maxWaitSeconds",
            "{\"maxWaitSeconds\":0}                                      | maxWaitSeconds",
            "{\"pollIntervalSeconds\":0}                                 | pollIntervalSeconds",
            "{\"heartbeatTimeoutSeconds\":200}                           | maxPollIntervalSeconds",
            "{\"heartbeatTimeoutSeconds\":20}                            | heartbeatTimeoutSeconds",
            "{\"pollIntervalSeconds\":200}                               | maxPollIntervalSeconds",
            "{\"waitForPods\":[{\"namespace\":\"\",\"labelSelector\":\"a\"}]}   | waitForPods[0].namespace",
            "{\"waitForPods\":[{\"namespace\":\"b\",\"labelSelector\":\"=x\"}]} | waitForPods[0].labelSelector"})
    void overrideThatBreaksARule_failsNamingTheKey(String metadata, String key) {
        assertThatThrownBy(() -> overrides.apply(deployed, metadata, BUDGET))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void heartbeatTimeoutTooShortForThePollInterval_explainsTheRule() {
        assertThatThrownBy(() -> overrides.apply(deployed, "{\"heartbeatTimeoutSeconds\":200}", BUDGET))
                .hasMessage("invalid setting maxPollIntervalSeconds: maxPollIntervalSeconds (120) must be at most "
                        + "heartbeatTimeoutSeconds / 2 (100) so a heartbeat is always sent in time: lower "
                        + "maxPollIntervalSeconds or raise heartbeatTimeoutSeconds.");
    }

    @Test
    void overrideThatWouldOverflowTheExecutionHistory_isRejected() {
        assertThatThrownBy(() -> overrides.apply(deployed,
                "{\"maxWaitSeconds\":86400,\"heartbeatTimeoutSeconds\":3600,\"pollIntervalSeconds\":2,\"maxPollIntervalSeconds\":2}",
                BUDGET))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("maxPollIntervalSeconds"))
                .hasMessageContaining("above the 25000 a Standard execution holds");
    }

    @Test
    void longestWaitAFortyEightHourActionHolds_fitsTheExecutionHistory() {
        String metadata = "{\"maxWaitSeconds\":170400,\"heartbeatTimeoutSeconds\":1728,\"maxPollIntervalSeconds\":864}";

        assertThat(overrides.apply(deployed, metadata, BUDGET).maxWaitSeconds()).isEqualTo(170_400);
    }

    @Test
    void waitLongerThanTheHookKeepsTheAction_isRejectedNamingTheHeartbeatTimeoutItNeeds() {
        assertThatThrownBy(() -> overrides.apply(deployed, "{\"maxWaitSeconds\":172800}", BUDGET))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("maxWaitSeconds"))
                .hasMessageContaining("raise heartbeatTimeoutSeconds to at least 1752");
    }

    @Test
    void heartbeatTimeoutShorterThanTheWorkflowsWorstCase_isRejectedAtRunTimeToo() {
        assertThatThrownBy(() -> overrides.apply(deployed, "{\"heartbeatTimeoutSeconds\":120,\"maxPollIntervalSeconds\":60}",
                BUDGET))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.key()).isEqualTo("heartbeatTimeoutSeconds"))
                .hasMessageContaining("is too short for the workflow's worst case");
    }

    @Test
    void noMetadata_returnsTheDeployedSettings() {
        assertThat(overrides.apply(deployed, null, BUDGET)).isEqualTo(deployed);
    }
}
