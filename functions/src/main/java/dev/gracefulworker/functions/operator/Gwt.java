package dev.gracefulworker.functions.operator;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gwt}, the operator's command line: {@code gwt preflight|replay|status …} (see {@code cdk/gwt} and README.md). Usage errors
 * print one line and exit 2; failures print one line naming the fix and exit 1; never a stack trace.
 */
@Command(name = "gwt", mixinStandardHelpOptions = true, versionProvider = Gwt.Version.class,
        description = "Operator tools for graceful-worker-terminator.",
        subcommands = {PreflightCommand.class, ReplayCommand.class, StatusCommand.class, CommandLine.HelpCommand.class})
public final class Gwt implements Runnable {

    static final int USAGE = 2;
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    /** The command line with gwt's output and error handling, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return new CommandLine(new Gwt())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((e, args) -> {
                    e.getCommandLine().getErr().println("gwt: " + e.getMessage() + " (see: "
                            + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
                    return USAGE;
                })
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    // a CommandFailure names its fix; anything else is still one line, never a stack trace
                    commandLine.getErr().println("gwt: " + (e instanceof CommandFailure ? e.getMessage()
                            : e.getClass().getSimpleName() + ": " + AwsFailure.brief(e.getMessage())));
                    return FAILED;
                });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: preflight, replay or status");
    }

    /** The version of the jar, when built into one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Gwt.class.getPackage().getImplementationVersion();
            return new String[] {"gwt " + (version == null ? "(development build)" : version)};
        }
    }
}
