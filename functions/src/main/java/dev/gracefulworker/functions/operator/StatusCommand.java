package dev.gracefulworker.functions.operator;

import dev.gracefulworker.functions.RetryableException;
import dev.gracefulworker.functions.Wiring;
import dev.gracefulworker.functions.aws.AwsApiException;
import dev.gracefulworker.functions.liveness.Ec2QueryInstanceDirectory;
import dev.gracefulworker.functions.liveness.InstanceInfo;
import dev.gracefulworker.functions.start.LifecycleMessageParser;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/** {@code gwt status}: the executions of an instance or a node, newest first, each with its console link. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the workflow's executions for one instance (the starter names them "
                + "<instanceId>-<token>, replays <original>-replay-<n>): name, status, outcome, polls, duration and "
                + "the console link, newest first.",
            "The region is the ARN's; credentials come from the usual AWS chain (AWS_PROFILE, AWS_ACCESS_KEY_ID and the rest).",
            "Exit code 0 when executions were found, 1 when none were or a call failed, 2 for a usage error."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--state-machine-arn", paramLabel = "ARN", required = true,
            converter = StatesArn.StateMachineConverter.class,
            description = "the workflow (stack output StateMachineArn)")
    StatesArn stateMachineArn;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    /** Whose executions: an instance, or the node it was. */
    static final class Subject {
        @Option(names = "--instance-id", paramLabel = "ID", required = true, description = "the EC2 instance, e.g. i-0a1b2c3d4e5f60718")
        String instanceId;

        @Option(names = "--node-name", paramLabel = "NAME", required = true, description = "the Kubernetes node, "
                + "found in EC2 by its private DNS name (while the instance still has one)")
        String nodeName;
    }

    @Override
    public Integer call() {
        if (subject.instanceId != null && !LifecycleMessageParser.INSTANCE_ID.matcher(subject.instanceId).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not an instance id: " + subject.instanceId
                    + " (expected i- and 8 or 17 hex digits)");
        }
        Wiring wiring = OperatorWiring.forRegion(spec, stateMachineArn.region());
        List<String> instanceIds = subject.instanceId != null ? List.of(subject.instanceId) : instancesOf(wiring);
        List<ExecutionSummary> executions;
        try {
            executions = new InstanceExecutions(wiring.sfn()).of(stateMachineArn.value(), instanceIds);
        } catch (StateMachineDoesNotExistException e) {
            throw new CommandFailure("no state machine " + stateMachineArn.value(),
                    "give the deployed stack's output StateMachineArn");
        } catch (SdkException e) {
            throw AwsFailure.command("status", "states:ListExecutions and states:DescribeExecution", e);
        }
        String whose = String.join(", ", instanceIds) + (subject.nodeName != null ? " (node " + subject.nodeName + ")" : "");
        if (executions.isEmpty()) {
            throw new CommandFailure("no executions of " + whose + " on " + stateMachineArn.stateMachineName()
                    + " in the last 90 days", "check the instance id and the state machine (the stack's region and "
                    + "output StateMachineArn)");
        }
        new StatusReport(stateMachineArn.region(), Clock.systemUTC().instant())
                .print(spec.commandLine().getOut(), whose, stateMachineArn.stateMachineName(), executions);
        return 0;
    }

    /** The node's instance, by private DNS name (the default EKS node name); a terminated instance has none left. */
    private List<String> instancesOf(Wiring wiring) {
        List<InstanceInfo> found;
        try {
            found = new Ec2QueryInstanceDirectory(wiring.httpClient(), wiring.credentials(), wiring.region().id(),
                    wiring.ec2Endpoint(), wiring.clock()).findByPrivateDnsName(subject.nodeName);
        } catch (AwsApiException | RetryableException e) {
            throw new CommandFailure(AwsFailure.brief(e.getMessage()), "allow ec2:DescribeInstances to the identity "
                    + "running gwt, or give --instance-id");
        } catch (SdkException e) {
            throw AwsFailure.command("DescribeInstances", "ec2:DescribeInstances", e);
        }
        if (found.isEmpty()) {
            throw new CommandFailure("no instance in " + wiring.region().id() + " has the private DNS name "
                    + subject.nodeName + " (a terminated instance loses it, and a node may be named otherwise)",
                    "give --instance-id (kubectl get node " + subject.nodeName
                            + " -o jsonpath='{.spec.providerID}' shows it while the node exists)");
        }
        return found.stream().map(InstanceInfo::instanceId).toList();
    }
}
