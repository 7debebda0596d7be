package dev.gracefulworker.statemachine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

import java.util.ArrayList;
import java.util.function.Function;

/**
 * The workflow's Amazon States Language definition as a file: synthesized from the construct with the deployed
 * defaults and {@link TaskFunction#placeholderArn() placeholder} Lambda ARNs, so it runs locally (aws-local-stepfunctions)
 * and reads well in a review.
 */
public final class ExportedDefinition {

    /** The checked-in file, in the statemachine folder. */
    public static final String FILE_NAME = "graceful-worker-terminator.asl.json";
    /** The command that rewrites the checked-in file, from the repository root. */
    public static final String REGENERATE_COMMAND = "./mvnw -q -B -pl statemachine -am compile exec:java@export-definition";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE_MACHINE_TYPE = "AWS::StepFunctions::StateMachine";

    private ExportedDefinition() {
    }

    /** A fresh synth of the definition with the deployed defaults and placeholder functions. */
    public static JsonNode synthesize() {
        var app = new App();
        var stack = new Stack(app, "ExportedDefinition");
        new GracefulTerminationWorkflow(stack, "Workflow", GracefulTerminationWorkflowProps.builder()
                .functions(TaskFunctions.placeholders(stack))
                .build());
        Object template = app.synth().getStackArtifact(stack.getArtifactId()).getTemplate();
        return definitionOf(JSON.valueToTree(template), ExportedDefinition::partitionOnly);
    }

    /**
     * The definition of the one state machine in a synthesized template. CDK writes {@code DefinitionString} as a
     * plain string, or as {@code Fn::Join} when the definition embeds deploy-time values (function ARNs of the same
     * stack); each such value is replaced by what {@code resolveToken} returns for it.
     *
     * @param template     a CloudFormation template
     * @param resolveToken the text for a non-string part of the join, such as {@code {"Ref": "CheckPodsAlias"}}
     */
    public static JsonNode definitionOf(JsonNode template, Function<JsonNode, String> resolveToken) {
        var definitions = new ArrayList<JsonNode>();
        template.path("Resources").forEach(resource -> {
            if (STATE_MACHINE_TYPE.equals(resource.path("Type").asText())) {
                definitions.add(resource.path("Properties").path("DefinitionString"));
            }
        });
        if (definitions.size() != 1) {
            throw new IllegalArgumentException("Expected one " + STATE_MACHINE_TYPE + " in the template, found "
                    + definitions.size());
        }
        return parse(joined(definitions.getFirst(), resolveToken));
    }

    /**
     * The one deploy-time value the exported definition may hold: the partition in the AWS SDK integrations'
     * {@code arn:<partition>:states:::aws-sdk:...} resources, exported for the commercial partition.
     */
    public static String partitionOnly(JsonNode token) {
        if ("AWS::Partition".equals(token.path("Ref").asText())) {
            return "aws";
        }
        throw new IllegalStateException("The exported definition must not depend on deploy-time values, found " + token);
    }

    /** The definition as the checked-in file holds it: two-space indent, fields in definition order, final newline. */
    public static String render(JsonNode definition) {
        var printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(definition) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not render the definition", e);
        }
    }

    private static String joined(JsonNode definitionString, Function<JsonNode, String> resolveToken) {
        if (definitionString.isTextual()) {
            return definitionString.asText();
        }
        JsonNode join = definitionString.path("Fn::Join");
        if (!join.isArray() || join.size() != 2) {
            throw new IllegalArgumentException("DefinitionString is neither a string nor Fn::Join: " + definitionString);
        }
        var text = new StringBuilder();
        for (JsonNode part : join.get(1)) {
            text.append(part.isTextual() ? part.asText() : resolveToken.apply(part));
        }
        return text.toString();
    }

    private static JsonNode parse(String definition) {
        try {
            return JSON.readTree(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("DefinitionString is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
