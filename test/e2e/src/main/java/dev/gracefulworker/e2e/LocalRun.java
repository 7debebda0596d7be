package dev.gracefulworker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.e2e.fleet.FleetCommand;
import dev.gracefulworker.e2e.interpreter.ExecutionResult;
import dev.gracefulworker.e2e.interpreter.ExecutionStatus;
import dev.gracefulworker.e2e.lambda.LocalLambda;
import dev.gracefulworker.e2e.page.ExecutionPage;
import dev.gracefulworker.e2e.scenario.LocalScenario;
import dev.gracefulworker.statemachine.graph.StateGraph;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code test/run-local}: runs the exported state machine definition once, locally, with the real handlers, on an
 * emulated cluster (or a real one) and a local AWS endpoint, and prints it as the console would show it. Exits 0 when
 * every execution succeeded, 1 when one failed, 2 on a usage error.
 */
public final class LocalRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalRun() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs and returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--fleet")) {
            return FleetCommand.run(args, out, err);
        }
        RepoLayout repo = RepoLayout.locate();
        LocalRunOptions options;
        try {
            options = LocalRunOptions.parse(args, repo);
        } catch (IllegalArgumentException e) {
            err.println("run-local: " + e.getMessage());
            err.println(LocalRunOptions.USAGE);
            return 2;
        }
        LocalScenario scenario;
        try {
            scenario = options.scenario().map(LocalScenario::load).orElseGet(LocalScenario::builtInDefault);
        } catch (IllegalArgumentException e) {
            err.println("run-local: " + e.getMessage());
            return 2;
        }
        SavedInput input = SavedInput.read(options.input());
        try (LocalEnvironment environment = start(options, scenario)) {
            printHeader(out, repo, options, scenario);
            ConsoleTranscript transcript = new ConsoleTranscript(out, environment.definition(), environment.lambda());
            List<ExecutionResult> results = switch (input) {
                case SavedInput.Message message -> {
                    ConsoleTranscript.printHeading(out);
                    yield List.of(environment.execute(message.message(), transcript));
                }
                case SavedInput.SnsEvent event -> deliver(out, environment, event.event(), transcript);
            };
            RunReport report = new RunReport(out, environment);
            results.forEach(result -> report.printOutcome(result, transcript.nominalSeconds()));
            report.printObservations(results);
            if (options.html().isPresent()) {
                try {
                    writePage(options.html().get(), repo, environment, results, transcript);
                } catch (IllegalStateException noGraphviz) {
                    err.println("run-local: --html: " + noGraphviz.getMessage());
                    return 2;
                }
                out.printf("%nPage: %s%n", options.html().get());
            }
            boolean allSucceeded = results.stream().allMatch(result -> result.status() == ExecutionStatus.SUCCEEDED);
            return allSucceeded ? 0 : 1;
        }
    }

    private static void writePage(Path file, RepoLayout repo, LocalEnvironment environment,
                                  List<ExecutionResult> results, ConsoleTranscript transcript) {
        var page = new ExecutionPage(relative(repo, environment.definition().file()),
                StateGraph.of(readJson(environment.definition().file())), results, transcript.rows(),
                transcript.nominalSeconds(), environment.lambda().invocations().size());
        try {
            Files.writeString(file, page.html());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the page " + file, e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static LocalEnvironment start(LocalRunOptions options, LocalScenario scenario) {
        return options.kubeconfig()
                .map(kubeconfig -> LocalEnvironment.againstCluster(kubeconfig, scenario,
                        new Pacing(options.waitPause(), Pacing.SHORTENED.retryPause())))
                .orElseGet(() -> LocalEnvironment.emulated(scenario));
    }

    private static List<ExecutionResult> deliver(PrintStream out, LocalEnvironment environment, JsonNode snsEvent,
                                                 ConsoleTranscript transcript) {
        LocalLambda.AsyncDelivery delivery = environment.publish(snsEvent);
        out.printf("SNS -> %s: %d attempt(s), %s%n%n", TaskFunctions.START_WORKFLOW, delivery.attempts(),
                JsonSummary.of(delivery.lastOutcome().payload(), 150));
        ConsoleTranscript.printHeading(out);
        return environment.runStartedExecutions(transcript);
    }

    private static void printHeader(PrintStream out, RepoLayout repo, LocalRunOptions options, LocalScenario scenario) {
        out.println("graceful-worker-terminator: local run of the exported definition with the real handlers");
        out.printf("  definition  %s%n", relative(repo, repo.exportedDefinition()));
        out.printf("  input       %s%n", relative(repo, options.input()));
        out.printf("  scenario    %s%n", options.scenario().map(path -> relative(repo, path))
                .orElse("built-in (test/e2e/src/main/resources/scenarios/default.yaml)"));
        if (!scenario.description().isBlank()) {
            out.printf("              %s%n", scenario.description());
        }
        scenario.settings().ifPresent(settings -> out.printf("  settings    %s (as NotificationMetadata)%n", settings));
        scenario.targetGroups().forEach(group -> out.printf("  elbv2       target group %s: deregistration delay %d s%s%s; targets %s%n",
                group.name(), group.deregistrationDelaySeconds(),
                group.attachedToGroup() ? ", attached to the instance's Auto Scaling group" : "",
                group.describeTags().map(tags -> ", tagged " + tags).orElse(""),
                group.targets().isEmpty() ? "every instance" : String.join(", ", group.targets())));
        out.printf("  cluster     %s%n", options.kubeconfig().map(path -> "real, through " + path)
                .orElse("Kubernetes API emulator (test/kube-emulator)"));
        out.printf("  waits       %s%n%n", options.waitPause().isZero()
                ? "shortened to 0 ms; the scenario clock advances by each Wait's nominal seconds"
                : "shortened to " + options.waitPause().toMillis() + " ms; the scenario clock advances by each Wait's nominal seconds");
    }

    private static String relative(RepoLayout repo, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(repo.root()) ? repo.root().relativize(absolute).toString() : absolute.toString();
    }

    static String pretty(JsonNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(json);
        }
    }
}
