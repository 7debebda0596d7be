package dev.gracefulworker.functions.lifecycle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gracefulworker.contract.CompletionReason;
import dev.gracefulworker.contract.LifecycleResult;
import dev.gracefulworker.emulator.aws.LifecycleAction;
import dev.gracefulworker.functions.InvalidTaskInputException;
import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.observability.Metric;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import dev.gracefulworker.functions.support.RecordingMetrics;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompleteLifecycleActionHandlerTest {

    private static final String INSTANCE = "i-0a1b2c3d4e5f60718";
    private static final String TOKEN = "3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18";
    private static final String GROUP = "workers-spot-a";
    private static final String HOOK = "graceful-termination";

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;
    private CompleteLifecycleActionHandler handler;

    @BeforeEach
    void start() {
        world = worlds.start("nodes: []");
        handler = new CompleteLifecycleActionHandler(world.wiring());
    }

    @Test
    void pendingAction_isCompletedWithTheTokenAndTheResult() {
        LifecycleAction action = startAction(TOKEN);
        world.advance(Duration.ofSeconds(95));

        LifecycleCompletion completion = handler.handleRequest(request(TOKEN, LifecycleResult.CONTINUE, CompletionReason.DRAINED, false), null);

        assertThat(completion).isEqualTo(new LifecycleCompletion(INSTANCE, LifecycleResult.CONTINUE, CompletionReason.DRAINED,
                CompletionAction.COMPLETED, "completed", false, 95));
        assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
        assertThat(action.result()).isEqualTo("CONTINUE");
        assertThat(world.aws.calls("CompleteLifecycleAction")).singleElement()
                .satisfies(call -> assertThat(call.params()).containsEntry("LifecycleActionToken", TOKEN).doesNotContainKey("InstanceId"));
        assertThat(world.metrics.counts()).contains(new RecordingMetrics.Count(Metric.LifecycleActionsCompleted, 1, "outcome", "completed"));
    }

    @Test
    void timeoutWithAbandon_abandonsTheInstance() {
        LifecycleAction action = startAction(TOKEN);

        LifecycleCompletion completion = handler.handleRequest(request(TOKEN, LifecycleResult.ABANDON, CompletionReason.TIMEOUT, false), null);

        assertThat(completion.outcome()).isEqualTo("timeout");
        assertThat(action.result()).isEqualTo("ABANDON");
    }

    @Test
    void alreadyCompletedAction_isAnOutcomeNotAFailure() {
        startAction(TOKEN);
        handler.handleRequest(request(TOKEN, LifecycleResult.CONTINUE, CompletionReason.DRAINED, false), null);

        LifecycleCompletion replay = handler.handleRequest(request(TOKEN, LifecycleResult.CONTINUE, CompletionReason.DRAINED, false), null);

        assertThat(replay.action()).isEqualTo(CompletionAction.ALREADY_COMPLETED);
        assertThat(replay.outcome()).isEqualTo("alreadyCompleted");
    }

    @Test
    void malformedToken_isReplacedByTheInstanceId() {
        LifecycleAction action = startAction(TOKEN);

        LifecycleCompletion completion = handler.handleRequest(request("edited-by-hand", LifecycleResult.CONTINUE, CompletionReason.NOTHING_TO_DRAIN, false), null);

        assertThat(completion.action()).isEqualTo(CompletionAction.COMPLETED);
        assertThat(completion.usedInstanceIdFallback()).isTrue();
        assertThat(completion.outcome()).isEqualTo("nothingToDrain");
        assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
        assertThat(world.aws.calls("CompleteLifecycleAction")).singleElement()
                .satisfies(call -> assertThat(call.params()).containsEntry("InstanceId", INSTANCE).doesNotContainKey("LifecycleActionToken"));
    }

    @Test
    void tokenOfAnEndedAction_neverCompletesANewerActionOnTheSameInstance() {
        LifecycleAction newer = startAction(TOKEN);

        LifecycleCompletion replay = handler.handleRequest(
                request("00000000-0000-0000-0000-000000000000", LifecycleResult.CONTINUE, CompletionReason.DRAINED, false), null);

        assertThat(replay.action()).isEqualTo(CompletionAction.ALREADY_COMPLETED);
        assertThat(replay.usedInstanceIdFallback()).isFalse();
        assertThat(newer.state()).isEqualTo(LifecycleAction.State.PENDING);
        assertThat(world.aws.calls("CompleteLifecycleAction")).singleElement()
                .satisfies(call -> assertThat(call.params()).doesNotContainKey("InstanceId"));
    }

    @Test
    void expiredAction_isAlreadyCompleted() {
        startAction(TOKEN);
        world.advance(Duration.ofSeconds(301));

        LifecycleCompletion completion = handler.handleRequest(request(TOKEN, LifecycleResult.CONTINUE, CompletionReason.DRAINED, false), null);

        assertThat(completion.action()).isEqualTo(CompletionAction.ALREADY_COMPLETED);
    }

    @Test
    void actionEnded_reportsAlreadyCompletedWhateverTheCall() {
        startAction(TOKEN);

        LifecycleCompletion completion = handler.handleRequest(request(TOKEN, LifecycleResult.CONTINUE, CompletionReason.ACTION_ENDED, false), null);

        assertThat(completion.outcome()).isEqualTo("alreadyCompleted");
    }

    @Test
    void dryRun_completesNothing() {
        LifecycleAction action = startAction(TOKEN);

        LifecycleCompletion completion = handler.handleRequest(request(TOKEN, LifecycleResult.CONTINUE, CompletionReason.FAILED, true), null);

        assertThat(completion.action()).isEqualTo(CompletionAction.DRY_RUN);
        assertThat(completion.outcome()).isEqualTo("failed");
        assertThat(action.state()).isEqualTo(LifecycleAction.State.PENDING);
        assertThat(world.aws.calls("CompleteLifecycleAction")).isEmpty();
    }

    @Test
    void throttling_surfacesAsRetryableNamingTheInstance() {
        startAction(TOKEN);
        world.aws.throttle("CompleteLifecycleAction", 1);

        assertThatThrownBy(() -> handler.handleRequest(request(TOKEN, LifecycleResult.CONTINUE, CompletionReason.DRAINED, false), null))
                .isInstanceOf(RetryableException.class)
                .hasMessageContaining("CompleteLifecycleAction for instance " + INSTANCE);
    }

    @Test
    void throttlingWithinTheSdksRetries_isAbsorbed() {
        LifecycleAction action = startAction(TOKEN);
        world.aws.throttle("CompleteLifecycleAction", 1);
        Map<String, String> defaultRetries = new HashMap<>();
        defaultRetries.put("AWS_MAX_ATTEMPTS", null);

        LifecycleCompletion completion = new CompleteLifecycleActionHandler(world.wiring(defaultRetries))
                .handleRequest(request(TOKEN, LifecycleResult.CONTINUE, CompletionReason.DRAINED, false), null);

        assertThat(completion.action()).isEqualTo(CompletionAction.COMPLETED);
        assertThat(action.state()).isEqualTo(LifecycleAction.State.COMPLETED);
        assertThat(world.aws.calls("CompleteLifecycleAction")).hasSize(2);
    }

    @Test
    void serverError_surfacesAsRetryable() {
        startAction(TOKEN);
        world.aws.fail("CompleteLifecycleAction", 503, 1);

        assertThatThrownBy(() -> handler.handleRequest(request(TOKEN, LifecycleResult.CONTINUE, CompletionReason.DRAINED, false), null))
                .isInstanceOf(RetryableException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"result\": \"LEAVE_TO_HOOK_TIMEOUT\", \"reason\": \"drained\" | invalid task input result: Cannot deserialize",
            "\"result\": \"CONTINUE\", \"reason\": \"finished\"             | invalid task input reason: Cannot deserialize",
            "\"reason\": \"drained\"                                        | invalid task input result: is missing",
            "\"result\": \"CONTINUE\"                                       | invalid task input reason: is missing"})
    void badResultOrReason_failsNamingTheField(String resultAndReason, String problem) {
        String input = """
                {"instanceId": "%s", "autoScalingGroupName": "%s", "lifecycleHookName": "%s", "lifecycleActionToken": "%s",
                 %s, "dryRun": false, "startedAt": "2026-11-20T09:41:07Z"}""".formatted(INSTANCE, GROUP, HOOK, TOKEN, resultAndReason);

        assertThatThrownBy(() -> handler.handleRequest(handler.read(new ByteArrayInputStream(input.getBytes(UTF_8))), null))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessageStartingWith(problem);
    }

    @Test
    void reasonFromTheDefinition_isReadFromItsWireValue() throws Exception {
        String input = """
                {"instanceId": "%s", "result": "ABANDON", "reason": "nothingToDrain"}""".formatted(INSTANCE);

        CompleteLifecycleActionRequest request = handler.read(new ByteArrayInputStream(input.getBytes(UTF_8)));

        assertThat(request.result()).isEqualTo(LifecycleResult.ABANDON);
        assertThat(request.reason()).isEqualTo(CompletionReason.NOTHING_TO_DRAIN);
    }

    private LifecycleAction startAction(String token) {
        return world.aws.autoScaling().startLifecycleAction(GROUP, HOOK, INSTANCE, token, 300, "ABANDON");
    }

    private static CompleteLifecycleActionRequest request(String token, LifecycleResult result, CompletionReason reason,
            boolean dryRun) {
        return new CompleteLifecycleActionRequest(INSTANCE, GROUP, HOOK, token, result, reason, dryRun,
                Emulated.START.toString());
    }
}
