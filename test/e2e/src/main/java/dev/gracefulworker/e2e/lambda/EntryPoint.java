package dev.gracefulworker.e2e.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * How the Java runtime calls a handler class: through {@link RequestStreamHandler} when the class implements it (the
 * runtime checks that interface first), else through {@link RequestHandler} with the runtime's serializers.
 */
sealed interface EntryPoint {

    /** Runs the handler on one event and returns the response payload. */
    byte[] handle(byte[] event, Context context) throws IOException;

    /** The entry point the runtime would choose for this handler object. */
    static EntryPoint of(Object handler) {
        if (handler instanceof RequestStreamHandler streaming) {
            return new Streaming(streaming);
        }
        if (handler instanceof RequestHandler<?, ?> typed) {
            RuntimeSerialization.HandlerTypes types = RuntimeSerialization.typesOf(typed.getClass());
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> untyped = (RequestHandler<Object, Object>) typed;
            return new Typed(untyped, RuntimeSerialization.serializerFor(types.input()),
                    RuntimeSerialization.serializerFor(types.output()));
        }
        throw new IllegalArgumentException(handler.getClass().getName()
                + " implements neither RequestStreamHandler nor RequestHandler");
    }

    /** The handler reads the event and writes the response itself. */
    record Streaming(RequestStreamHandler handler) implements EntryPoint {
        @Override
        public byte[] handle(byte[] event, Context context) throws IOException {
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), response, context);
            return response.toByteArray();
        }
    }

    /** The runtime reads the event into the declared input type and writes the result from the declared output type. */
    record Typed(RequestHandler<Object, Object> handler, PojoSerializer<Object> inputSerializer,
                 PojoSerializer<Object> outputSerializer) implements EntryPoint {
        @Override
        public byte[] handle(byte[] event, Context context) {
            Object input = inputSerializer.fromJson(new ByteArrayInputStream(event));
            Object output = handler.handleRequest(input, context);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            outputSerializer.toJson(output, response);
            return response.toByteArray();
        }
    }
}
