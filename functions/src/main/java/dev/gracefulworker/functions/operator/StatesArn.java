package dev.gracefulworker.functions.operator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A Step Functions ARN given on the command line, a state machine's or an execution's. Its region is where the
 * commands call, so no AWS_REGION is needed for them.
 *
 * @param value  the ARN as given
 * @param region the region it names
 * @param stateMachineArn the state machine's ARN (the ARN itself, or the one an execution ran on)
 */
record StatesArn(String value, String region, String stateMachineArn) {

    private static final Pattern STATE_MACHINE =
            Pattern.compile("arn:(aws[a-z-]*):states:([a-z0-9-]+):(\\d{12}):stateMachine:([^:]+)");
    private static final Pattern EXECUTION =
            Pattern.compile("arn:(aws[a-z-]*):states:([a-z0-9-]+):(\\d{12}):execution:([^:]+):([^:]+)");

    static StatesArn stateMachine(String arn) {
        Matcher matcher = STATE_MACHINE.matcher(arn);
        if (!matcher.matches()) {
            throw new CommandLine.TypeConversionException("not a state machine ARN: " + arn + " (expected arn:aws:"
                    + "states:REGION:ACCOUNT:stateMachine:NAME, the stack output StateMachineArn)");
        }
        return new StatesArn(arn, matcher.group(2), arn);
    }

    static StatesArn execution(String arn) {
        Matcher matcher = EXECUTION.matcher(arn);
        if (!matcher.matches()) {
            throw new CommandLine.TypeConversionException("not an execution ARN: " + arn + " (expected arn:aws:"
                    + "states:REGION:ACCOUNT:execution:STATE_MACHINE:NAME, as gwt status prints it)");
        }
        return new StatesArn(arn, matcher.group(2), "arn:%s:states:%s:%s:stateMachine:%s".formatted(
                matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
    }

    /** The state machine's name, the last part of its ARN. */
    String stateMachineName() {
        return stateMachineArn.substring(stateMachineArn.lastIndexOf(':') + 1);
    }

    /** picocli's converter for {@code --state-machine-arn}: a bad ARN is a usage error naming the expected form. */
    static final class StateMachineConverter implements CommandLine.ITypeConverter<StatesArn> {
        @Override
        public StatesArn convert(String value) {
            return stateMachine(value);
        }
    }

    /** picocli's converter for {@code --execution-arn}. */
    static final class ExecutionConverter implements CommandLine.ITypeConverter<StatesArn> {
        @Override
        public StatesArn convert(String value) {
            return execution(value);
        }
    }
}
