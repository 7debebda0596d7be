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
 */
record EksCluster(String name, URI endpoint, String caPem, Instant createdAt) {

  EksCluster {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(caPem, "caPem");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  String arn() {
    return "arn:aws:eks:" + AwsService.REGION + ":" + AwsService.ACCOUNT + ":cluster/" + name;
  }
}
