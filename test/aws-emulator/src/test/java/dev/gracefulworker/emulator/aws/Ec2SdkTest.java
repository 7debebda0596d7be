package dev.gracefulworker.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/** EC2 DescribeInstances through the real AWS SDK v2 client (ec2 query protocol). */
class Ec2SdkTest {

  private static final String INSTANCE = "i-0a1b2c3d4e5f60718";

  private final AwsEmulator emulator = AwsEmulator.start();
  private final Ec2Client client = SdkClients.connect(Ec2Client.builder(), emulator.endpoint());

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  @Test
  void knownInstance_isDescribedWithStatePrivateDnsAndZone() {
    emulator.ec2().addInstance(INSTANCE, "running", "ip-10-0-1-17.eu-west-1.compute.internal", "eu-west-1b");

    var response = client.describeInstances(request -> request.instanceIds(INSTANCE));

    assertThat(response.reservations()).singleElement().satisfies(reservation ->
        assertThat(reservation.instances()).singleElement().satisfies(instance -> {
          assertThat(instance.instanceId()).isEqualTo(INSTANCE);
          assertThat(instance.state().name()).isEqualTo(InstanceStateName.RUNNING);
          assertThat(instance.state().code()).isEqualTo(16);
          assertThat(instance.privateDnsName()).isEqualTo("ip-10-0-1-17.eu-west-1.compute.internal");
          assertThat(instance.placement().availabilityZone()).isEqualTo("eu-west-1b");
        }));
  }

  @Test
  void stateChange_isWhatTheNextDescribeReports() {
    emulator.ec2().addInstance(INSTANCE, "running", "ip-10-0-1-17.eu-west-1.compute.internal", "eu-west-1b");

    emulator.ec2().setState(INSTANCE, "shutting-down");

    Instance instance = client.describeInstances(request -> request.instanceIds(INSTANCE))
        .reservations().getFirst().instances().getFirst();
    assertThat(instance.state().name()).isEqualTo(InstanceStateName.SHUTTING_DOWN);
    assertThat(instance.state().code()).isEqualTo(32);
  }

  @Test
  void terminatedInstance_isStillDescribedButWithoutPrivateDnsName() {
    emulator.ec2().addInstance(INSTANCE, "running", "ip-10-0-1-17.eu-west-1.compute.internal", "eu-west-1b");
    emulator.ec2().setState(INSTANCE, "terminated");

    Instance instance = client.describeInstances(request -> request.instanceIds(INSTANCE))
        .reservations().getFirst().instances().getFirst();

    assertThat(instance.state().name()).isEqualTo(InstanceStateName.TERMINATED);
    assertThat(instance.state().code()).isEqualTo(48);
    assertThat(instance.privateDnsName()).isEmpty();
  }

  @Test
  void unknownInstance_isInvalidInstanceIdNotFound() {
    var error = catchThrowableOfType(Ec2Exception.class,
        () -> client.describeInstances(request -> request.instanceIds("i-0fffffffffffffff0")));

    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.NotFound");
    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The instance ID 'i-0fffffffffffffff0' does not exist");
  }

  @Test
  void malformedInstanceId_isInvalidInstanceIdMalformed() {
    var error = catchThrowableOfType(Ec2Exception.class,
        () -> client.describeInstances(request -> request.instanceIds("node-1")));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.Malformed");
  }

  @Test
  void privateDnsNameFilter_findsTheInstanceHoldingTheName_andOtherFiltersAreRefused() {
    emulator.ec2().addInstance(INSTANCE, "running", "ip-10-0-1-17.eu-west-1.compute.internal", "eu-west-1b");
    emulator.ec2().addInstance("i-0b1b2c3d4e5f60719", "running", "ip-10-0-1-18.eu-west-1.compute.internal",
        "eu-west-1a");

    var found = client.describeInstances(request -> request.filters(Filter.builder().name("private-dns-name")
        .values("ip-10-0-1-17.eu-west-1.compute.internal").build()));
    var error = catchThrowableOfType(Ec2Exception.class, () -> client.describeInstances(request -> request
        .filters(Filter.builder().name("tag:Name").values("workers").build())));

    assertThat(found.reservations()).flatExtracting(reservation -> reservation.instances())
        .extracting(Instance::instanceId).containsExactly(INSTANCE);
    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
  }

  @Test
  void throttledDescribe_isRetriedByTheSdkAndSucceeds() {
    emulator.ec2().addInstance(INSTANCE, "running", "ip-10-0-1-17.eu-west-1.compute.internal", "eu-west-1b");
    emulator.throttle("DescribeInstances", 1);

    var response = client.describeInstances(request -> request.instanceIds(INSTANCE));

    assertThat(response.reservations()).hasSize(1);
    assertThat(emulator.calls("DescribeInstances")).extracting(AwsCall::errorCode)
        .containsExactly("RequestLimitExceeded", null);
  }
}
