package dev.gracefulworker.cdk;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * Alarms on what needs a human: executions that failed, timed out or were aborted, and messages in the dead-letter
 * queue. They have no actions: attach an SNS topic or a pager to them after deploying.
 */
final class WorkflowAlarms extends Construct {

    private static final MetricOptions FIVE_MINUTE_SUM = MetricOptions.builder()
            .period(Duration.minutes(5)).statistic("Sum").build();

    WorkflowAlarms(Construct scope, String id, IStateMachine stateMachine, IQueue deadLetterQueue) {
        super(scope, id);
        atLeastOne("ExecutionsFailed", stateMachine.metricFailed(FIVE_MINUTE_SUM),
                "A graceful termination execution failed: its lifecycle action was completed by the failure policy "
                        + "or left to the hook timeout. Open the execution in the Step Functions console.");
        atLeastOne("ExecutionsTimedOut", stateMachine.metricTimedOut(FIVE_MINUTE_SUM),
                "A graceful termination execution hit the state machine timeout.");
        atLeastOne("ExecutionsAborted", stateMachine.metricAborted(FIVE_MINUTE_SUM),
                "A graceful termination execution was aborted (stopped by hand?).");
        Alarm.Builder.create(this, "DeadLetterQueueNotEmpty")
                .alarmDescription("Lifecycle messages could not be handed to the workflow: they wait in the "
                        + "dead-letter queue. Inspect them, then replay with aws stepfunctions start-execution.")
                .metric(deadLetterQueue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Maximum").build()))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    private void atLeastOne(String id, IMetric metric, String description) {
        Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }
}
