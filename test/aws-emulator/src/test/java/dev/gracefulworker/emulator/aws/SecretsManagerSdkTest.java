package dev.gracefulworker.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Secrets Manager GetSecretValue through the real AWS SDK v2 client (awsJson1_1). */
class SecretsManagerSdkTest {

  private final AwsEmulator emulator = AwsEmulator.start();
  private final SecretsManagerClient client = SdkClients.connect(SecretsManagerClient.builder(), emulator.endpoint());

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  @Test
  void secretByName_answersItsStringArnAndVersion() {
    emulator.secrets().put("workers/kubeconfig", "apiVersion: v1");

    var response = client.getSecretValue(request -> request.secretId("workers/kubeconfig"));

    assertThat(response.secretString()).isEqualTo("apiVersion: v1");
    assertThat(response.name()).isEqualTo("workers/kubeconfig");
    assertThat(response.arn()).matches("arn:aws:secretsmanager:eu-west-1:111122223333:secret:workers/kubeconfig-[A-Za-z]{6}");
    assertThat(response.versionId()).isNotBlank();
    assertThat(response.versionStages()).containsExactly("AWSCURRENT");
  }

  @Test
  void secretByArn_answersTheLatestVersion() {
    emulator.secrets().put("workers/kubeconfig", "old");
    emulator.secrets().put("workers/kubeconfig", "new");
    String arn = emulator.secrets().arn("workers/kubeconfig").orElseThrow();

    var response = client.getSecretValue(request -> request.secretId(arn));

    assertThat(response.secretString()).isEqualTo("new");
  }

  @Test
  void clientWithoutEndpointOverride_reachesTheEmulatorThroughTheEndpointUrlSetting() {
    emulator.secrets().put("s", "v");
    // the system property twin of AWS_ENDPOINT_URL, which the SDK reads when no endpointOverride is set
    System.setProperty("aws.endpointUrl", emulator.endpoint().toString());
    try (SecretsManagerClient configured = SecretsManagerClient.builder()
        .region(Region.EU_WEST_1)
        .credentialsProvider(SdkClients.CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build()) {

      var response = configured.getSecretValue(request -> request.secretId("s"));

      assertThat(response.secretString()).isEqualTo("v");
    } finally {
      System.clearProperty("aws.endpointUrl");
    }
  }

  @Test
  void unknownSecret_isResourceNotFound() {
    var error = catchThrowableOfType(ResourceNotFoundException.class,
        () -> client.getSecretValue(request -> request.secretId("missing")));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
  }
}
