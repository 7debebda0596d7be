package dev.gracefulworker.functions.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code gwt status} run as a process against the AWS emulator, with no AWS_REGION (the ARN gives it): an instance
 * with a succeeded, a failed and a replayed execution, beside another instance's; by instance id and by node name.
 */
class GwtStatusTest {

    private static final String INSTANCE = "i-0a1b2c3d4e5f60718";
    private static final String NODE = "ip-10-0-1-23.eu-west-1.compute.internal";
    private static final String FIRST = INSTANCE + "-3f6b0c2e-91d4-4c5a-8e7b-0a9d2f4c6e18";
    private static final String SECOND = INSTANCE + "-7c1d9e2a-0b3f-4d6e-9a8c-5e4f3a2b1c0d";
    private static final String EXECUTIONS = Emulated.STATE_MACHINE_ARN.replace(":stateMachine:", ":execution:") + ":";
    private static final String CONSOLE =
            "  https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/";

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;
    private SfnClient sfn;

    /** A drain that completed after 4 polls, one that failed, a replay of the first still running, another node's. */
    @BeforeEach
    void executions() {
        world = worlds.start("nodes: []");
        world.aws.stepFunctions().addStateMachine(Emulated.STATE_MACHINE_ARN);
        world.aws.ec2().addInstance(INSTANCE, "running", NODE, "eu-west-1b");
        sfn = world.wiring().sfn();
        start("i-0fedcba9876543210-11111111-2222-3333-4444-555555555555");
        start(FIRST);
        world.advance(Duration.ofSeconds(62));
        world.aws.stepFunctions().finish(EXECUTIONS + FIRST, "SUCCEEDED",
                "{\"instanceId\":\"" + INSTANCE + "\",\"outcome\":\"completed\",\"result\":\"CONTINUE\",\"polls\":4}");
        world.advance(Duration.ofMinutes(10));
        start(SECOND);
        world.advance(Duration.ofSeconds(3));
        world.aws.stepFunctions().fail(EXECUTIONS + SECOND, "DrainFailed", "Check pods failed after its retries\n"
                + "(second line of the cause)");
        world.advance(Duration.ofMinutes(1));
        start(FIRST + "-replay-1");
    }

