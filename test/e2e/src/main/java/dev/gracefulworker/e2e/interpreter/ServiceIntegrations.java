package dev.gracefulworker.e2e.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gracefulworker.e2e.LoopbackHttp;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.CompleteLifecycleActionRequest;
import software.amazon.awssdk.services.autoscaling.model.RecordLifecycleActionHeartbeatRequest;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/**
 * What Step Functions does for an AWS SDK integration task ({@code arn:aws:states:::aws-sdk:autoscaling:<action>}),
 * on loopback for the local interpreter: the task's parameters (PascalCase) become a call of the real AWS SDK client
 * against the local AWS endpoint; an error comes back named as Step Functions names it, {@code AutoScaling.<Code>}
 * with the {@code Exception} suffix ("Learning to use AWS service SDK integrations"), so Retry and Catch match as on
 * AWS. {@code POST /<service>/<action>} with {@code {"parameters": {...}, "followingWaitSeconds": n}}.
 */
public final class ServiceIntegrations implements AutoCloseable {

    /** One call made, for the run's report and the tests. */
    public record Call(String service, String action, JsonNode parameters, String error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SUPPORTED = List.of("autoscaling/recordLifecycleActionHeartbeat",
            "autoscaling/completeLifecycleAction");

    private final AutoScalingClient autoScaling;
    private final IntConsumer beforeFollowingWait;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /**
     * @param autoScaling         the real SDK client, pointed at the local AWS endpoint
     * @param beforeFollowingWait told the seconds of the Wait state that follows a call, if one does (the scenario
     *                            clock moves by them, as the interpreter's own pause is shortened)
     */
    public ServiceIntegrations(AutoScalingClient autoScaling, IntConsumer beforeFollowingWait) {
        this.autoScaling = autoScaling;
        this.beforeFollowingWait = beforeFollowingWait;
        this.server = LoopbackHttp.serve("the service integration endpoint", "/", this::handle, threads);
    }

    /** Where the interpreter sends SDK integration tasks. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every call so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestURI().getPath().substring(1);
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            JsonNode parameters = request.path("parameters");
            ObjectNode answer;
            String error = null;
            if (!SUPPORTED.contains(target)) {
                error = "States.Runtime";
                answer = failure(error, "the local runner does not integrate " + target + " (only " + SUPPORTED + ")");
            } else {
                try {
                    call(target, parameters);
                    answer = JSON.createObjectNode();
                } catch (AwsServiceException e) {
                    error = errorName(e);
                    answer = failure(error, e.awsErrorDetails().errorMessage());
                }
            }
            String[] parts = target.split("/", 2);
            calls.add(new Call(parts[0], parts.length > 1 ? parts[1] : "", parameters, error));
            if (error == null && request.path("followingWaitSeconds").canConvertToInt()) {
                beforeFollowingWait.accept(request.path("followingWaitSeconds").asInt());
            }
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(error == null ? 200 : 400, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void call(String target, JsonNode parameters) {
        switch (target) {
            case "autoscaling/recordLifecycleActionHeartbeat" -> autoScaling.recordLifecycleActionHeartbeat(
                    RecordLifecycleActionHeartbeatRequest.builder()
                            .autoScalingGroupName(text(parameters, "AutoScalingGroupName"))
                            .lifecycleHookName(text(parameters, "LifecycleHookName"))
                            .lifecycleActionToken(text(parameters, "LifecycleActionToken"))
                            .instanceId(text(parameters, "InstanceId"))
                            .build());
            case "autoscaling/completeLifecycleAction" -> autoScaling.completeLifecycleAction(
                    CompleteLifecycleActionRequest.builder()
                            .autoScalingGroupName(text(parameters, "AutoScalingGroupName"))
                            .lifecycleHookName(text(parameters, "LifecycleHookName"))
                            .lifecycleActionToken(text(parameters, "LifecycleActionToken"))
                            .instanceId(text(parameters, "InstanceId"))
                            .lifecycleActionResult(text(parameters, "LifecycleActionResult"))
                            .build());
            default -> throw new IllegalArgumentException(target);
        }
    }

    /** {@code AutoScaling.ValidationErrorException} for Auto Scaling's {@code ValidationError}, as Step Functions names it. */
    static String errorName(AwsServiceException e) {
        String code = e.awsErrorDetails().errorCode();
        return "AutoScaling." + code + (code.endsWith("Exception") ? "" : "Exception");
    }

    private static ObjectNode failure(String error, String cause) {
        return JSON.createObjectNode().put("error", error).put("cause", cause);
    }

    private static String text(JsonNode parameters, String name) {
        JsonNode value = parameters.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
