package dev.gracefulworker.functions.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.contract.DrainStatus;
import dev.gracefulworker.contract.InvalidSettingsException;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.InvalidTaskInputException;
import dev.gracefulworker.functions.lifecycle.LifecycleActionRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Check pods"' input is read once: each field the state machine must send is named when it is missing or bad. */
class CheckPodsInputTest {

    private static final String STARTED = "2026-11-20T09:41:07.512Z";
    private static final String HEARTBEAT = "2026-11-20T09:43:07.512Z";

    @Test
    void inputFromTheStateMachine_isReadWithItsTimesAndTheAction() {
        CheckPodsInput input = CheckPodsInput.from(request("node-1", "i-1", "g", "h", "t", previous(STARTED, HEARTBEAT)));

        assertThat(input.nodeName()).isEqualTo("node-1");
        assertThat(input.waitStartedAt()).isEqualTo(Instant.parse(STARTED));
        assertThat(input.lastHeartbeatAt()).isEqualTo(Instant.parse(HEARTBEAT));
        assertThat(input.heartbeatTarget()).isEqualTo(new CheckPodsInput.HeartbeatTarget.Action(
                new LifecycleActionRef("g", "h", "i-1", "t")));
        assertThat(input.elapsedSecondsAt(Instant.parse(HEARTBEAT).plusSeconds(5))).isEqualTo(125);
        assertThat(input.secondsSinceHeartbeatAt(Instant.parse(HEARTBEAT).plusSeconds(5))).isEqualTo(5);
    }

    @Test
    void noHeartbeatYet_countsFromTheStartOfTheWait() {
        CheckPodsInput input = CheckPodsInput.from(request("node-1", "i-1", "g", "h", "t", previous(STARTED, null)));

        assertThat(input.lastHeartbeatAt()).isEqualTo(Instant.parse(STARTED));
    }

    @Test
    void missingActionId_isNamedOnlyWhenAHeartbeatNeedsIt() {
        CheckPodsInput input = CheckPodsInput.from(request("node-1", "i-1", "g", " ", null, previous(STARTED, HEARTBEAT)));

        assertThat(input.heartbeatTarget()).isEqualTo(new CheckPodsInput.HeartbeatTarget.MissingId("lifecycleHookName"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null   | 2026-11-20T09:41:07Z | null          | nodeName: is missing",
            "node-1 | null                 | null          | previous.waitStartedAt: is missing",
            "node-1 | yesterday            | null          | previous.waitStartedAt: is not an ISO-8601 time",
            "node-1 | 2026-11-20T09:41:07Z | 09:43         | previous.lastHeartbeatAt: is not an ISO-8601 time"})
    void badField_failsNamingIt(String nodeName, String waitStartedAt, String lastHeartbeatAt, String problem) {
        CheckPodsRequest request = request(nodeName, "i-1", "g", "h", "t", previous(waitStartedAt, lastHeartbeatAt));

        assertThatThrownBy(() -> CheckPodsInput.from(request))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessageStartingWith("invalid task input " + problem);
    }

    @Test
    void missingSettingsOrPrevious_failNamingThem() {
        assertThatThrownBy(() -> CheckPodsInput.from(new CheckPodsRequest("node-1", "i-1", "g", "h", "t", null,
                previous(STARTED, null))))
                .hasMessage("invalid task input settings: is missing");
        assertThatThrownBy(() -> CheckPodsInput.from(new CheckPodsRequest("node-1", "i-1", "g", "h", "t",
                Settings.defaults(), null)))
                .hasMessage("invalid task input previous: is missing");
    }

    @Test
    void settingsBreakingARule_areRefusedByTheContractsRules() {
        Settings tooFast = Settings.builder().pollIntervalSeconds(0).build();

        assertThatThrownBy(() -> CheckPodsInput.from(new CheckPodsRequest("node-1", "i-1", "g", "h", "t", tooFast,
                previous(STARTED, null))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("pollIntervalSeconds");
    }

    private static CheckPodsRequest request(String nodeName, String instanceId, String group, String hook, String token,
            DrainProgress previous) {
        return new CheckPodsRequest(nodeName, instanceId, group, hook, token, Settings.defaults(), previous);
    }

    private static DrainProgress previous(String waitStartedAt, String lastHeartbeatAt) {
        return new DrainProgress(DrainStatus.WAITING, 1, 1, 0, 0, 0, 0, List.of(), 1, 15, waitStartedAt, 0, 0,
                lastHeartbeatAt, HeartbeatStatus.NOT_DUE, PollOutage.NONE, 0, 0, 0, null, null, null, null);
    }
}
