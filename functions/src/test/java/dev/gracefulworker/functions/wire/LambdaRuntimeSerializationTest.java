package dev.gracefulworker.functions.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.LivenessVerdict;
import dev.gracefulworker.functions.Json;
import dev.gracefulworker.functions.liveness.CheckLivenessRequest;
import dev.gracefulworker.functions.liveness.Liveness;
import dev.gracefulworker.functions.support.LambdaRuntimeJson;
import org.junit.jupiter.api.Test;

/**
 * What the Lambda Java runtime's own serializer does with our types, and why the task handlers read and write
 * their JSON themselves ({@code JsonTaskHandler}), and the starter reads its SNS event itself too.
 */
class LambdaRuntimeSerializationTest {

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
