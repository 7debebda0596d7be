package dev.gracefulworker.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatePathTest {

    private static final WorkflowDefinition DEFINITION = WorkflowDefinition.parse("""
            {"StartAt": "Go", "States": {
              "Go": {"Type": "Pass", "Next": "Work"},
              "Work": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:111122223333:function:work:live", "Next": "Done?"},
              "Done?": {"Type": "Choice", "Choices": [{"Variable": "$.done", "BooleanEquals": true, "Next": "End"}],
                        "Default": "Pause"},
              "Pause": {"Type": "Wait", "Seconds": 5, "Next": "Work"},
              "Integration": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "End"},
              "Other": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Next": "End"},
              "End": {"Type": "Succeed"}}}""");

    @Test
    void path_countsOneTransitionPerStateAndItsLambdaTasks() {
        StatePath path = StatePath.through(DEFINITION, List.of("Go", "Work", "Done?", "End"));

        assertThat(path.transitions()).isEqualTo(4);
        assertThat(path.lambdaInvocations()).isEqualTo(1);
        assertThat(path.historyEvents()).isEqualTo(2 + 5 + 2 + 2);
    }

    @Test
    void lambdaInvokeIntegration_countsAsALambdaTask() {
        assertThat(StatePath.through(DEFINITION, List.of("Integration", "End")).lambdaInvocations()).isEqualTo(1);
    }

    @Test
    void loop_mustLeadBackToItsFirstState() {
        assertThat(StatePath.loop(DEFINITION, List.of("Pause", "Work", "Done?")).transitions()).isEqualTo(3);
        assertThatThrownBy(() -> StatePath.loop(DEFINITION, List.of("Work", "Done?")))
                .hasMessageContaining("'Done?' -> 'Work'");
    }

    @Test
    void stepTheDefinitionDoesNotAllow_isRejected() {
        assertThatThrownBy(() -> StatePath.through(DEFINITION, List.of("Go", "End")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no transition 'Go' -> 'End'");
    }

    @Test
    void unknownState_isRejectedByName() {
        assertThatThrownBy(() -> StatePath.through(DEFINITION, List.of("Go", "Nowhere")))
                .hasMessageContaining("no state named 'Nowhere'");
    }

    @Test
    void serviceIntegrationTask_writesATasksEvents_butInvokesNoLambda() {
        StatePath path = StatePath.through(DEFINITION, List.of("Other", "End"));

        assertThat(path.historyEvents()).isEqualTo(5 + 2);
        assertThat(path.lambdaInvocations()).isZero();
    }
}
