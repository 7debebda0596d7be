package dev.gracefulworker.bench.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.functions.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * A handler built the way Lambda builds it (public no-arg constructor, configuration from the environment) and
 * invoked the way Lambda invokes it: through the stream interface when the handler has one (the task handlers),
 * else with the event object the runtime would build (the SNS starter). No Lambda context, as in the tests and the
 * local runner. Each invocation takes and returns JSON bytes, so (de)serialization is part of what is measured.
 */
final class HandlerUnderTest {

    private final Object handler;
    private final ObjectMapper mapper = Json.mapper();

    private HandlerUnderTest(Object handler) {
        this.handler = handler;
    }

    static HandlerUnderTest construct(String className) throws ReflectiveOperationException {
        Object handler = Class.forName(className).getConstructor().newInstance();
        if (!(handler instanceof RequestStreamHandler) && !(handler instanceof RequestHandler<?, ?>)) {
            throw new IllegalArgumentException(className + " is neither a RequestStreamHandler nor a RequestHandler");
        }
        return new HandlerUnderTest(handler);
    }

    /** One invocation with {@code input} as the event; returns the output JSON. */
    byte[] invoke(byte[] input) {
        try {
            if (handler instanceof RequestStreamHandler stream) {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                stream.handleRequest(new ByteArrayInputStream(input), output, null);
                return output.toByteArray();
            }
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> typed = (RequestHandler<Object, Object>) handler;
            Class<?> inputType = inputType(handler.getClass());
            JsonNode json = mapper.readTree(input);
            Object event = inputType == SNSEvent.class ? snsEvent(json) : mapper.treeToValue(json, inputType);
            return mapper.writeValueAsBytes(typed.handleRequest(event, null));
        } catch (IOException e) {
            throw new UncheckedIOException("invoking " + handler.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    private static Class<?> inputType(Class<?> handlerType) {
        for (Class<?> type = handlerType; type != null; type = type.getSuperclass()) {
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> input) {
                    return input;
                }
            }
        }
        throw new IllegalArgumentException(handlerType.getName() + " does not name its RequestHandler input type");
    }

    /** The runtime maps SNS's capitalised keys onto the event classes; they have no Jackson mapping of their own. */
    private static SNSEvent snsEvent(JsonNode json) {
        List<SNSEvent.SNSRecord> records = new ArrayList<>();
        for (JsonNode node : json.path("Records")) {
            JsonNode sns = node.path("Sns");
            records.add(new SNSEvent.SNSRecord()
                    .withEventSource(node.path("EventSource").asText())
                    .withEventVersion(node.path("EventVersion").asText())
                    .withSns(new SNSEvent.SNS()
                            .withType(sns.path("Type").asText())
                            .withMessageId(sns.path("MessageId").asText())
                            .withTopicArn(sns.path("TopicArn").asText())
                            .withMessage(sns.path("Message").asText())));
        }
        return new SNSEvent().withRecords(records);
    }
}
