package dev.gracefulworker.functions.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.emulator.aws.Execution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A few thousand deterministic mutations of the saved SNS event, each delivered through the stream entry point to the
 * real handler, which starts executions through the real SDK on the AWS emulator. Every one must either start exactly
 * the executions {@link ExpectedOutcome} reads from the event, or fail with {@link MalformedMessageException} and
 * start nothing: never another exception.
 */
class StartWorkflowMutationTest {

    private static final long SEED = 20261120L;
    private static final int CASES = 3000;

    @RegisterExtension
    final EmulatedStarter starter = new EmulatedStarter();
    @BeforeEach
    void quietRejections() {
        // thousands of rejections would each log an error line
        Configurator.setLevel(WorkflowLauncher.class.getName(), Level.OFF);
    }

    @AfterEach
    void restoreLogging() {
        Configurator.setLevel(WorkflowLauncher.class.getName(), (Level) null);
    }

    @Test
    void everyMutatedEvent_startsExactlyTheExpectedExecutions_orIsRejectedAsMalformed() {
        EventMutator mutator = new EventMutator(SEED, SnsEvents.savedEvent());
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < CASES; i++) {
            EventMutator.Mutant mutant = mutator.next();
            String failure = check(mutant, outcomes);
            if (failure != null) {
                failures.add("case " + i + " " + mutant.steps() + ": " + failure + "\n  event: " + mutant.event());
            }
        }

        System.out.printf("%d mutated SNS events (seed %d):%n", CASES, SEED);
        outcomes.forEach((outcome, count) -> System.out.printf("%6d  %s%n", count, outcome));
        assertThat(failures).as("cases that broke the rule").isEmpty();
        assertThat(outcomes.keySet()).as("the mutations reach every outcome")
                .contains("accepted, a record's outcome: STARTED", "accepted, a record's outcome: ALREADY_STARTED",
                        "accepted, a record's outcome: IGNORED")
                .anyMatch(o -> o.startsWith("rejected: malformed SNS event"))
                .anyMatch(o -> o.startsWith("rejected: malformed lifecycle message"));
    }

    /** Delivers one mutant and returns what went wrong, or null; counts its outcome. */
    private String check(EventMutator.Mutant mutant, Map<String, Integer> outcomes) {
        ExpectedOutcome expected = ExpectedOutcome.of(mutant.event());
        Map<String, Execution> before = executionsByName();
        int startCalls = starter.world().aws.calls("StartExecution").size();
        StartResult result;
        try {
            result = starter.deliver(mutant.event());
        } catch (MalformedMessageException e) {
            outcomes.merge("rejected: " + category(e.getMessage()), 1, Integer::sum);
            if (starter.world().aws.calls("StartExecution").size() != startCalls) {
                return "rejected (" + e.getMessage() + ") after calling StartExecution";
            }
            return expected instanceof ExpectedOutcome.Rejected ? null : "rejected (" + e.getMessage() + "), expected " + expected;
        } catch (RuntimeException e) {
            outcomes.merge("other exception: " + e.getClass().getSimpleName(), 1, Integer::sum);
            return "threw " + e;
        }
        outcomes.merge("accepted", 1, Integer::sum);
        result.notifications().forEach(n -> outcomes.merge("accepted, a record's outcome: " + n.outcome(), 1, Integer::sum));
        if (!(expected instanceof ExpectedOutcome.Accepted(List<ExpectedOutcome.Entry> entries))) {
            return "returned " + result + ", expected " + expected;
        }
        List<String> predicted = predict(entries, before);
        List<String> actual = result.notifications().stream()
                .map(n -> n.outcome() == StartOutcome.IGNORED ? "IGNORED" : n.outcome() + " " + n.executionName()).toList();
        if (!actual.equals(predicted)) {
            return "returned " + actual + ", expected " + predicted;
        }
        return newExecutionsMatch(entries, before, outcomes);
    }

    /**
     * The outcome and execution name each entry should give against the executions that exist (all still running): a
     * new name starts; the same name with the same input is that execution again (StartExecution is idempotent there,
     * so STARTED); the same name with other input is a duplicate delivery.
     */
    private static List<String> predict(List<ExpectedOutcome.Entry> entries, Map<String, Execution> before) {
        Map<String, String> inputs = new LinkedHashMap<>();
        before.forEach((name, execution) -> inputs.put(name, execution.input()));
        List<String> results = new ArrayList<>();
        for (ExpectedOutcome.Entry entry : entries) {
            switch (entry) {
                case ExpectedOutcome.Ignore() -> results.add("IGNORED");
                case ExpectedOutcome.Start(String name, String input) -> {
                    String existing = inputs.putIfAbsent(name, input);
                    boolean started = existing == null || existing.equals(input);
                    results.add((started ? StartOutcome.STARTED : StartOutcome.ALREADY_STARTED) + " " + name);
                }
            }
        }
        return results;
    }

    private String newExecutionsMatch(List<ExpectedOutcome.Entry> entries, Map<String, Execution> before,
            Map<String, Integer> outcomes) {
        Map<String, String> expectedNew = new LinkedHashMap<>();
        for (ExpectedOutcome.Entry entry : entries) {
            if (entry instanceof ExpectedOutcome.Start(String name, String input) && !before.containsKey(name)) {
                expectedNew.putIfAbsent(name, input);
            }
        }
        Map<String, String> actualNew = executionsByName().values().stream()
                .filter(execution -> !before.containsKey(execution.name()))
                .collect(Collectors.toMap(Execution::name, Execution::input));
        outcomes.merge("accepted, new executions", actualNew.size(), Integer::sum);
        return actualNew.equals(expectedNew) ? null : "new executions " + actualNew.keySet() + ", expected " + expectedNew.keySet();
    }

    private Map<String, Execution> executionsByName() {
        return starter.world().aws.stepFunctions().executions().stream()
                .collect(Collectors.toMap(Execution::name, Function.identity()));
    }

    /** The rule a rejection names, without the values: "malformed SNS event: Records[i] is not a JSON object". */
    private static String category(String message) {
        String rule = message.replaceAll("\\[\\d+]", "[i]").replaceAll(" \\(from character \\d+\\)", "")
                .replaceAll("'[^']*'", "'…'").replaceAll("is \\d+ bytes", "is N bytes");
        int detail = rule.indexOf(": ", rule.indexOf(": ") + 2);
        return Objects.requireNonNull(detail < 0 ? rule : rule.substring(0, detail));
    }
}
