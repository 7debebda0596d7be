package dev.gracefulworker.functions.wire;

import dev.gracefulworker.contract.CompletionReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.DrainMode;
import dev.gracefulworker.contract.DrainStatus;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.contract.LivenessVerdict;
import dev.gracefulworker.contract.PodSelector;
import dev.gracefulworker.contract.Settings;
import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.cordon.CordonAction;
import dev.gracefulworker.functions.cordon.CordonRequest;
import dev.gracefulworker.functions.cordon.CordonResult;
import dev.gracefulworker.functions.lifecycle.CompleteLifecycleActionRequest;
import dev.gracefulworker.functions.lifecycle.CompletionAction;
import dev.gracefulworker.functions.lifecycle.LifecycleCompletion;
import dev.gracefulworker.functions.liveness.CheckLivenessRequest;
import dev.gracefulworker.functions.liveness.Liveness;
import dev.gracefulworker.functions.liveness.MatchedBy;
import dev.gracefulworker.functions.pods.CheckPodsRequest;
import dev.gracefulworker.functions.pods.DrainProgress;
import dev.gracefulworker.functions.pods.HeartbeatStatus;
import dev.gracefulworker.functions.pods.PollOutage;
import dev.gracefulworker.functions.settings.ApplySettingsOverridesRequest;
import dev.gracefulworker.functions.start.NotificationResult;
import dev.gracefulworker.functions.start.StartOutcome;
import dev.gracefulworker.functions.start.StartResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task records as the state machine sends them, read and written the way {@code JsonTaskHandler} does in Lambda. */
class TaskJsonTest {

    private static final String SETTINGS = """
            {"waitForPods":[{"namespace":"batch","labelSelector":"app=report-runner"}],"drainMode":"EVICT",
             "pollIntervalSeconds":15,"maxPollIntervalSeconds":120,"maxWaitSeconds":3600,"heartbeatTimeoutSeconds":300,"maxOutageSeconds":1800,
             "taintNode":true,"dryRun":false,"onTimeout":"CONTINUE","onFailure":"CONTINUE","overridden":[],
             "ignoredOverrideKeys":[],"overridesIgnored":null}""";

    @Test
    void checkPodsInput_fromStartTheClock_isRead() {
        String input = """
                {"nodeName":"ip-10-0-1-23.eu-west-1.compute.internal","instanceId":"i-0a1b2c3d4e5f60718",
                 "autoScalingGroupName":"workers-spot-a","lifecycleHookName":"graceful-termination",
                 "lifecycleActionToken":"3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18","settings":%s,
                 "previous":{"status":"NOT_STARTED","polls":0,"heartbeats":0,"waitedFor":0,
                             "waitStartedAt":"2026-11-20T09:41:07.512Z","lastHeartbeatAt":"2026-11-20T09:41:07.512Z"}}"""
                .formatted(SETTINGS);

        CheckPodsRequest request = TaskJson.read(input, CheckPodsRequest.class);

        assertThat(request.settings().waitForPods()).containsExactly(new PodSelector("batch", "app=report-runner"));
        assertThat(request.settings().drainMode()).isEqualTo(DrainMode.EVICT);
        assertThat(request.previous().status()).isEqualTo(DrainStatus.NOT_STARTED);
        assertThat(request.previous().waitStartedAt()).isEqualTo("2026-11-20T09:41:07.512Z");
        assertThat(request.previous().blockingPods()).isEmpty();
    }

    @Test
    void drainProgress_roundTripsWithOneStatusField() throws Exception {
        DrainProgress progress = new DrainProgress(DrainStatus.WAITING, 3, 1, 2, 4, 1, 1,
                List.of("batch/report-1 (matches waitForPods batch:app=report-runner)"), 3, 15,
                "2026-11-20T09:41:07.512Z", 45, 1, "2026-11-20T09:41:52Z", HeartbeatStatus.RECORDED,
                new PollOutage(2, 30), 1, 1, 1, "2026-11-20T09:41:52Z", List.of("web/old (stuck terminating)"), List.of(), null);

        String json = TaskJson.write(progress, DrainProgress.class);

        JsonNode tree = Json.mapper().readTree(json);
        assertThat(tree.get("status").asText()).isEqualTo("WAITING");
        assertThat(tree.get("nextWaitSeconds").asInt()).isEqualTo(15);
        assertThat(tree.get("heartbeat").asText()).isEqualTo("RECORDED");
        assertThat(TaskJson.read(json, DrainProgress.class)).isEqualTo(progress);
    }

    @Test
    void settings_roundTrip() {
        Settings settings = TaskJson.read(SETTINGS, Settings.class);

        assertThat(TaskJson.read(TaskJson.write(settings, Settings.class), Settings.class)).isEqualTo(settings);
        assertThat(settings.validated()).isEqualTo(settings);
    }

