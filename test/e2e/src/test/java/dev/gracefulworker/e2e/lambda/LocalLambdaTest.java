package dev.gracefulworker.e2e.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gracefulworker.e2e.RepoLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalLambda lambda;

    @BeforeEach
    void start() {
        lambda = LocalLambda.start(List.of(
                LambdaFunction.of("greeter", TestHandlers.greeter()),
                LambdaFunction.of("sns-reader", TestHandlers.snsReader())));
    }

    @AfterEach
    void stop() {
        lambda.close();
    }

    @Test
    void invokeByArnWithAlias_reachesTheFunctionByName() throws Exception {
        HttpResponse<String> response = post("arn:aws:lambda:eu-west-1:111122223333:function:greeter:live",
                "{\"name\":\"Ada\",\"visits\":1}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
        assertThat(JSON.readTree(response.body()).path("text").asText()).isEqualTo("Hello Ada (1)");
        assertThat(lambda.invocations()).extracting(Invocation::functionName).containsExactly("greeter");
    }

    @Test
    void handlerException_isA200WithTheFunctionErrorHeaderAndTheErrorDocument() throws Exception {
        HttpResponse<String> response = post("greeter", "{\"visits\":1}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("name is missing");
    }

    @Test
    void unknownFunction_isResourceNotFound() throws Exception {
        HttpResponse<String> response = post("arn:aws:lambda:eu-west-1:111122223333:function:missing", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
    }

    @Test
    void asyncInvocationThatKeepsFailing_isTriedThreeTimes_thenDeadLettered() throws Exception {
        JsonNode malformed = snsEventWithMessage("{\"malformed\": true}");

        LocalLambda.AsyncDelivery delivery = lambda.invokeAsync("sns-reader", malformed);

        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(lambda.invocations()).hasSize(3);
        assertThat(lambda.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.functionName()).isEqualTo("sns-reader");
            assertThat(letter.errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(letter.event()).isEqualTo(malformed);
        });
    }

    @Test
    void asyncInvocationThatSucceeds_isTriedOnce_andNothingIsDeadLettered() throws Exception {
        LocalLambda.AsyncDelivery delivery = lambda.invokeAsync("sns-reader", snsEventWithMessage("{\"fine\": true}"));

        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(lambda.deadLetters()).isEmpty();
    }

    @Test
    void functionName_acceptsNamesAliasesAndArns() {
        assertThat(LocalLambda.functionName("gwt-check-pods")).isEqualTo("gwt-check-pods");
        assertThat(LocalLambda.functionName("gwt-check-pods:live")).isEqualTo("gwt-check-pods");
        assertThat(LocalLambda.functionName("111122223333:function:gwt-check-pods")).isEqualTo("gwt-check-pods");
        assertThat(LocalLambda.functionName("arn:aws:lambda:eu-west-1:111122223333:function:gwt-check-pods:live"))
                .isEqualTo("gwt-check-pods");
    }

    private static JsonNode snsEventWithMessage(String message) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(
                Files.readString(RepoLayout.locate().savedEvent("sns-event-terminating.json")));
        ((ObjectNode) event.path("Records").get(0).path("Sns")).put("Message", message);
        return event;
    }

    private HttpResponse<String> post(String functionName, String body) throws Exception {
        URI uri = lambda.endpoint().resolve("/2015-03-31/functions/"
                + URLEncoder.encode(functionName, StandardCharsets.UTF_8) + "/invocations");
        return HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
