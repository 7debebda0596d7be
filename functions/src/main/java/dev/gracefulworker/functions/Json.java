package dev.gracefulworker.functions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.gracefulworker.contract.CompletionReason;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The functions' own JSON mapper. The task handlers read their input and write their output with it through the
 * stream entry point ({@link JsonTaskHandler}), not with the Lambda runtime's serializer: unknown fields are ignored,
 * nulls are written, and the contract's values whose JSON is not their Java name are mapped here (the contract
 * module has no Jackson).
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(contractValues());

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes a handler's result to the stream entry point's output, which the runtime owns: flushed, never closed. */
    public static void writeResponse(OutputStream output, Object result) throws IOException {
        MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(output, result);
        output.flush();
    }

    /** {@link CompletionReason} as the definition sends it: its camelCase wire value ({@code "nothingToDrain"}). */
    private static SimpleModule contractValues() {
        return new SimpleModule("workflow-contract")
                .addSerializer(CompletionReason.class, new StdScalarSerializer<>(CompletionReason.class) {
                    @Override
                    public void serialize(CompletionReason reason, JsonGenerator json, SerializerProvider provider)
                            throws IOException {
                        json.writeString(reason.wire());
                    }
                })
                .addDeserializer(CompletionReason.class, new StdScalarDeserializer<>(CompletionReason.class) {
                    @Override
                    public CompletionReason deserialize(JsonParser json, DeserializationContext context) throws IOException {
                        String value = json.getValueAsString();
                        try {
                            return CompletionReason.fromWire(value);
                        } catch (IllegalArgumentException e) {
                            throw context.weirdStringException(value, CompletionReason.class, e.getMessage());
                        }
                    }
                });
    }
}
