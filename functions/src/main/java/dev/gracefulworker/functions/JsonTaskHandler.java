package dev.gracefulworker.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.gracefulworker.functions.observability.Invocation;
import dev.gracefulworker.functions.observability.MetricsRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A task handler with typed records in and out. The Lambda runtime's own serializer cannot construct records (it
 * turns off creator detection and ignores our annotations) and leaves null fields out, so in Lambda the runtime is
 * given the stream interface (it prefers it when the handler is named by class) and the records are read and
 * written here with the functions' own Jackson, nulls included. In-process callers use the typed method.
 *
 * <p>What every task does around its work lives here once: the invocation (log keys, metrics flushed at the end)
 * and the SnapStart priming. A subclass builds its domain service, calls {@link #prime} last in its constructor,
 * and implements {@link #logKeys} and {@link #handle}.
 */
public abstract class JsonTaskHandler<I, O> implements RequestHandler<I, O>, RequestStreamHandler {

    private final Class<I> inputType;
    private final Invocation invocation;
    // CRaC holds resources weakly: the handler keeps its Priming alive
    private Priming priming;

    protected JsonTaskHandler(Class<I> inputType, MetricsRecorder metrics) {
        this.inputType = inputType;
        this.invocation = new Invocation(metrics);
    }

    /**
     * Registers the SnapStart priming: the JSON round trip of the input every task has, then {@code steps}. Called
     * at the end of the subclass constructor, once the clients the steps use are built.
     */
    protected final void prime(Priming.Step... steps) {
        if (priming != null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is primed already");
        }
        priming = Priming.register(Stream.concat(Stream.of(jsonRoundTrip()), Stream.of(steps)).toArray(Priming.Step[]::new));
    }

    /** The priming registered by {@link #prime} (for tests and logs). */
    public final Priming priming() {
        if (priming == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " never called prime()");
        }
        return priming;
    }

    @Override
    public final O handleRequest(I request, Context context) {
        return invocation.run(context, logKeys(request), () -> handle(request));
    }

    /** The log keys of this task's lines, from its input: {@code Invocation.keys("instanceId", …)}. */
    protected abstract Map<String, String> logKeys(I request);

    /** The task's work, run with the log keys set; the metrics are flushed after it. */
    protected abstract O handle(I request);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        I request = read(input);
        Json.writeResponse(output, handleRequest(request, context));
    }

    /**
     * Priming: the first read of a task input builds Jackson's deserializer for the input record and everything
     * it holds, and the first write builds the serializers; both would otherwise land on the first invocation.
     */
    private Priming.Step jsonRoundTrip() {
        String sample = "/priming/" + inputType.getSimpleName() + ".json";
        return new Priming.Step("the first read and write of " + inputType.getSimpleName()
                + " builds Jackson's (de)serializers for the task records", () -> {
            try (InputStream input = JsonTaskHandler.class.getResourceAsStream(sample)) {
                if (input == null) {
                    throw new IllegalStateException("no priming sample " + sample);
                }
                Json.mapper().writeValueAsBytes(read(input));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Reads a task input the way the stream entry point does (for priming and tests). */
    public I read(InputStream input) throws IOException {
        try {
            I request = Json.mapper().readValue(input, inputType);
            if (request == null) {
                throw new InvalidTaskInputException("input", "is null");
            }
            return request;
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new InvalidTaskInputException("input", "is not a " + inputType.getSimpleName() + ": " + e.getOriginalMessage());
            }
            // a value that does not bind (an enum name, a completion reason) is named by its place in the input
            throw new InvalidTaskInputException(fieldPath(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidTaskInputException("input", "is not a " + inputType.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /** Where a binding error happened, as {@code settings.waitForPods[1].namespace}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
