package dev.gracefulworker.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.contract.WorkflowFunction;
import dev.gracefulworker.functions.start.StartWorkflowHandler;
import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every handler of the stack registers priming steps that run before a snapshot without calling any endpoint. */
class PrimingTest {

    @RegisterExtension
    final EmulatedWorlds worlds = new EmulatedWorlds();
    private Emulated world;

    @BeforeEach
    void start() {
        world = worlds.start("nodes: []");
        world.aws.stepFunctions().addStateMachine(Emulated.STATE_MACHINE_ARN);
    }

    @ParameterizedTest
    @EnumSource(WorkflowFunction.class)
    void beforeCheckpoint_runsEveryStepWithoutCallingOut(WorkflowFunction function) throws Exception {
        Object handler = Class.forName(function.handlerClass()).getConstructor(Wiring.class).newInstance(world.wiring());
        Priming priming = primingOf(handler);
        int kubeRequests = world.kube.requests().size();
        int awsCalls = world.aws.calls().size();

        priming.beforeCheckpoint(null);

        assertThat(priming.completedSteps()).isNotEmpty().isEqualTo(priming.steps());
        assertThat(world.kube.requests()).hasSize(kubeRequests);
        assertThat(world.aws.calls()).hasSize(awsCalls);
    }

    private static Priming primingOf(Object handler) {
        return switch (handler) {
            case JsonTaskHandler<?, ?> task -> task.priming();
            case StartWorkflowHandler starter -> starter.priming();
            default -> throw new AssertionError(handler.getClass() + " is neither a task handler nor the starter");
        };
    }
}
