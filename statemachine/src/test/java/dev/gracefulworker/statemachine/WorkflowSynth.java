package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gracefulworker.contract.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

import java.util.function.UnaryOperator;

/** One workflow in a bare stack with placeholder functions, synthesized: the template and its parsed definition. */
record WorkflowSynth(Stack stack, Template template, JsonNode definition) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static WorkflowSynth of(UnaryOperator<GracefulTerminationWorkflowProps.Builder> customize) {
        var stack = new Stack(new App(), "TestStack");
        new GracefulTerminationWorkflow(stack, "Workflow",
                customize.apply(GracefulTerminationWorkflowProps.builder().functions(TaskFunctions.placeholders(stack)))
                        .build());
        var template = Template.fromStack(stack);
        return new WorkflowSynth(stack, template, definitionOf(template));
    }

    static WorkflowSynth withSettings(Settings settings) {
        return of(props -> props.settings(settings));
    }

    static JsonNode definitionOf(Template template) {
        return ExportedDefinition.definitionOf(JSON.valueToTree(template.toJSON()), ExportedDefinition::partitionOnly);
    }

    JsonNode state(String name) {
        JsonNode state = definition.path("States").path(name);
        if (state.isMissingNode()) {
            throw new AssertionError("no state named '" + name + "' in the definition");
        }
        return state;
    }
}
