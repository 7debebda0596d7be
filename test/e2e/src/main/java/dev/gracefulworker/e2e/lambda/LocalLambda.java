package dev.gracefulworker.e2e.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Lambda Invoke API on loopback ({@code POST /2015-03-31/functions/{name}/invocations}), serving local functions
 * by name. A Step Functions interpreter using the AWS SDK reaches it through {@code AWS_ENDPOINT_URL_LAMBDA}; the
 * function name may be a bare name, a name with an alias, or a full ARN.
 */
public final class LocalLambda implements AutoCloseable {

    /** Lambda retries a failed asynchronous invocation twice before giving up on the event. */
    public static final int ASYNC_ATTEMPTS = 3;

    private static final Pattern INVOKE_PATH = Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, LambdaFunction> functions;
    private final LambdaFaults faults;
    private final HttpServer server;
    private final ExecutorService requestThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final List<Consumer<Invocation>> listeners = new CopyOnWriteArrayList<>();

    private LocalLambda(Map<String, LambdaFunction> functions, LambdaFaults faults, HttpServer server) {
        this.functions = functions;
        this.faults = faults;
        this.server = server;
    }

    /** Starts the endpoint on 127.0.0.1 on a free port. */
    public static LocalLambda start(List<LambdaFunction> functions) {
        return start(functions, LambdaFaults.none(java.time.Clock.systemUTC()));
    }

    /** Starts the endpoint on 127.0.0.1 on a free port, failing invocations as {@code faults} script. */
    public static LocalLambda start(List<LambdaFunction> functions, LambdaFaults faults) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalLambda lambda = new LocalLambda(
                    functions.stream().collect(Collectors.toUnmodifiableMap(LambdaFunction::name, f -> f)), faults, server);
            server.createContext("/", lambda::handle);
            server.setExecutor(lambda.requestThreads);
            server.start();
            return lambda;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the local Lambda endpoint on 127.0.0.1", e);
        }
    }

    /** The endpoint URL, for {@code AWS_ENDPOINT_URL_LAMBDA}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Calls {@code listener} after every invocation (synchronous or asynchronous), before its response is sent. */
    public void onInvocation(Consumer<Invocation> listener) {
        listeners.add(listener);
    }

    /** One synchronous invocation ({@code RequestResponse}), as the Invoke API would run it. */
    public InvocationOutcome invoke(String functionNameOrArn, JsonNode event) {
        String name = functionName(functionNameOrArn);
        LambdaFunction function = functions.get(name);
        if (function == null) {
            throw new IllegalArgumentException("Function not found: " + functionNameOrArn);
        }
        long started = System.nanoTime();
        InvocationOutcome outcome = faults.take(name)
                .<InvocationOutcome>map(kind -> new InvocationOutcome.Raised(kind.errorType(), kind.message(),
                        JSON.createObjectNode().put("errorType", kind.errorType()).put("errorMessage", kind.message())))
                .orElseGet(() -> function.invoke(bytes(event)));
        Invocation invocation = new Invocation(name, event, outcome,
                java.time.Duration.ofNanos(System.nanoTime() - started));
        invocations.add(invocation);
        listeners.forEach(listener -> listener.accept(invocation));
        return outcome;
    }

    /**
     * One asynchronous invocation ({@code Event}), as Lambda runs it for an SNS subscription: up to
     * {@value #ASYNC_ATTEMPTS} attempts while the function fails, then the event goes to the dead-letter queue. The
     * attempts run now, back to back (Lambda spaces them by minutes): the caller sees the end state deterministically.
     */
    public AsyncDelivery invokeAsync(String functionNameOrArn, JsonNode event) {
        InvocationOutcome last = null;
        for (int attempt = 1; attempt <= ASYNC_ATTEMPTS; attempt++) {
            last = invoke(functionNameOrArn, event);
            if (last instanceof InvocationOutcome.Returned) {
                return new AsyncDelivery(attempt, last);
            }
        }
        InvocationOutcome.Raised failure = (InvocationOutcome.Raised) last;
        deadLetters.add(new DeadLetter(functionName(functionNameOrArn), event, failure.errorType(), failure.errorMessage()));
        return new AsyncDelivery(ASYNC_ATTEMPTS, last);
    }

    /** Every invocation so far, in order. */
    public List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    /** Events whose asynchronous invocation failed every attempt (the function's dead-letter queue). */
    public List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
    }

    /** Where an asynchronous invocation ended: the number of attempts made and the last attempt's outcome. */
    public record AsyncDelivery(int attempts, InvocationOutcome lastOutcome) {
    }

    /** An event Lambda gave up on, with the error of its last attempt. */
    public record DeadLetter(String functionName, JsonNode event, String errorType, String errorMessage) {
    }

    /** {@code gwt-check-pods}, {@code gwt-check-pods:live} and {@code arn:aws:lambda:…:function:gwt-check-pods:live} name the same function. */
    public static String functionName(String nameOrArn) {
        String[] parts = nameOrArn.split(":");
        if (nameOrArn.startsWith("arn:") && parts.length >= 7) {
            return parts[6];
        }
        int function = List.of(parts).indexOf("function");
        return function >= 0 && function + 1 < parts.length ? parts[function + 1] : parts[0];
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher matcher = INVOKE_PATH.matcher(exchange.getRequestURI().getRawPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !matcher.matches()) {
                sendError(exchange, 404, "UnknownOperationException", "Unknown operation " + exchange.getRequestURI());
                return;
            }
            String nameOrArn = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
            if (!functions.containsKey(functionName(nameOrArn))) {
                sendError(exchange, 404, "ResourceNotFoundException", "Function not found: " + nameOrArn);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode event = body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
            InvocationOutcome outcome;
            try {
                outcome = invoke(nameOrArn, event);
            } catch (RuntimeException e) {
                // the handler's own failures are outcomes; this is the endpoint failing, as Lambda's service errors are
                sendError(exchange, 500, "ServiceException", "local Lambda failed: " + e);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "1");
            if (outcome instanceof InvocationOutcome.Raised) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            }
            send(exchange, 200, bytes(outcome.payload()));
        }
    }

    private static void sendError(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("Type", "User").put("message", message);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        send(exchange, status, bytes(body));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