    @Test
    void overridesInput_isRead() {
        String input = "{\"deployed\":%s,\"notificationMetadata\":\"{\\\"maxWaitSeconds\\\": 7200}\"}".formatted(SETTINGS);

        ApplySettingsOverridesRequest request = TaskJson.read(input, ApplySettingsOverridesRequest.class);

        assertThat(request.deployed().maxWaitSeconds()).isEqualTo(3600);
        assertThat(request.notificationMetadata()).isEqualTo("{\"maxWaitSeconds\": 7200}");
    }

    @Test
    void cordonInput_isRead() {
        String input = """
                {"nodeName":"n1","instanceId":"i-0a1b2c3d4e5f60718","autoScalingGroupName":"g","lifecycleHookName":"h",
                 "executionName":"e","taintNode":true,"dryRun":false}""";

        assertThat(TaskJson.read(input, CordonRequest.class))
                .isEqualTo(new CordonRequest("n1", "i-0a1b2c3d4e5f60718", "g", "h", "e", true, false, false));
    }

    @Test
    void livenessAndCompletionInputs_areRead() {
        assertThat(TaskJson.read("{\"instanceId\":\"i-0a1b2c3d\",\"extra\":1}", CheckLivenessRequest.class))
                .isEqualTo(new CheckLivenessRequest("i-0a1b2c3d"));
        String completion = """
                {"instanceId":"i-0a1b2c3d","autoScalingGroupName":"g","lifecycleHookName":"h","lifecycleActionToken":"t",
                 "result":"CONTINUE","reason":"drained","dryRun":false,"startedAt":"2026-11-20T09:41:07.512Z"}""";
        assertThat(TaskJson.read(completion, CompleteLifecycleActionRequest.class).reason()).isEqualTo(CompletionReason.DRAINED);
    }

    @Test
    void outputs_areWrittenWithTheContractsFieldNames() throws Exception {
        JsonNode cordon = Json.mapper().readTree(TaskJson.write(
                new CordonResult("n1", CordonAction.CORDONED, true, "m"), CordonResult.class));
        JsonNode completion = Json.mapper().readTree(TaskJson.write(new LifecycleCompletion("i-0a1b2c3d",
                LifecycleResult.CONTINUE, CompletionReason.NOTHING_TO_DRAIN, CompletionAction.COMPLETED, "completed", false, 42), LifecycleCompletion.class));
        JsonNode start = Json.mapper().readTree(TaskJson.write(new StartResult(List.of(
                new NotificationResult(StartOutcome.STARTED, "i-0a1b2c3d", "i-0a1b2c3d-t", "started"))), StartResult.class));

        assertThat(cordon.fieldNames()).toIterable().containsExactlyInAnyOrder("nodeName", "action", "tainted", "message");
        assertThat(completion.fieldNames()).toIterable().containsExactlyInAnyOrder("instanceId", "result", "reason", "action",
                "outcome", "usedInstanceIdFallback", "durationSeconds");
        assertThat(completion.get("reason").asText()).isEqualTo("nothingToDrain");
        assertThat(start.at("/notifications/0/outcome").asText()).isEqualTo("STARTED");
    }

    @Test
    void livenessWithANode_hasEveryField() throws Exception {
        Liveness liveness = new Liveness("i-0a1b2c3d", "running", "eu-west-1a", "ip-10-0-1-23", "n1", true,
                MatchedBy.providerID, LivenessVerdict.DRAIN, "node n1 matched by providerID");

        JsonNode json = Json.mapper().readTree(TaskJson.write(liveness, Liveness.class));

        assertThat(json.get("matchedBy").asText()).isEqualTo("providerID");
        assertThat(json.get("verdict").asText()).isEqualTo("DRAIN");
        assertThat(json.size()).isEqualTo(9);
    }

    @Test
    void livenessWithoutANode_writesTheNodeFieldsAsNull() throws Exception {
        Liveness liveness = new Liveness("i-0a1b2c3d", "not-found", null, null, null, false, null,
                LivenessVerdict.NOTHING_TO_DRAIN, "instance not found");

        JsonNode json = Json.mapper().readTree(TaskJson.write(liveness, Liveness.class));

        assertThat(json.get("nodeName").isNull()).isTrue();
        assertThat(json.get("matchedBy").isNull()).isTrue();
        assertThat(json.get("verdict").asText()).isEqualTo("NOTHING_TO_DRAIN");
    }

    /** Reads and writes with the mapper JsonTaskHandler uses. */
    private static final class TaskJson {
        static <T> T read(String json, Class<T> type) {
            try {
                return Json.mapper().readValue(json, type);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static <T> String write(T value, Class<T> type) {
            try {
                return Json.mapper().writerFor(type).writeValueAsString(value);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
