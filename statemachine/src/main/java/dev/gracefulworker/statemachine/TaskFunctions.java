package dev.gracefulworker.statemachine;

import dev.gracefulworker.contract.WorkflowFunction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

import java.util.EnumMap;
import java.util.Map;

/**
 * The Lambda functions behind the workflow's tasks, one for each of {@link WorkflowFunction#tasks()}; the state
 * machine invokes exactly these (use an alias or a version when SnapStart is on).
 */
public final class TaskFunctions {

    private final Map<WorkflowFunction, IFunction> functions;

    /** @throws IllegalArgumentException naming the task functions that are missing, or the starter if given */
    public TaskFunctions(Map<WorkflowFunction, IFunction> functions) {
        var missing = WorkflowFunction.tasks().stream().filter(task -> functions.get(task) == null).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The workflow needs a function for each task; missing: " + missing);
        }
        if (functions.containsKey(WorkflowFunction.START_WORKFLOW)) {
            throw new IllegalArgumentException("The starter is not a task of the state machine: leave it out");
        }
        this.functions = new EnumMap<>(functions);
    }

    /** The function of a task. */
    public IFunction get(WorkflowFunction task) {
        return functions.get(task);
    }

    /** Imported functions named by their {@link WorkflowFunction#placeholderArn() placeholder ARNs}, for the export and tests. */
    public static TaskFunctions placeholders(Construct scope) {
        var functions = new EnumMap<WorkflowFunction, IFunction>(WorkflowFunction.class);
        for (WorkflowFunction task : WorkflowFunction.tasks()) {
            functions.put(task, Function.fromFunctionArn(scope, task.placeholderName(), task.placeholderArn()));
        }
        return new TaskFunctions(functions);
    }
}
