package dev.gracefulworker.functions.operator;

import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.replay.Replayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/** {@code gwt replay}: starts a past execution again, or a saved input, as {@code <original>-replay-<n>}. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts a termination's workflow again with the same input, named <original>-replay-<n> "
                + "with the first free n (a replay of a replay counts on from the original). Every task is safe to "
                + "run twice: an action already completed ends as alreadyCompleted.",
            "The region is the ARN's; credentials come from the usual AWS chain (AWS_PROFILE, AWS_ACCESS_KEY_ID and the rest).",
            "Exit code 0 when the replay started, 1 when it could not, 2 for a usage error."})
final class ReplayCommand implements Callable<Integer> {

    private static final String IAM = "states:DescribeExecution and states:StartExecution";

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** What to replay: a past execution, or a saved input on a state machine. */
    static final class Source {
        @Option(names = "--execution-arn", paramLabel = "ARN", required = true, converter = StatesArn.ExecutionConverter.class,
                description = "a past execution: its state machine, its input (gwt status lists them)")
        StatesArn executionArn;

        @ArgGroup(exclusive = false, multiplicity = "1")
        SavedInput savedInput;
    }

    /** A saved input and the state machine to start it on. */
    static final class SavedInput {
        @Option(names = "--input", paramLabel = "FILE", required = true,
                description = "a saved execution input: the lifecycle message (e.g. statemachine/events/"
                        + "lifecycle-terminating.json, or the console's input of an execution)")
        Path input;

        @Option(names = "--state-machine-arn", paramLabel = "ARN", required = true,
                converter = StatesArn.StateMachineConverter.class,
                description = "the state machine to start it on (stack output StateMachineArn)")
        StatesArn stateMachineArn;
    }

    @Override
    public Integer call() {
        StatesArn target = source.executionArn != null ? source.executionArn : source.savedInput.stateMachineArn;
        Replayer replayer = new Replayer(OperatorWiring.forRegion(spec, target.region()).sfn());
        Replayer.Replay replay;
        try {
            replay = source.executionArn != null
                    ? replayer.replayExecution(source.executionArn.value())
                    : replayInput(replayer, source.savedInput);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage() + " in " + target.region(), "check the ARN: gwt status "
                    + "--state-machine-arn " + target.stateMachineArn() + " --instance-id <id> lists the executions");
        } catch (StateMachineDoesNotExistException e) {
            throw new CommandFailure("no state machine " + target.stateMachineArn(),
                    "give the deployed stack's output StateMachineArn");
        } catch (RetryableException e) {
            throw e.getCause() instanceof SdkException sdk ? AwsFailure.command("replay", IAM, sdk) : e;
        } catch (SdkException e) {
            throw AwsFailure.command("replay", IAM, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("started " + replay.executionName() + " " + replay.executionArn());
        out.println("console: " + ConsoleLink.of(target.region(), replay.executionArn()));
        return 0;
    }

    private Replayer.Replay replayInput(Replayer replayer, SavedInput saved) {
        String input;
        try {
            input = Files.readString(saved.input);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read --input " + saved.input + " ("
                    + e.getClass().getSimpleName() + "): give a saved execution input file");
        }
        return replayer.replayInput(saved.stateMachineArn.value(),
                Replayer.originalName(input, withoutExtension(saved.input)), input);
    }

    private static String withoutExtension(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
