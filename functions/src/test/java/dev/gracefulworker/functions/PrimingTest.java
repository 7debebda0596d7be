package dev.gracefulworker.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gracefulworker.functions.support.Emulated;
import dev.gracefulworker.functions.support.EmulatedWorlds;
import java.lang.reflect.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every handler registers priming steps that run before a snapshot without calling any endpoint. */
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
    @ValueSource(strings = {
            "dev.gracefulworker.functions.start.StartWorkflowHandler",
            "dev.gracefulworker.functions.settings.ApplySettingsOverridesHandler",
            "dev.gracefulworker.functions.liveness.CheckLivenessHandler",
            "dev.gracefulworker.functions.cordon.CordonNodeHandler",
            "dev.gracefulworker.functions.pods.CheckPodsHandler",
            "dev.gracefulworker.functions.lifecycle.CompleteLifecycleActionHandler"})
    void beforeCheckpoint_runsEveryStepWithoutCallingOut(String handlerClass) throws Exception {
        Object handler = Class.forName(handlerClass).getConstructor(Wiring.class).newInstance(world.wiring());
        Priming priming = primingOf(handler);
        int kubeRequests = world.kube.requests().size();
        int awsCalls = world.aws.calls().size();

        priming.beforeCheckpoint(null);

        assertThat(priming.completedSteps()).isNotEmpty().isEqualTo(priming.steps());
        assertThat(world.kube.requests()).hasSize(kubeRequests);
        assertThat(world.aws.calls()).hasSize(awsCalls);
    }

    private static Priming primingOf(Object handler) throws ReflectiveOperationException {
        Field field = handler.getClass().getDeclaredField("priming");
        field.setAccessible(true);
        return (Priming) field.get(handler);
    }
}
