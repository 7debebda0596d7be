package dev.gracefulworker.e2e.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs executions of a definition with aws-local-stepfunctions: one Node process per execution runs the script
 * {@code run-execution.mjs}, whose Task states invoke their Lambda ARNs on the local Lambda endpoint. Events are
 * handed to the caller as they happen.
 */
public final class StepFunctionsInterpreter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROCESS_LIMIT_MINUTES = 10;

    private final Path node;
    private final Path script;
    private final URI lambdaEndpoint;
    private final URI serviceIntegrationsEndpoint;

    /**
     * @param node           the Node 22 binary (aws-local-stepfunctions 3 needs {@code Promise.withResolvers})
     * @param script         {@code run-execution.mjs}
     * @param lambdaEndpoint where Task states' Lambda invocations go
     * @param serviceIntegrationsEndpoint where AWS SDK integration tasks go ({@link ServiceIntegrations})
     */
    public StepFunctionsInterpreter(Path node, Path script, URI lambdaEndpoint, URI serviceIntegrationsEndpoint) {
        this.node = requireFile(node, "the Node 22 binary (run test/install-node-tools, which the build runs first)");
        this.script = requireFile(script, "the interpreter script");
        this.lambdaEndpoint = lambdaEndpoint;
        this.serviceIntegrationsEndpoint = serviceIntegrationsEndpoint;
    }

    /** Runs one execution to its end, calling {@code onEvent} for each event as it arrives. */
    public ExecutionResult run(ExecutionRequest request, Consumer<ExecutionEvent> onEvent) {
        Path errors = temporaryFile();
        Process process = start(request, errors);
        // a process that stops talking would block the reader forever: it is ended after the limit
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(process::destroyForcibly,
                CompletableFuture.delayedExecutor(PROCESS_LIMIT_MINUTES, TimeUnit.MINUTES));
        List<ExecutionEvent> events = new ArrayList<>();
        JsonNode result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode json = JSON.readTree(line);
                if ("ExecutionResult".equals(json.path("type").asText())) {
                    result = json;
                } else {
                    ExecutionEvent event = ExecutionEvent.fromJson(json);
                    events.add(event);
                    onEvent.accept(event);
                }
            }
            awaitExit(process);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the interpreter's events", e);
        } finally {
            watchdog.cancel(false);
            process.destroy();
        }
        String errorOutput = readAndDelete(errors);
        if (result == null) {
            throw new IllegalStateException("the interpreter ended without a result: " + errorOutput);
        }
        return new ExecutionResult(request.executionName(), ExecutionStatus.valueOf(result.path("status").asText()),
                result.get("output"), textOrNull(result.get("error")), ExecutionEvent.text(result.get("cause")), events);
    }

    private Process start(ExecutionRequest request, Path errors) {
        // standard error goes to a file, so a chatty process can never block on a full pipe
        ProcessBuilder builder = new ProcessBuilder(node.toString(), script.toString())
                .redirectError(errors.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("AWS_"));
        environment.put("AWS_ENDPOINT_URL_LAMBDA", lambdaEndpoint.toString());
        environment.put("GWT_SERVICE_INTEGRATIONS_URL", serviceIntegrationsEndpoint.toString());
        environment.put("AWS_REGION", request.region());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_CONFIG_FILE", "/dev/null");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        try {
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(requestDocument(request)));
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + node + " " + script, e);
        }
    }

    private static ObjectNode requestDocument(ExecutionRequest request) {
        ObjectNode document = JSON.createObjectNode();
        document.put("definitionPath", request.definition().toAbsolutePath().toString());
        document.set("input", request.input());
        document.put("executionName", request.executionName());
        document.put("executionArn", request.executionArn());
        document.put("stateMachineArn", request.stateMachineArn());
        document.put("startTime", request.startTime().toString());
        document.put("region", request.region());
        if (request.sharedClockWaits() != null) {
            document.put("sharedClockWaits", request.sharedClockWaits().toString());
            document.put("taskTimeoutStretch", request.taskTimeoutStretch());
        } else {
            document.put("waitMillis", request.waitPause().toMillis());
            document.put("retryMillis", request.retryPause().toMillis());
        }
        return document;
    }

    private static void awaitExit(Process process) {
        try {
            if (!process.waitFor(PROCESS_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the interpreter did not exit within " + PROCESS_LIMIT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the interpreter", e);
        }
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("interpreter-", ".stderr");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAndDelete(Path file) {
        try {
            String text = Files.readString(file);
            Files.delete(file);
            return text;
        } catch (IOException e) {
            return "(standard error unreadable: " + e.getMessage() + ")";
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Path requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing " + what + ": " + file);
        }
        return file;
    }
}
