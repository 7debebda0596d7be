package dev.gracefulworker.functions.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.InvalidSettingsException;
import dev.gracefulworker.functions.InvalidTaskInputException;
import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.JsonTaskHandler;
import dev.gracefulworker.functions.cordon.CordonNodeHandler;
import dev.gracefulworker.functions.liveness.CheckLivenessHandler;
import dev.gracefulworker.functions.settings.ApplySettingsOverridesHandler;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import dev.gracefulworker.functions.support.ExportedLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handlers as Lambda drives them: JSON bytes in from the state machine, JSON bytes out. */
class StreamEntryPointTest {

    private static final String DEPLOYED = """
            {"waitForPods":[],"drainMode":"EVICT","pollIntervalSeconds":15,"maxPollIntervalSeconds":120,
             "maxWaitSeconds":3600,"heartbeatTimeoutSeconds":300,"maxOutageSeconds":1800,"taintNode":true,"dryRun":false,
             "onTimeout":"CONTINUE","onFailure":"CONTINUE","overridden":[],"ignoredOverrideKeys":[],"overridesIgnored":null}""";

    /** What "Apply per-group overrides" receives from the exported definition besides the settings. */
    private static final String BUDGET = ",\"limits\":" + ExportedLimits.json();

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;

    @BeforeEach
    void start() {
        world = worlds.start("nodes: []");
    }

    @Test
    void overridesTask_readsTheStateMachinesParametersAndWritesSettings() throws Exception {
        String input = "{\"deployed\":" + DEPLOYED + ",\"notificationMetadata\":\"{\\\"maxWaitSeconds\\\":7200,\\\"x\\\":1}\"" + BUDGET + "}";

        JsonNode output = invoke(new ApplySettingsOverridesHandler(world.wiring()), input);

        assertThat(output.get("maxWaitSeconds").asInt()).isEqualTo(7200);
        assertThat(output.get("overridden")).hasSize(1);
        assertThat(output.get("ignoredOverrideKeys").get(0).asText()).isEqualTo("x");
        assertThat(output.get("overridesIgnored").isNull()).isTrue();
    }

    @Test
    void badOverride_throwsTheExceptionTheStateMachineCatchesByName() {
        String input = "{\"deployed\":" + DEPLOYED + ",\"notificationMetadata\":\"{\\\"drainMode\\\":\\\"NUKE\\\"}\"" + BUDGET + "}";

        assertThatThrownBy(() -> invoke(new ApplySettingsOverridesHandler(world.wiring()), input))
                .isExactlyInstanceOf(InvalidSettingsException.class);
    }

    @Test
    void overridesTaskWithoutTheRenderedLimits_failsAsInvalidTaskInput() {
        String input = "{\"deployed\":" + DEPLOYED + ",\"notificationMetadata\":\"{}\"}";

        assertThatThrownBy(() -> invoke(new ApplySettingsOverridesHandler(world.wiring()), input))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessage("invalid task input limits: is missing");
    }

    @Test
    void livenessWithoutANode_keepsNodeNameAsNullForTheReport() throws Exception {
        JsonNode output = invoke(new CheckLivenessHandler(world.wiring()), "{\"instanceId\":\"i-0a1b2c3d4e5f60718\"}");

        assertThat(output.has("nodeName")).isTrue();
        assertThat(output.get("nodeName").isNull()).isTrue();
        assertThat(output.get("verdict").asText()).isEqualTo("NOTHING_TO_DRAIN");
    }

    @Test
    void inputThatIsNotTheTasksRecord_failsAsInvalidTaskInput() {
        assertThatThrownBy(() -> invoke(new CheckLivenessHandler(world.wiring()), "[1,2]"))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessageContaining("CheckLivenessRequest");
    }

    @Test
    void missingNodeName_failsAsInvalidTaskInputInsteadOfBeingRetried() {
        String input = "{\"instanceId\":\"i-0a1b2c3d4e5f60718\",\"taintNode\":true,\"dryRun\":false}";

        assertThatThrownBy(() -> invoke(new CordonNodeHandler(world.wiring()), input))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessage("invalid task input nodeName: is missing");
    }

    private static JsonNode invoke(JsonTaskHandler<?, ?> handler, String input) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, null);
        return Json.mapper().readTree(output.toString(StandardCharsets.UTF_8));
    }
}
