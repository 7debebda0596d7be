package dev.gracefulworker.functions.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.DrainMode;
import dev.gracefulworker.contract.FailurePolicy;
import dev.gracefulworker.contract.HistoryBudget;
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
    /** What the workflow's definition counts today; the overrides are held to whatever budget the task is given. */
    private static final HistoryBudget BUDGET = new HistoryBudget(43);

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
                 "heartbeatTimeoutSeconds":120,"taintNode":false,"dryRun":true,"onTimeout":"ABANDON",
                 "onFailure":"LEAVE_TO_HOOK_TIMEOUT","waitForPods":[{"namespace":"*","labelSelector":"tier in (a,b)"}]}""";

        Settings settings = overrides.apply(deployed, metadata, BUDGET);

        assertThat(settings).isEqualTo(new Settings(List.of(new PodSelector("*", "tier in (a,b)")), DrainMode.WAIT, 5, 60,
                600, 120, false, true, LifecycleResult.ABANDON, FailurePolicy.LEAVE_TO_HOOK_TIMEOUT,
                List.of("drainMode", "pollIntervalSeconds", "maxPollIntervalSeconds", "maxWaitSeconds",
                        "heartbeatTimeoutSeconds", "taintNode", "dryRun", "onTimeout", "onFailure", "waitForPods"),
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
        assertThatThrownBy(() -> overrides.apply(deployed, null, new HistoryBudget(HistoryBudget.MAX_EVENTS)))
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
                "{\"maxWaitSeconds\":172800,\"pollIntervalSeconds\":2,\"maxPollIntervalSeconds\":2}", BUDGET))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("maxPollIntervalSeconds"))
                .hasMessageContaining("above the 25000 a Standard execution holds");
    }

    @Test
    void longestWaitWithDefaultIntervals_fitsTheExecutionHistory() {
        assertThat(overrides.apply(deployed, "{\"maxWaitSeconds\":172800}", BUDGET).maxWaitSeconds()).isEqualTo(172800);
    }

    @Test
    void noMetadata_returnsTheDeployedSettings() {
        assertThat(overrides.apply(deployed, null, BUDGET)).isEqualTo(deployed);
    }
}
