package dev.gracefulworker.e2e.interpreter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.e2e.RepoLayout;
import dev.gracefulworker.statemachine.WorkflowStates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the runner reads from the exported definition itself. */
class WorkflowDefinitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WorkflowDefinition definition = WorkflowDefinition.read(RepoLayout.locate().exportedDefinition());

    @Test
    void waitBeforeNextCheck_lastsTheSecondsTheLastPollAskedFor() throws Exception {
        var input = JSON.readTree("{\"poll\": {\"nextWaitSeconds\": 45}}");

        assertThat(definition.nominalWaitSeconds(WorkflowStates.WAIT_BEFORE_NEXT_CHECK, input)).hasValue(45);
    }

    @Test
    void tasks_writeTheirResultsWhereTheContractSays() {
        assertThat(definition.resultPointer(WorkflowStates.CHECK_PODS)).contains("/poll");
        assertThat(definition.resultPointer(WorkflowStates.CHECK_INSTANCE_AND_NODE)).contains("/target");
        assertThat(definition.resultPointer(WorkflowStates.REPORT_OUTCOME)).isEmpty();
        assertThat(definition.typeOf(WorkflowStates.DONE_WAITING)).isEqualTo("Choice");
    }

    @Test
    void deployedSettings_areTheResultOfTheirPassState() {
        assertThat(definition.passResult(WorkflowStates.LOAD_DEPLOYED_SETTINGS)).hasValueSatisfying(settings ->
                assertThat(settings.path("heartbeatTimeoutSeconds").isInt()).isTrue());
    }
}
