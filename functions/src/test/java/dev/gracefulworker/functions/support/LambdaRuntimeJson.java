package dev.gracefulworker.functions.support;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * (De)serializes exactly as the Lambda Java runtime does (aws-lambda-java-serialization): its own shaded Jackson,
 * no creator auto-detection, unknown properties ignored, nulls left out, and mix-ins for the events library.
 */
public final class LambdaRuntimeJson {

    private LambdaRuntimeJson() {}

    public static <T> T read(String json, Class<T> type) {
        return serializer(type).fromJson(json);
    }

    public static <T> String write(T value, Class<T> type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(type).toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor(type, LambdaRuntimeJson.class.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
