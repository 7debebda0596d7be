package dev.gracefulworker.functions.start;

import dev.gracefulworker.functions.aws.AwsFailures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/** {@link WorkflowStarter} through Step Functions StartExecution. */
public final class SfnWorkflowStarter implements WorkflowStarter {

    private final SfnClient sfn;
    private final String stateMachineArn;

    public SfnWorkflowStarter(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    @Override
    public StartOutcome start(String executionName, String input) {
        try {
            sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(executionName).input(input));
            return StartOutcome.STARTED;
        } catch (ExecutionAlreadyExistsException e) {
            return StartOutcome.ALREADY_STARTED;
        } catch (SdkException e) {
            throw AwsFailures.translate("StartExecution " + executionName, e);
        }
    }
}
