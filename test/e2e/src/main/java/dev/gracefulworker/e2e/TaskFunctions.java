package dev.gracefulworker.e2e;

import dev.gracefulworker.contract.WorkflowFunction;
import dev.gracefulworker.e2e.lambda.LambdaFunction;
import dev.gracefulworker.functions.Wiring;

import java.util.Arrays;
import java.util.List;

/**
 * The deployed functions by the names the exported definition invokes ({@code …:function:gwt-check-pods:live}), each
 * served by the real handler class the stack deploys (the contract's {@link WorkflowFunction} list), built once
 * through one {@link Wiring} like a warm Lambda container.
 */
public final class TaskFunctions {

    public static final String START_WORKFLOW = WorkflowFunction.START_WORKFLOW.placeholderName();
    public static final String CHECK_PODS = WorkflowFunction.CHECK_PODS.placeholderName();

    private TaskFunctions() {
    }

    /** Every function of the stack: the starter (SNS subscriber) and the task functions of the state machine. */
    public static List<LambdaFunction> wiredWith(Wiring wiring) {
        return Arrays.stream(WorkflowFunction.values())
                .map(function -> LambdaFunction.of(function.placeholderName(), handler(function, wiring)))
                .toList();
    }

    private static Object handler(WorkflowFunction function, Wiring wiring) {
        try {
            return Class.forName(function.handlerClass()).getConstructor(Wiring.class).newInstance(wiring);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + function.handlerClass() + " the way Lambda would", e);
        }
    }
}
