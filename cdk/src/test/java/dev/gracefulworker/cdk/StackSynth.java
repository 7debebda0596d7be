package dev.gracefulworker.cdk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.statemachine.ExportedDefinition;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The app's stack synthesized as {@code cdk synth} would (cdk.json's context and feature flags, plus the given
 * {@code -c} values), against a placeholder functions jar.
 */
record StackSynth(GracefulWorkerTerminatorStack stack, Template template) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static StackSynth of(Map<String, Object> commandLineContext) {
        return of(commandLineContext, false);
    }

    static StackSynth withNag(Map<String, Object> commandLineContext) {
        return of(commandLineContext, true);
    }

    private static StackSynth of(Map<String, Object> commandLineContext, boolean nag) {
        var context = new LinkedHashMap<>(cdkJsonContext());
        context.putAll(commandLineContext);
        if (nag) {
            // findings stay annotations to list, instead of failing the synth in the validation report
            context.put("@aws-cdk/core:annotationsInValidationReport", false);
        }
        var app = App.Builder.create().context(context).build();
        if (nag) {
            Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        }
        var config = DeploymentConfig.from(key -> app.getNode().tryGetContext(key));
        var stack = new GracefulWorkerTerminatorStack(app, GracefulWorkerTerminatorApp.STACK_NAME,
                StackProps.builder().build(), config, placeholderJar());
        return new StackSynth(stack, Template.fromStack(stack));
    }

    static Map<String, Object> cdkJsonContext() {
        try {
            JsonNode cdkJson = JSON.readTree(Path.of(System.getProperty("cdk.json", "../cdk.json")).toFile());
            return JSON.convertValue(cdkJson.path("context"), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tiny jar standing in for the functions jar: the template only needs an asset. */
    static Path placeholderJar() {
        Path jar = Path.of("target", "test-assets", "placeholder-functions.jar").toAbsolutePath();
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        try {
            Files.createDirectories(jar.getParent());
            try (var zip = new ZipOutputStream(Files.newOutputStream(jar))) {
                zip.putNextEntry(new ZipEntry("placeholder.txt"));
                zip.write("stands in for graceful-worker-terminator-functions.jar in the stack tests".getBytes());
                zip.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode templateJson() {
        return JSON.valueToTree(template.toJSON());
    }

    /** The logical id of the one resource of {@code type} whose logical id starts with {@code prefix}. */
    String logicalId(String type, String prefix) {
        var ids = new java.util.ArrayList<String>();
        templateJson().path("Resources").properties().forEach(entry -> {
            if (entry.getKey().startsWith(prefix) && entry.getValue().path("Type").asText().equals(type)) {
                ids.add(entry.getKey());
            }
        });
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + " named " + prefix + "*, found " + ids);
        }
        return ids.getFirst();
    }

    /** The state machine definition, each function alias replaced by the name of its handler's construct. */
    JsonNode definition() {
        JsonNode resources = templateJson().path("Resources");
        return ExportedDefinition.definitionOf(templateJson(), token -> {
            if ("AWS::Partition".equals(token.path("Ref").asText())) {
                return ExportedDefinition.partitionOnly(token);
            }
            String logicalId = token.path("Ref").asText();
            JsonNode resource = resources.path(logicalId);
            if (!resource.path("Type").asText().equals("AWS::Lambda::Alias")) {
                throw new AssertionError("unexpected token in the definition: " + token);
            }
            return "alias:" + logicalId;
        });
    }
}
