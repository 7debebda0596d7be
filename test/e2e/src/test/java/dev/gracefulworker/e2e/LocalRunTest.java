package dev.gracefulworker.e2e;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code test/run-local}'s main: what it prints and how it exits. */
class LocalRunTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void defaultRun_printsEachStateAndShortenedWait_andExitsZero() {
        int exitCode = run();

        assertThat(exitCode).isZero();
        assertThat(printed()).contains(
                "definition  statemachine/graceful-worker-terminator.asl.json",
                "input       statemachine/events/lifecycle-terminating.json",
                "Cordon node", "action: CORDONED",
                "Wait before next check             Wait    15 s (shortened)",
                "0:45  Complete (drained)",
                "SUCCEEDED after 45 s of scenario time",
                "\"outcome\" : \"completed\"",
                "evictions       web/web-5d8f7b-abcde 201",
                "COMPLETED with CONTINUE, 1 heartbeat(s), 1 completion(s)");
    }

    @Test
    void failingExecution_printsErrorAndCause_andExitsOne() throws Exception {
        int exitCode = run("--scenario", failingScenario().toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(printed()).contains("FAILED after", "Error: dev.gracefulworker.functions.RetryableException",
                "Complete after failure", "COMPLETED with CONTINUE");
    }

    @Test
    void snsEventAsInput_isDeliveredToTheStarter_whichStartsTheExecution() {
        int exitCode = run("--input", RepoLayout.locate().savedEvent("sns-event-terminating.json").toString());

        assertThat(exitCode).isZero();
        assertThat(printed()).contains("SNS -> gwt-start-workflow: 1 attempt(s)", "SUCCEEDED after");
        // the starter's own invocation is not mistaken for a Task's
        assertThat(printed().lines().filter(line -> line.contains("Check instance and node")))
                .singleElement().asString().contains("gwt-check-liveness(instanceId: i-0a1b2c3d4e5f60718)");
    }

    @Test
    void unknownOption_printsTheUsage_andExitsTwo() {
        int exitCode = run("--scenery", "x.yaml");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --scenery", "usage: test/run-local");
    }

    @Test
    void htmlIntoAMissingDirectory_isAUsageError_withoutAStackTrace() {
        int exitCode = run("--html", "/no/such/dir/run.html");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("run-local: --html: no such directory /no/such/dir")
                .doesNotContain("Exception", "\tat ");
    }

    /** A scenario whose execution fails: every pod list answers 500. */
    static Path failingScenario() throws Exception {
        return Path.of(LocalRunTest.class.getResource("/scenarios/pod-list-always-500.yaml").toURI());
    }

    private int run(String... args) {
        return LocalRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
