package dev.gracefulworker.functions.replay;

import dev.gracefulworker.functions.aws.AwsFailures;
import dev.gracefulworker.functions.start.ExecutionName;
import dev.gracefulworker.functions.start.LifecycleMessageParser;
import dev.gracefulworker.functions.start.MalformedMessageException;
import dev.gracefulworker.functions.start.Notification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * Starts a past execution again with the same input, named {@code <original>-replay-<n>} with the first free n.
 * The input is the lifecycle message itself, so every task is safe to run again.
 */
public final class Replayer {

    private static final Pattern REPLAY_SUFFIX = Pattern.compile("^(.*)-replay-\\d+$");
    private static final int MAX_ATTEMPTS = 1000;

    /** The started execution. */
    public record Replay(String executionArn, String executionName) {}

    private final SfnClient sfn;

    public Replayer(SfnClient sfn) {
        this.sfn = sfn;
    }

    /** Replays a past execution: its state machine, its input, a name derived from its name. */
    public Replay replayExecution(String executionArn) {
        DescribeExecutionResponse past;
        try {
            past = sfn.describeExecution(r -> r.executionArn(executionArn));
        } catch (ExecutionDoesNotExistException e) {
            throw new IllegalArgumentException("no execution " + executionArn, e);
        } catch (SdkException e) {
            throw AwsFailures.translate("DescribeExecution " + executionArn, e);
        }
        return start(past.stateMachineArn(), past.name(), past.input());
    }

    /** Replays a saved input on a state machine; {@code originalName} is the name the replay is derived from. */
    public Replay replayInput(String stateMachineArn, String originalName, String input) {
        return start(stateMachineArn, originalName, input);
    }

    private Replay start(String stateMachineArn, String originalName, String input) {
        String base = baseName(originalName);
        for (int n = 1; n <= MAX_ATTEMPTS; n++) {
            String name = replayName(base, n);
            String arn = executionArn(stateMachineArn, name);
            if (exists(arn)) {
                continue;
            }
            try {
                sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(name).input(input));
                return new Replay(arn, name);
            } catch (ExecutionAlreadyExistsException e) {
                // started by someone else since we looked: take the next number
            } catch (SdkException e) {
                throw AwsFailures.translate("StartExecution " + name, e);
            }
        }
        throw new IllegalStateException("no free replay name for " + base + " after " + MAX_ATTEMPTS + " tries");
    }

    private boolean exists(String executionArn) {
        try {
            sfn.describeExecution(r -> r.executionArn(executionArn));
            return true;
        } catch (ExecutionDoesNotExistException e) {
            return false;
        } catch (SdkException e) {
            throw AwsFailures.translate("DescribeExecution " + executionArn, e);
        }
    }

    /** The name the starter would have given a saved input, else {@code fallback} (e.g. the file's name). */
    public static String originalName(String input, String fallback) {
        try {
            if (new LifecycleMessageParser().parse(input) instanceof Notification.Termination t) {
                return ExecutionName.of(t.message().instanceId(), t.message().lifecycleActionToken());
            }
        } catch (MalformedMessageException e) {
            // not a lifecycle message the starter would accept: the fallback names it
        }
        return fallback;
    }

    /** A replay of a replay counts on from the original: {@code x-replay-1} replays as {@code x-replay-2}. */
    static String baseName(String name) {
        Matcher matcher = REPLAY_SUFFIX.matcher(name);
        return matcher.matches() ? matcher.group(1) : name;
    }

    /** {@code <base>-replay-<n>}, the base shortened so the whole stays within 80 characters. */
    static String replayName(String base, int n) {
        String suffix = "-replay-" + n;
        String safeBase = ExecutionName.sanitize(base);
        int room = ExecutionName.MAX_LENGTH - suffix.length();
        return (safeBase.length() > room ? safeBase.substring(0, room) : safeBase) + suffix;
    }

    /** arn:…:stateMachine:NAME → arn:…:execution:NAME:EXECUTION. */
    static String executionArn(String stateMachineArn, String executionName) {
        if (!stateMachineArn.contains(":stateMachine:")) {
            throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn);
        }
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
    }
}
