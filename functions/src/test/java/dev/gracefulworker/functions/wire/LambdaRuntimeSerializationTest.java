package dev.gracefulworker.functions.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.LivenessVerdict;
import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.liveness.CheckLivenessRequest;
import dev.gracefulworker.functions.liveness.Liveness;
import dev.gracefulworker.functions.start.NotificationResult;
import dev.gracefulworker.functions.start.StartOutcome;
import dev.gracefulworker.functions.start.StartResult;
import dev.gracefulworker.functions.support.LambdaRuntimeJson;
import dev.gracefulworker.functions.support.SavedEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the Lambda Java runtime's own serializer does with our types, and why the task handlers read and write
 * their JSON themselves ({@code JsonTaskHandler}) while the starter keeps the runtime's SNSEvent support.
 */
class LambdaRuntimeSerializationTest {

    @Test
    void snsEvent_deliversTheLifecycleMessageAsItsMessage() throws Exception {
        SNSEvent event = LambdaRuntimeJson.read(SavedEvents.read("sns-event-terminating.json"), SNSEvent.class);

        String message = event.getRecords().getFirst().getSNS().getMessage();
        assertThat(Json.mapper().readTree(message).get("EC2InstanceId").asText()).isEqualTo("i-0a1b2c3d4e5f60718");
    }

    @Test
    void startResult_isWrittenWithItsFieldNames() throws Exception {
        StartResult result = new StartResult(List.of(
                new NotificationResult(StartOutcome.STARTED, "i-0a1b2c3d", "i-0a1b2c3d-t", "started")));

        JsonNode json = Json.mapper().readTree(LambdaRuntimeJson.write(result, StartResult.class));

        assertThat(json.at("/notifications/0/outcome").asText()).isEqualTo("STARTED");
        assertThat(json.at("/notifications/0/executionName").asText()).isEqualTo("i-0a1b2c3d-t");
    }

    /** 1.1.5 could; which version a runtime bundles is not ours to choose, so the task handlers do not depend on it. */
    @Test
    void currentRuntimeSerializer_cannotConstructRecords() {
        assertThatThrownBy(() -> LambdaRuntimeJson.read("{\"instanceId\":\"i-0a1b2c3d\"}", CheckLivenessRequest.class))
                .hasStackTraceContaining("no Creators");
    }

    @Test
    void runtimeSerializer_leavesNullFieldsOut() throws Exception {
        Liveness liveness = new Liveness("i-0a1b2c3d", "not-found", null, null, null, false, null,
                LivenessVerdict.NOTHING_TO_DRAIN, "instance not found");

        JsonNode json = Json.mapper().readTree(LambdaRuntimeJson.write(liveness, Liveness.class));

        assertThat(json.has("nodeName")).isFalse();
    }
}
