package dev.gracefulworker.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint itself, reached with plain HTTP: what clients see before any service logic. */
class AwsEmulatorEndpointTest {

  private static final String SIGNATURE = "AWS4-HMAC-SHA256 Credential=test/20261120/eu-west-1/autoscaling/aws4_request, "
      + "SignedHeaders=host;x-amz-date, Signature=0123456789abcdef";

  private final AwsEmulator emulator = AwsEmulator.start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    http.close();
    emulator.close();
  }

  @Test
  void endpoint_isOnTheLoopbackInterface() {
    assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(emulator.endpoint().getPort()).isPositive();
  }

  @Test
  void unsignedRequest_isRefusedAsAwsDoes() throws Exception {
    HttpResponse<String> response = post(form("CompleteLifecycleAction"), null);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("<Code>MissingAuthenticationToken</Code>");
    assertThat(emulator.calls()).singleElement().extracting(AwsCall::errorCode)
        .isEqualTo("MissingAuthenticationToken");
  }

  @Test
  void queryError_isAnErrorResponseInTheServiceNamespace() throws Exception {
    HttpResponse<String> response = post(form("CompleteLifecycleAction")
        + "&AutoScalingGroupName=g&LifecycleHookName=h&LifecycleActionResult=CONTINUE&InstanceId=i-0123456789abcdef0",
        SIGNATURE);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .startsWith("<ErrorResponse xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\">")
        .contains("<Type>Sender</Type><Code>ValidationError</Code>"
            + "<Message>No active Lifecycle Action found with instance ID i-0123456789abcdef0</Message>")
        .contains("<RequestId>");
  }

  @Test
  void unknownQueryAction_isInvalidAction() throws Exception {
    HttpResponse<String> response = post(form("DescribeScalingActivities"), SIGNATURE);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>InvalidAction</Code>");
  }

  @Test
  void requestNoServiceClaims_isRecordedAsUnknown() throws Exception {
    HttpResponse<String> response = post("Action=Publish&Version=2010-03-31", SIGNATURE);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(emulator.calls()).singleElement().satisfies(call -> {
      assertThat(call.service()).isEqualTo("unknown");
      assertThat(call.errorCode()).isEqualTo("UnknownOperationException");
    });
  }

  @Test
  void queuedFailures_answerInOrderThenTheServiceAnswersAgain() throws Exception {
    emulator.fail("GetSecretValue", 500, 1);
    emulator.throttle("GetSecretValue", 1);
    emulator.secrets().put("s", "v");

    int first = getSecret().statusCode();
    int second = getSecret().statusCode();
    HttpResponse<String> third = getSecret();

    assertThat(first).isEqualTo(500);
    assertThat(second).isEqualTo(400);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(third.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
    assertThat(emulator.calls()).extracting(AwsCall::errorCode)
        .containsExactly("InternalFailure", "ThrottlingException", null);
  }

  @Test
  void faultForAnOperationTheEmulatorDoesNotAnswer_isRefused() {
    assertThatThrownBy(() -> emulator.throttle("CompleteLifecycleActions", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CompleteLifecycleActions");
    assertThatThrownBy(() -> emulator.fail("DescribeInstances", 404, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("404");
  }

  private static String form(String action) {
    return "Action=" + action + "&Version=2011-01-01";
  }

  private HttpResponse<String> getSecret() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
        .header("Content-Type", "application/x-amz-json-1.1")
        .header("X-Amz-Target", "secretsmanager.GetSecretValue")
        .header("Authorization", SIGNATURE)
        .POST(HttpRequest.BodyPublishers.ofString("{\"SecretId\":\"s\"}"))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String form, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/"))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
