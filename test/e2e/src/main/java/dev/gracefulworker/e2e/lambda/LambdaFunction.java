package dev.gracefulworker.e2e.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.UUID;

/**
 * One deployed function: a handler instance (built once, like a warm container) called the way the Java runtime calls
 * it (see {@link EntryPoint}); a thrown exception becomes the runtime's error document.
 */
public final class LambdaFunction {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final EntryPoint entryPoint;

    private LambdaFunction(String name, EntryPoint entryPoint) {
        this.name = name;
        this.entryPoint = entryPoint;
    }

    /**
     * A function named {@code name} (e.g. {@code gwt-check-pods}) served by {@code handler}: a RequestStreamHandler or
     * a RequestHandler with concrete types.
     */
    public static LambdaFunction of(String name, Object handler) {
        Objects.requireNonNull(name, "name");
        return new LambdaFunction(name, EntryPoint.of(handler));
    }

    /** The function's name (without ARN or alias). */
    public String name() {
        return name;
    }

    /** Runs the handler once on the JSON event, as one synchronous invocation. */
    public InvocationOutcome invoke(byte[] event) {
        byte[] response;
        try {
            response = entryPoint.handle(event, new LocalLambdaContext(name, UUID.randomUUID().toString()));
        } catch (IOException | RuntimeException | Error thrown) {
            return raised(thrown);
        }
        return new InvocationOutcome.Returned(readTree(response));
    }

    private static InvocationOutcome.Raised raised(Throwable thrown) {
        String errorType = thrown.getClass().getName();
        String errorMessage = Objects.requireNonNullElse(thrown.getMessage(), "");
        return new InvocationOutcome.Raised(errorType, errorMessage, errorDocument(thrown));
    }

    /** {@code {errorMessage, errorType, stackTrace, cause}} as the Java runtime reports an unhandled exception. */
    private static ObjectNode errorDocument(Throwable thrown) {
        ObjectNode document = JSON.createObjectNode();
        document.put("errorMessage", thrown.getMessage());
        document.put("errorType", thrown.getClass().getName());
        ArrayNode stackTrace = document.putArray("stackTrace");
        for (StackTraceElement element : thrown.getStackTrace()) {
            stackTrace.add(element.toString());
        }
        if (thrown.getCause() != null && thrown.getCause() != thrown) {
            document.set("cause", errorDocument(thrown.getCause()));
        }
        return document;
    }

    /** A handler that returns nothing answers with the payload {@code null}, as Lambda does. */
    private static JsonNode readTree(byte[] json) {
        if (json.length == 0) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the runtime serializer wrote invalid JSON", e);
        }
    }
}
