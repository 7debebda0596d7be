package dev.gracefulworker.functions.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.emulator.aws.Execution;
import dev.gracefulworker.functions.start.SfnWorkflowStarter;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import dev.gracefulworker.functions.support.SavedEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The replay service in-process: numbering and naming ({@code gwt replay} itself is run as a process in GwtReplayTest). */
class ReplayerTest {

    private static final String ORIGINAL = "i-0a1b2c3d4e5f60718-3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18";

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;
    private Replayer replayer;

    @BeforeEach
    void start() {
        world = worlds.start("nodes: []");
        world.aws.stepFunctions().addStateMachine(Emulated.STATE_MACHINE_ARN);
        replayer = new Replayer(world.wiring().sfn());
    }

    @Test
    void replayingAgain_takesTheNextFreeNumberEvenFromAReplay() {
        new SfnWorkflowStarter(world.wiring().sfn(), Emulated.STATE_MACHINE_ARN)
                .start(ORIGINAL, SavedEvents.read("lifecycle-terminating.json"));
        Execution past = world.aws.stepFunctions().executions().getFirst();
        world.aws.stepFunctions().finish(past.arn(), "FAILED", null);
        String firstReplay = replayer.replayExecution(past.arn()).executionArn();

        replayer.replayExecution(firstReplay);

        assertThat(world.aws.stepFunctions().executions()).extracting(Execution::name)
                .containsExactly(ORIGINAL, ORIGINAL + "-replay-1", ORIGINAL + "-replay-2");
    }

    @Test
    void savedLifecycleMessage_isNamedAsTheStarterWouldName_elseByTheFallback() {
        assertThat(Replayer.originalName(SavedEvents.read("lifecycle-terminating.json"), "file")).isEqualTo(ORIGINAL);
        assertThat(Replayer.originalName(SavedEvents.read("lifecycle-test-notification.json"), "file"))
                .isEqualTo("file");
    }

    @Test
    void longNames_areCutToLeaveRoomForTheSuffix() {
        assertThat(Replayer.replayName("x".repeat(80), 12)).hasSize(80).endsWith("x-replay-12");
    }
}
