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
    void scenarioWithAnAttachedTargetGroup_completesOnlyAfterItsDeregistrationDelay_andPrintsTheGroup() throws Exception {
        int exitCode = run("--scenario", scenario("target-group-attached.yaml").toString());

        assertThat(exitCode).isZero();
        assertThat(printed()).contains(
                "  elbv2       target group workers-http: deregistration delay 120 s, attached to the instance's "
                        + "Auto Scaling group; targets every instance",
                "SUCCEEDED after 120 s of scenario time",
                "\"durationSeconds\" : 120",
                "COMPLETED with CONTINUE, 1 heartbeat(s), 1 completion(s)",
                "  target group    workers-http: i-0b2c3d4e5f6071829 healthy");
    }

    @Test
    void invalidTargetGroup_isReportedWithTheFileAndTheField_andExitsTwo() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("target-groups-", ".yaml");
        try {
            java.nio.file.Files.writeString(file, "targetGroups: [{name: web, deregistrationDelaySeconds: -1}]\n");

            int exitCode = run("--scenario", file.toString());

            assertThat(exitCode).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("invalid scenario " + file,
                    "targetGroups[0].deregistrationDelaySeconds: 0 to 3600 seconds, not -1");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
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
        return scenario("pod-list-always-500.yaml");
    }

    private static Path scenario(String name) throws Exception {
        return Path.of(LocalRunTest.class.getResource("/scenarios/" + name).toURI());
    }

    private int run(String... args) {
        return LocalRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
