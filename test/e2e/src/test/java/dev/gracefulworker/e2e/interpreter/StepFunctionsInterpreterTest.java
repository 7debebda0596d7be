package dev.gracefulworker.e2e.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gracefulworker.e2e.RepoLayout;
import dev.gracefulworker.e2e.lambda.LambdaFunction;
import dev.gracefulworker.e2e.lambda.LocalLambda;
import dev.gracefulworker.e2e.lambda.TestHandlers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepFunctionsInterpreterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:greeting";
    private static final Instant START = Instant.parse("2026-11-20T09:41:07.512Z");

    private static LocalLambda lambda;
    private static StepFunctionsInterpreter interpreter;

    @BeforeAll
    static void startLocalLambda() {
        lambda = LocalLambda.start(List.of(
                LambdaFunction.of("greeter", TestHandlers.greeter()),
                LambdaFunction.of("progress", TestHandlers.nameEcho())));
        RepoLayout repo = RepoLayout.locate();
        // these definitions have no AWS SDK integration task: nothing listens there
        interpreter = new StepFunctionsInterpreter(repo.node(), repo.interpreterScript(), lambda.endpoint(),
                java.net.URI.create("http://127.0.0.1:9"));
    }

    @AfterAll
    static void stopLocalLambda() {
        lambda.close();
    }

    @Test
    void taskStates_invokeTheLocalFunctions_withTheContextObjectOfTheExecution() throws Exception {
        List<ExecutionEvent> seen = new ArrayList<>();

        ExecutionResult result = interpreter.run(request("{\"name\":\"Ada\",\"visits\":2,\"pause\":45}", "greet-ada"), seen::add);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output().at("/greeting/text").asText()).isEqualTo("Hello Ada (2)");
        assertThat(result.output().at("/progress/text").asText()).isEqualTo("greet-ada");
        assertThat(result.statesEntered())
                .containsExactly("Greet", "Report progress", "Rest a while", "Should it fail?", "Done");
        assertThat(seen).isEqualTo(result.events());
    }

    @Test
    void startTime_isTheInstantAskedFor() throws Exception {
        ExecutionResult result = interpreter.run(request("{\"name\":\"Ada\",\"visits\":2,\"pause\":1}", "clock"), event -> { });

        assertThat(result.output().at("/progress/names/0").asText()).isEqualTo(START.toString());
    }

    @Test
    void failingTask_isRetriedThenCaught_andTheExecutionFailsWithTheErrorAndCause() throws Exception {
        ExecutionResult result = interpreter.run(request("{\"name\":\"Bob\",\"visits\":1,\"pause\":1}", "greet-bob"), event -> { });

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(result.cause()).contains("name is missing");
        assertThat(result.events()).filteredOn(ExecutionEvent.StateRetried.class::isInstance).hasSize(2);
        assertThat(result.events()).filteredOn(ExecutionEvent.StateCaught.class::isInstance).hasSize(1);
        assertThat(lambda.invocations()).filteredOn(invocation -> invocation.event().path("visits").asInt() == 1
                && invocation.event().path("name").isMissingNode()).hasSize(3);
    }

    private static ExecutionRequest request(String input, String name) throws Exception {
        JsonNode json = JSON.readTree(input);
        return new ExecutionRequest(definition(), json, STATE_MACHINE, name, START, Duration.ZERO, Duration.ZERO);
    }

    private static Path definition() throws URISyntaxException {
        return Path.of(StepFunctionsInterpreterTest.class.getResource("/asl/greeting.asl.json").toURI());
    }
}
