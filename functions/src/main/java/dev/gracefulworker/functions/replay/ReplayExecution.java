package dev.gracefulworker.functions.replay;

import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.start.ExecutionName;
import dev.gracefulworker.functions.start.LifecycleMessageParser;
import dev.gracefulworker.functions.start.MalformedMessageException;
import dev.gracefulworker.functions.start.Notification;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code replay}: starts a past execution again, or a saved input.
 * <pre>
 *   java -cp graceful-worker-terminator-functions.jar dev.gracefulworker.functions.replay.ReplayExecution \
 *        --execution-arn arn:aws:states:…:execution:…
 *   … ReplayExecution --input saved-input.json --state-machine-arn arn:aws:states:…:stateMachine:…
 * </pre>
 * AWS_REGION (and optionally AWS_ENDPOINT_URL) come from the environment.
 */
public final class ReplayExecution {

    static final String USAGE = """
            usage: ReplayExecution --execution-arn ARN
                   ReplayExecution --input FILE --state-machine-arn ARN""";

    private ReplayExecution() {}

    public static void main(String[] args) {
        System.exit(run(args, Wiring.fromEnvironment(), System.out, System.err));
    }

    /** Runs the command; returns the exit code (0 started, 2 usage, 1 failure). */
    static int run(String[] args, Wiring wiring, PrintStream out, PrintStream err) {
        Map<String, String> options = options(args);
        if (options == null) {
            err.println(USAGE);
            return 2;
        }
        try {
            Replayer replayer = new Replayer(wiring.sfn());
            Replayer.Replay replay;
            if (options.containsKey("--execution-arn") && options.size() == 1) {
                replay = replayer.replayExecution(options.get("--execution-arn"));
            } else if (options.containsKey("--input") && options.containsKey("--state-machine-arn") && options.size() == 2) {
                Path file = Path.of(options.get("--input"));
                String input = Files.readString(file);
                replay = replayer.replayInput(options.get("--state-machine-arn"), originalName(file, input), input);
            } else {
                err.println(USAGE);
                return 2;
            }
            out.println("started " + replay.executionName() + " " + replay.executionArn());
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("replay failed: " + e.getMessage());
            return 1;
        }
    }

    /** The name the workflow would have given this input, else the file's name. */
    static String originalName(Path file, String input) {
        try {
            if (new LifecycleMessageParser().parse(input) instanceof Notification.Termination t) {
                return ExecutionName.of(t.message().instanceId(), t.message().lifecycleActionToken());
            }
        } catch (MalformedMessageException e) {
            // not a lifecycle message the starter would accept: fall back to the file name
        }
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static Map<String, String> options(String[] args) {
        if (args.length == 0 || args.length % 2 != 0) {
            return null;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || options.put(args[i], args[i + 1]) != null) {
                return null;
            }
        }
        return options;
    }
}
