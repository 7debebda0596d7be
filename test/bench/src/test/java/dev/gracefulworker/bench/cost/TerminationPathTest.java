package dev.gracefulworker.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TerminationPathTest {

    private final WorkflowDefinition definition = ExportedDefinition.load();

    @Test
    void pollIteration_isWaitCheckChoice_threeTransitionsOneInvocationNineEvents() {
        TerminationPath path = TerminationPath.drained(definition, false);

        StatePath loop = path.pollIteration();

        assertThat(loop.states()).extracting(WorkflowDefinition.State::type).containsExactly("Wait", "Task", "Choice");
        assertThat(loop.transitions()).isEqualTo(3);
        assertThat(loop.lambdaInvocations()).isEqualTo(1);
        assertThat(loop.historyEvents()).isEqualTo(9);
    }

    @Test
    void terminationWithoutWait_runsThirteenStatesAndFourLambdaTasks() {
        TerminationPath path = TerminationPath.drained(definition, false);

        assertThat(path.transitions(0)).isEqualTo(13);
        assertThat(path.lambdaInvocations(0)).isEqualTo(4);
        assertThat(path.pollInvocations(0)).isEqualTo(1);
        // execution 2 + Choice 2 + Pass 2 + Pass 2 + Choice 2 + Task 5 + Choice 2 + heartbeat Task 5 + Task 5
        // + Task 5 + Choice 2 + Task 5 + Pass 2 + Succeed 2
        assertThat(path.historyEvents(0)).isEqualTo(43);
    }

    @Test
    void perGroupOverrides_addOneTask() {
        TerminationPath path = TerminationPath.drained(definition, true);

        assertThat(path.transitions(0)).isEqualTo(14);
        assertThat(path.lambdaInvocations(0)).isEqualTo(5);
        assertThat(path.historyEvents(0)).isEqualTo(48);
    }

    @Test
    void eachIteration_addsItsTransitionsInvocationsAndEvents() {
        TerminationPath path = TerminationPath.drained(definition, false);

        assertThat(path.transitions(10)).isEqualTo(13 + 30);
        assertThat(path.lambdaInvocations(10)).isEqualTo(4 + 10);
        assertThat(path.pollInvocations(10)).isEqualTo(11);
        assertThat(path.historyEvents(10)).isEqualTo(43 + 90);
    }

    @Test
    void definitionWithoutThePollLoop_isRejectedNamingTheMissingStep() {
        WorkflowDefinition broken = ExportedDefinition.withWaitGoingTo("Done");

        assertThatThrownBy(() -> TerminationPath.drained(broken, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Wait before next check' -> 'Check pods'");
    }
}
