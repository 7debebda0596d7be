package dev.gracefulworker.functions.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.emulator.aws.Execution;
import dev.gracefulworker.functions.start.SfnWorkflowStarter;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import dev.gracefulworker.functions.support.SavedEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code gwt replay} run as a process against the AWS emulator, with no AWS_REGION (the ARN gives it): a past
 * execution and a saved input start as {@code <original>-replay-1}; each failure is one line naming the fix.
 */
class GwtReplayTest {

    private static final String ORIGINAL = "i-0a1b2c3d4e5f60718-3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18";
    private static final String CONSOLE = "console: https://eu-west-1.console.aws.amazon.com/states/home?"
            + "region=eu-west-1#/v2/executions/details/";

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;

    @BeforeEach
    void deployedStateMachine() {
        world = worlds.start("nodes: []");
        world.aws.stepFunctions().addStateMachine(Emulated.STATE_MACHINE_ARN);
    }

    @Test
    void pastExecution_isStartedAgainWithItsInputAsReplayOne_andItsConsoleLinkPrinted() {
        Execution past = pastExecution();

        GwtProcess.Result result = replay("--execution-arn", past.arn());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Execution replay = world.aws.stepFunctions().executions().getLast();
        assertThat(replay.name()).isEqualTo(ORIGINAL + "-replay-1");
        assertThat(replay.input()).isEqualTo(past.input());
        assertThat(result.lines()).containsExactly("started " + ORIGINAL + "-replay-1 " + replay.arn(),
                CONSOLE + replay.arn());
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void savedInput_isStartedUnderTheNameTheStarterWouldGiveIt() {
        GwtProcess.Result result = replay("--input", SavedEvents.dir().resolve("lifecycle-terminating.json").toString(),
                "--state-machine-arn", Emulated.STATE_MACHINE_ARN);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(world.aws.stepFunctions().executions()).singleElement().satisfies(replay -> {
            assertThat(replay.name()).isEqualTo(ORIGINAL + "-replay-1");
            assertThat(replay.input()).isEqualTo(SavedEvents.read("lifecycle-terminating.json"));
        });
    }

    @Test
    void unknownExecution_failsWithOneLineNamingTheFix_andExitsOne() {
        String unknown = Emulated.STATE_MACHINE_ARN.replace(":stateMachine:", ":execution:") + ":nope";

        GwtProcess.Result result = replay("--execution-arn", unknown);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).containsExactly("gwt: no execution " + unknown + " in eu-west-1 -- fix: "
                + "check the ARN: gwt status --state-machine-arn " + Emulated.STATE_MACHINE_ARN + " --instance-id <id> "
                + "lists the executions");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void unknownStateMachine_failsWithTheStackOutputToGive() {
        GwtProcess.Result result = replay("--input", SavedEvents.dir().resolve("lifecycle-terminating.json").toString(),
                "--state-machine-arn", Emulated.STATE_MACHINE_ARN + "-gone");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).containsExactly("gwt: no state machine " + Emulated.STATE_MACHINE_ARN
                + "-gone -- fix: give the deployed stack's output StateMachineArn");
    }

    @Test
    void noAwsCredentials_failWithOneLineAndTheFix() {
        GwtProcess.Result result = GwtProcess.run(Map.of("AWS_ENDPOINT_URL", world.aws.endpoint().toString(),
                "AWS_EC2_METADATA_DISABLED", "true"), "replay", "--execution-arn", pastExecution().arn());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).singleElement().asString()
                .startsWith("gwt: replay failed: Unable to load credentials from any of the providers in the chain")
                .endsWith("-- fix: check your AWS credentials, region and network (aws sts get-caller-identity)");
    }

    @Test
    void help_needsNoAwsConfiguration() {
        GwtProcess.Result result = GwtProcess.run(Map.of(), "replay", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("Usage: gwt replay").contains("--execution-arn=ARN", "--input=FILE",
                "--state-machine-arn=ARN", "<original>-replay-<n>");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void usageErrors_printOneLine_andExitTwo() {
        GwtProcess.Result nothing = GwtProcess.run(Map.of(), "replay");
        GwtProcess.Result inputAlone = GwtProcess.run(Map.of(), "replay", "--input", "saved.json");
        GwtProcess.Result notAnArn = GwtProcess.run(Map.of(), "replay", "--execution-arn", "i-0a1b2c3d4e5f60718");
        GwtProcess.Result missingFile = GwtProcess.run(Map.of(), "replay", "--input", "/nonexistent/saved.json",
                "--state-machine-arn", Emulated.STATE_MACHINE_ARN);

        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.stderr().lines()).containsExactly("gwt: Error: Missing required argument (specify one of "
                + "these): (--execution-arn=ARN | (--input=FILE --state-machine-arn=ARN)) (see: gwt replay --help)");
        assertThat(inputAlone.exitCode()).isEqualTo(2);
        assertThat(inputAlone.stderr().lines()).containsExactly("gwt: Error: Missing required argument(s): "
                + "--state-machine-arn=ARN (see: gwt replay --help)");
        assertThat(notAnArn.exitCode()).isEqualTo(2);
        assertThat(notAnArn.stderr().lines()).containsExactly("gwt: Invalid value for option '--execution-arn': not "
                + "an execution ARN: i-0a1b2c3d4e5f60718 (expected arn:aws:states:REGION:ACCOUNT:execution:"
                + "STATE_MACHINE:NAME, as gwt status prints it) (see: gwt replay --help)");
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.stderr().lines()).containsExactly("gwt: cannot read --input /nonexistent/saved.json "
                + "(NoSuchFileException): give a saved execution input file (see: gwt replay --help)");
    }

    private Execution pastExecution() {
        new SfnWorkflowStarter(world.wiring().sfn(), Emulated.STATE_MACHINE_ARN)
                .start(ORIGINAL, SavedEvents.read("lifecycle-terminating.json"));
        Execution past = world.aws.stepFunctions().executions().getFirst();
        world.aws.stepFunctions().finish(past.arn(), "FAILED", null);
        return past;
    }

    private GwtProcess.Result replay(String... args) {
        return GwtProcess.run(GwtProcess.operatorEnv(world.aws.endpoint()), "replay", List.of(args));
    }
}
