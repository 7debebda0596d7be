package dev.gracefulworker.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/** EKS DescribeCluster through the real AWS SDK v2 client (restJson1). */
class EksSdkTest {

  private static final String CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIBdummy\n-----END CERTIFICATE-----\n";

  private final AwsEmulator emulator = AwsEmulator.start();
  private final EksClient client = SdkClients.connect(EksClient.builder(), emulator.endpoint());

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  @Test
  void knownCluster_isDescribedWithEndpointAndBase64Ca() {
    emulator.eks().addCluster("workers", URI.create("https://127.0.0.1:6443"), CA_PEM);

    var cluster = client.describeCluster(request -> request.name("workers")).cluster();

    assertThat(cluster.name()).isEqualTo("workers");
    assertThat(cluster.arn()).isEqualTo("arn:aws:eks:eu-west-1:111122223333:cluster/workers");
    assertThat(cluster.endpoint()).isEqualTo("https://127.0.0.1:6443");
    assertThat(cluster.status()).isEqualTo(ClusterStatus.ACTIVE);
    assertThat(cluster.version()).isNotBlank();
    assertThat(new String(Base64.getDecoder().decode(cluster.certificateAuthority().data()), StandardCharsets.UTF_8))
        .isEqualTo(CA_PEM);
  }

  @Test
  void unknownCluster_isResourceNotFound() {
    var error = catchThrowableOfType(ResourceNotFoundException.class,
        () -> client.describeCluster(request -> request.name("nope")));

    assertThat(error.statusCode()).isEqualTo(404);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("No cluster found for name: nope.");
  }
}
