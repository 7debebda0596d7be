package dev.gracefulworker.e2e.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.e2e.RepoLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One way the Java runtime reads an event and writes a result, as a table row. */
    record Case(String behaviour, Object handler, String event, String expectedPayload) {
        @Override
        public String toString() {
            return behaviour;
        }
    }

    static Stream<Case> runtimeBehaviours() {
        return Stream.of(
                new Case("a record event is read (unknown fields ignored) and a record result written",
                        TestHandlers.greeter(), "{\"name\":\"Ada\",\"visits\":2,\"unknown\":true}",
                        "{\"text\":\"Hello Ada (2)\",\"names\":[\"Ada\"]}"),
                // the runtime writes the declared output type (an interface without bean properties), not the class
                new Case("a result declared as a sealed interface is written as an empty object",
                        TestHandlers.progressReporter(), "{\"name\":\"Ada\",\"visits\":1}", "{}"),
                new Case("null fields of the result are left out",
                        TestHandlers.nullableGreeter(), "{\"name\":\"Ada\"}", "{\"text\":\"Hello Ada\"}"),
                new Case("a handler typed through a generic base class gets its concrete input type",
                        TestHandlers.inheritedGreeter(), "{\"name\":\"Ada\"}", "{\"text\":\"Hello Ada\",\"names\":[]}"),
                new Case("a handler offering the stream interface is called through it",
                        TestHandlers.streamingGreeter(), "{\"name\":\"Ada\"}",
                        "{\"text\":\"Hello Ada from the stream side\",\"names\":null}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimeBehaviours")
    void handlerResult_isWrittenAsTheJavaRuntimeWritesIt(Case row) throws Exception {
        LambdaFunction function = LambdaFunction.of("function", row.handler());

        InvocationOutcome outcome = function.invoke(bytes(row.event()));

        assertThat(outcome).isInstanceOf(InvocationOutcome.Returned.class);
        assertThat(outcome.payload()).isEqualTo(JSON.readTree(row.expectedPayload()));
    }

    @Test
    void thrownException_isAnErrorDocumentNamedByTheExceptionClass() {
        LambdaFunction greeter = LambdaFunction.of("greeter", TestHandlers.greeter());

        InvocationOutcome outcome = greeter.invoke(bytes("{\"visits\":1}"));

        assertThat(outcome).isInstanceOfSatisfying(InvocationOutcome.Raised.class, raised -> {
            assertThat(raised.errorType()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(raised.payload().path("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(raised.payload().path("errorMessage").asText()).isEqualTo("name is missing");
            assertThat(raised.payload().path("stackTrace").isArray()).isTrue();
        });
    }

    @Test
    void snsEvent_isReadByTheRuntimeEventSerializer() throws Exception {
        byte[] snsEvent = Files.readAllBytes(RepoLayout.locate().savedEvent("sns-event-terminating.json"));
        LambdaFunction reader = LambdaFunction.of("reader", TestHandlers.snsReader());

        InvocationOutcome outcome = reader.invoke(snsEvent);

        assertThat(outcome.payload().asText()).contains("\"EC2InstanceId\":\"i-0a1b2c3d4e5f60718\"");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
