package dev.gracefulworker.functions.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.emulator.aws.Execution;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import dev.gracefulworker.functions.support.SavedEvents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReplayExecutionTest {

    private static final String ORIGINAL = "i-0a1b2c3d4e5f60718-3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18";

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        world = worlds.start("nodes: []");
        world.aws.stepFunctions().addStateMachine(Emulated.STATE_MACHINE_ARN);
    }

    @Test
    void pastExecution_isStartedAgainWithItsInputAsReplayOne() {
        Execution past = pastExecution();

        int exit = run("--execution-arn", past.arn());

        assertThat(exit).isZero();
        assertThat(world.aws.stepFunctions().executions()).hasSize(2).last().satisfies(replay -> {
            assertThat(replay.name()).isEqualTo(ORIGINAL + "-replay-1");
            assertThat(replay.input()).isEqualTo(past.input());
        });
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("started " + ORIGINAL + "-replay-1 arn:aws:states:");
    }

    @Test
    void replayingAgain_takesTheNextFreeNumberEvenFromAReplay() {
        Execution past = pastExecution();
        run("--execution-arn", past.arn());
        Execution firstReplay = world.aws.stepFunctions().executions().getLast();

        run("--execution-arn", firstReplay.arn());

        assertThat(world.aws.stepFunctions().executions()).extracting(Execution::name)
                .containsExactly(ORIGINAL, ORIGINAL + "-replay-1", ORIGINAL + "-replay-2");
    }

    @Test
    void savedInput_isStartedUnderTheNameTheStarterWouldGiveIt() {
        Path input = SavedEvents.dir().resolve("lifecycle-terminating.json");

        int exit = run("--input", input.toString(), "--state-machine-arn", Emulated.STATE_MACHINE_ARN);

        assertThat(exit).isZero();
        assertThat(world.aws.stepFunctions().executions()).singleElement().satisfies(replay -> {
            assertThat(replay.name()).isEqualTo(ORIGINAL + "-replay-1");
            assertThat(replay.input()).isEqualTo(SavedEvents.read("lifecycle-terminating.json"));
        });
    }

    @Test
    void savedInputThatIsNotALifecycleMessage_isNamedAfterTheFile() {
        Path input = SavedEvents.dir().resolve("lifecycle-test-notification.json");

        run("--input", input.toString(), "--state-machine-arn", Emulated.STATE_MACHINE_ARN);

        assertThat(world.aws.stepFunctions().executions()).extracting(Execution::name)
                .containsExactly("lifecycle-test-notification-replay-1");
    }

    @Test
    void unknownExecution_failsWithExitCodeOne() {
        int exit = run("--execution-arn", "arn:aws:states:eu-west-1:111122223333:execution:graceful-worker-terminator:nope");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no execution");
    }

    @Test
    void wrongArguments_printUsage() {
        int exit = run("--input", "file.json");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    @Test
    void longNames_areCutToLeaveRoomForTheSuffix() {
        assertThat(Replayer.replayName("x".repeat(80), 12)).hasSize(80).endsWith("x-replay-12");
    }

    private Execution pastExecution() {
        world.aws.stepFunctions().addStateMachine(Emulated.STATE_MACHINE_ARN);
        new dev.gracefulworker.functions.start.SfnWorkflowStarter(world.wiring().sfn(), Emulated.STATE_MACHINE_ARN)
                .start(ORIGINAL, SavedEvents.read("lifecycle-terminating.json"));
        Execution past = world.aws.stepFunctions().executions().getFirst();
        world.aws.stepFunctions().finish(past.arn(), "FAILED", null);
        return past;
    }

    private int run(String... args) {
        return ReplayExecution.run(args, world.wiring(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
