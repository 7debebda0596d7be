package dev.gracefulworker.emulator.aws;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An emulated EKS cluster: what DescribeCluster answers with.
 *
 * @param name the cluster name
 * @param endpoint the Kubernetes API server URL
 * @param caPem the cluster CA certificate, PEM (DescribeCluster sends it base64-encoded)
 * @param createdAt when it was added
 * @param authenticationMode {@code accessConfig.authenticationMode}: CONFIG_MAP, API_AND_CONFIG_MAP or API
 */
record EksCluster(String name, URI endpoint, String caPem, Instant createdAt, String authenticationMode) {

  EksCluster {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(caPem, "caPem");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(authenticationMode, "authenticationMode");
  }

  EksCluster withAuthenticationMode(String mode) {
    return new EksCluster(name, endpoint, caPem, createdAt, mode);
  }

  /** Access entries can be read and written only in API or API_AND_CONFIG_MAP mode. */
  boolean allowsAccessEntries() {
    return !authenticationMode.equals("CONFIG_MAP");
  }

  String arn() {
    return "arn:aws:eks:" + AwsService.REGION + ":" + AwsService.ACCOUNT + ":cluster/" + name;
  }
}