    @Test
    void instance_listsItsExecutionsNewestFirst_withOutcomePollsDurationAndConsoleLink() {
        GwtProcess.Result result = status("--instance-id", INSTANCE);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<String> lines = result.lines();
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).isEqualTo("gwt status " + INSTANCE
                + " on graceful-worker-terminator (eu-west-1): 3 executions, newest first");
        assertThat(lines.get(1)).matches("NAME +STATUS +OUTCOME +POLLS +DURATION +STARTED");
        assertThat(lines.get(2)).matches(FIRST + "-replay-1  RUNNING     -                     -  \\d+[dhms] \\d+[hms] so far"
                + " +2026-11-20T09:53:12Z");
        assertThat(lines.get(3)).isEqualTo(CONSOLE + EXECUTIONS + FIRST + "-replay-1");
        assertThat(lines.get(4)).isEqualTo(SECOND + "           FAILED      -                     -  3s"
                + "                2026-11-20T09:52:09Z");
        assertThat(lines.get(5)).isEqualTo("  error: DrainFailed: Check pods failed after its retries");
        assertThat(lines.get(6)).isEqualTo(CONSOLE + EXECUTIONS + SECOND);
        assertThat(lines.get(7)).isEqualTo(FIRST + "           SUCCEEDED   completed             4  1m 02s"
                + "            2026-11-20T09:41:07Z");
        assertThat(lines.get(8)).isEqualTo(CONSOLE + EXECUTIONS + FIRST);
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void nodeName_isResolvedToItsInstanceThroughEc2() {
        GwtProcess.Result result = status("--node-name", NODE);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.lines().getFirst()).isEqualTo("gwt status " + INSTANCE + " (node " + NODE
                + ") on graceful-worker-terminator (eu-west-1): 3 executions, newest first");
        assertThat(world.aws.calls("DescribeInstances")).singleElement()
                .satisfies(call -> assertThat(call.params()).containsEntry("Filter.1.Name", "private-dns-name")
                        .containsEntry("Filter.1.Value.1", NODE));
    }

    @Test
    void nodeWhoseInstanceHasNoDnsNameAnyMore_isNamedWithTheInstanceIdAsTheFix() {
        world.aws.ec2().setState(INSTANCE, "terminated");

        GwtProcess.Result result = status("--node-name", NODE);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).containsExactly("gwt: no instance in eu-west-1 has the private DNS name "
                + NODE + " (a terminated instance loses it, and a node may be named otherwise) -- fix: give "
                + "--instance-id (kubectl get node " + NODE + " -o jsonpath='{.spec.providerID}' shows it while the "
                + "node exists)");
    }

    @Test
    void everyPageIsRead_soAnInstanceBehindAThousandOthersIsFound() {
        for (int n = 0; n < 1000; n++) {
            world.advance(Duration.ofSeconds(1));
            start("i-0%016x-token".formatted(n));
        }

        GwtProcess.Result result = status("--instance-id", INSTANCE);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.lines().getFirst()).endsWith(": 3 executions, newest first");
        assertThat(world.aws.calls("ListExecutions")).hasSize(2)
                .allSatisfy(call -> assertThat(call.params()).containsEntry("maxResults", "1000"));
    }

    @Test
    void instanceWithoutExecutions_failsWithOneLine_andExitsOne() {
        GwtProcess.Result result = status("--instance-id", "i-0ffffffffffffffff");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).containsExactly("gwt: no executions of i-0ffffffffffffffff on "
                + "graceful-worker-terminator in the last 90 days -- fix: check the instance id and the state machine "
                + "(the stack's region and output StateMachineArn)");
    }

    @Test
    void help_needsNoAwsConfiguration() {
        GwtProcess.Result result = GwtProcess.run(Map.of(), "status", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("Usage: gwt status").contains("--state-machine-arn=ARN",
                "--instance-id=ID", "--node-name=NAME");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void usageErrors_printOneLine_andExitTwo() {
        GwtProcess.Result noSubject = GwtProcess.run(Map.of(), "status", "--state-machine-arn",
                Emulated.STATE_MACHINE_ARN);
        GwtProcess.Result both = GwtProcess.run(Map.of(), "status", "--state-machine-arn", Emulated.STATE_MACHINE_ARN,
                "--instance-id", INSTANCE, "--node-name", NODE);
        GwtProcess.Result badId = GwtProcess.run(Map.of(), "status", "--state-machine-arn", Emulated.STATE_MACHINE_ARN,
                "--instance-id", NODE);
        GwtProcess.Result noStateMachine = GwtProcess.run(Map.of(), "status", "--instance-id", INSTANCE);

        assertThat(List.of(noSubject, both, badId, noStateMachine)).extracting(GwtProcess.Result::exitCode)
                .containsOnly(2);
        assertThat(noSubject.stderr().lines()).containsExactly("gwt: Error: Missing required argument (specify one of "
                + "these): (--instance-id=ID | --node-name=NAME) (see: gwt status --help)");
        assertThat(both.stderr().lines()).containsExactly("gwt: Error: --instance-id=ID, --node-name=NAME are "
                + "mutually exclusive (specify only one) (see: gwt status --help)");
        assertThat(badId.stderr().lines()).containsExactly("gwt: not an instance id: " + NODE + " (expected i- and 8 "
                + "or 17 hex digits) (see: gwt status --help)");
        assertThat(noStateMachine.stderr().lines()).containsExactly("gwt: Missing required option: "
                + "'--state-machine-arn=ARN' (see: gwt status --help)");
    }

    private void start(String name) {
        sfn.startExecution(r -> r.stateMachineArn(Emulated.STATE_MACHINE_ARN).name(name).input("{}"));
    }

    private GwtProcess.Result status(String... args) {
        var command = new java.util.ArrayList<>(List.of("--state-machine-arn", Emulated.STATE_MACHINE_ARN));
        command.addAll(List.of(args));
        return GwtProcess.run(GwtProcess.operatorEnv(world.aws.endpoint()), "status", command);
    }
}
